/// An ordered BSON document. Field order is kept, as MongoDB keeps it.
///
/// Documents are small (tens of fields), so lookup is a linear scan: cheaper
/// than hashing at this size and it keeps the order for free.
public struct Document: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: BSONValue
        public init(_ key: String, _ value: BSONValue) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init() { fields = [] }

    public init(_ fields: [Field]) { self.fields = fields }

    public init(_ pairs: KeyValuePairs<String, BSONValue>) {
        fields = pairs.map { Field($0.key, $0.value) }
    }

    public var isEmpty: Bool { fields.isEmpty }
    public var count: Int { fields.count }
    public var keys: [String] { fields.map(\.key) }

    public subscript(key: String) -> BSONValue? {
        get { fields.first(where: { $0.key == key })?.value }
        set {
            if let i = fields.firstIndex(where: { $0.key == key }) {
                if let newValue { fields[i].value = newValue } else { fields.remove(at: i) }
            } else if let newValue {
                fields.append(Field(key, newValue))
            }
        }
    }

    public mutating func append(_ key: String, _ value: BSONValue) {
        fields.append(Field(key, value))
    }

    /// The value at a dotted path (`approval.status`), through nested documents
    /// and numeric array indexes (`platforms.0.status`). Nil when any step is missing.
    public func value(at path: String) -> BSONValue? {
        value(at: path.split(separator: ".", omittingEmptySubsequences: false)[...])
    }

    /// The value at a path already split into its steps; hot loops split once and reuse it.
    public func value(atSteps steps: [Substring]) -> BSONValue? {
        value(at: steps[...])
    }

    func value(at parts: ArraySlice<Substring>) -> BSONValue? {
        guard let first = parts.first else { return .document(self) }
        guard let v = fields.first(where: { $0.key == first })?.value else { return nil }
        return v.descend(parts.dropFirst())
    }

    /// Sets the value at a dotted path, creating intermediate documents. Returns
    /// false when a step runs into a non-document value that cannot hold a field.
    @discardableResult
    public mutating func setValue(_ value: BSONValue?, at path: String) -> Bool {
        setValue(value, at: path.split(separator: ".", omittingEmptySubsequences: false)[...])
    }

    mutating func setValue(_ value: BSONValue?, at parts: ArraySlice<Substring>) -> Bool {
        guard let first = parts.first.map(String.init) else { return false }
        let rest = parts.dropFirst()
        if rest.isEmpty {
            self[first] = value
            return true
        }
        var child = self[first] ?? .document(Document())
        if value == nil && self[first] == nil { return true }
        guard child.setValue(value, at: rest) else { return false }
        self[first] = child
        return true
    }
}

extension Document: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, BSONValue)...) {
        fields = elements.map { Field($0.0, $0.1) }
    }
}

extension BSONValue {
    func descend(_ parts: ArraySlice<Substring>) -> BSONValue? {
        guard let first = parts.first else { return self }
        switch self {
        case .document(let d):
            return d.value(at: parts)
        case .array(let a):
            guard let i = Int(first), a.indices.contains(i) else { return nil }
            return a[i].descend(parts.dropFirst())
        default:
            return nil
        }
    }

    mutating func setValue(_ value: BSONValue?, at parts: ArraySlice<Substring>) -> Bool {
        switch self {
        case .document(var d):
            guard d.setValue(value, at: parts) else { return false }
            self = .document(d)
            return true
        case .array(var a):
            guard let first = parts.first, let i = Int(first), i >= 0, i < a.count + 1 else {
                return false
            }
            if parts.count == 1 {
                if i == a.count { if let value { a.append(value) } } else if let value {
                    a[i] = value
                } else {
                    a[i] = .null
                }
            } else {
                if i == a.count { a.append(.document(Document())) }
                guard a[i].setValue(value, at: parts.dropFirst()) else { return false }
            }
            self = .array(a)
            return true
        default:
            return false
        }
    }
}
