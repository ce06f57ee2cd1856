import Foundation

/// Decodes documents into `Decodable` model values. A field whose stored type
/// does not match the model is an error that names the field's path.
public struct DocumentDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from document: Document) throws -> T {
        try decode(type, from: .document(document))
    }

    public func decode<T: Decodable>(_ type: T.Type, from value: BSONValue) throws -> T {
        try BSONValueDecoder(value: value, codingPath: []).decodeTyped(type)
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

struct BSONValueDecoder: Decoder {
    let value: BSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decodeTyped<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Date.self {
            guard case .datetime(let ms) = value else { throw mismatch(type, "a date") }
            return Date(timeIntervalSince1970: Double(ms) / 1000) as! T
        }
        if type == ObjectId.self {
            guard case .objectId(let id) = value else { throw mismatch(type, "an ObjectId") }
            return id as! T
        }
        if type == BSONValue.self { return value as! T }
        if type == Document.self {
            guard case .document(let d) = value else { throw mismatch(type, "a document") }
            return d as! T
        }
        return try T(from: self)
    }

    func mismatch(_ type: Any.Type, _ expected: String) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(ExtendedJSON.string(from: value).prefix(80))"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .document(let d) = value else { throw mismatch(Document.self, "a document") }
        return KeyedDecodingContainer(KeyedBSONDecoding<Key>(document: d, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let a) = value else { throw mismatch([BSONValue].self, "an array") }
        return UnkeyedBSONDecoding(values: a, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleBSONDecoding(decoder: self)
    }
}

/// Scalar conversions shared by all three container kinds.
extension BSONValueDecoder {
    func bool() throws -> Bool {
        guard case .bool(let b) = value else { throw mismatch(Bool.self, "a boolean") }
        return b
    }

    func string() throws -> String {
        guard case .string(let s) = value else { throw mismatch(String.self, "a string") }
        return s
    }

    func double() throws -> Double {
        guard let d = value.doubleValue else { throw mismatch(Double.self, "a number") }
        return d
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let i = value.int64Value, let v = T(exactly: i) else { throw mismatch(type, "an integer in range") }
        return v
    }
}

struct KeyedBSONDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: Document
    let codingPath: [any CodingKey]

    var allKeys: [Key] { document.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { document[key.stringValue] != nil }

    private func child(_ key: Key) throws -> BSONValueDecoder {
        guard let v = document[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing field '\(key.stringValue)'"))
        }
        return BSONValueDecoder(value: v, codingPath: codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let v = document[key.stringValue] else { return true }
        return v == .null
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try child(key).double()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).integer(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).integer(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).integer(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decodeTyped(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try child(Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

struct UnkeyedBSONDecoding: UnkeyedDecodingContainer {
    let values: [BSONValue]
    let codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { values.count }
    var isAtEnd: Bool { currentIndex >= values.count }

    private mutating func next() throws -> BSONValueDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "array ended"))
        }
        defer { currentIndex += 1 }
        return BSONValueDecoder(value: values[currentIndex], codingPath: codingPath + [AnyKey(intValue: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        if !isAtEnd, values[currentIndex] == .null {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next().bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next().string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next().double() }
    mutating func decode(_ type: Int.Type) throws -> Int { try next().integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeTyped(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SingleBSONDecoding: SingleValueDecodingContainer {
    let decoder: BSONValueDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeTyped(type) }
}
