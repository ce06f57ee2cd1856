/// `Document` and `BSONValue` fields (the spec's free-form `Object`s) pass through
/// the document coders untouched. Other coders see them as Extended JSON text.
extension Document: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try ExtendedJSON.document(from: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(ExtendedJSON.string(from: self))
    }
}

extension BSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        var parser = JSONParser(text: text)
        self = try parser.parseTopLevel()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(ExtendedJSON.string(from: self))
    }
}
