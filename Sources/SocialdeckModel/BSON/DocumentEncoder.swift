import Foundation

/// Encodes `Encodable` model values into documents. Dates become BSON dates,
/// `ObjectId`s stay ObjectIds, and nil optionals are left out, so a stored
/// document holds exactly the fields that have values.
public struct DocumentEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> Document {
        guard case .document(let d) = try encodeValue(value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "top level must be a keyed value"))
        }
        return d
    }

    public func encodeValue<T: Encodable>(_ value: T) throws -> BSONValue {
        if let special = specialValue(value) { return special }
        let encoder = BSONValueEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.root.value
    }
}

func specialValue(_ value: Any) -> BSONValue? {
    switch value {
    case let v as BSONValue: return v
    case let v as Date: return .date(v)
    case let v as ObjectId: return .objectId(v)
    case let v as Document: return .document(v)
    default: return nil
    }
}

/// A node of the tree being built; classes so nested containers can keep writing into it.
final class EncodingNode {
    enum Content { case empty, scalar(BSONValue), keyed([(String, EncodingNode)]), unkeyed([EncodingNode]) }
    var content: Content = .empty

    var value: BSONValue {
        switch content {
        case .empty: return .document(Document())
        case .scalar(let v): return v
        case .keyed(let pairs): return .document(Document(pairs.map { Document.Field($0.0, $0.1.value) }))
        case .unkeyed(let nodes): return .array(nodes.map(\.value))
        }
    }

    func appendKeyed(_ key: String, _ node: EncodingNode) {
        if case .keyed(var pairs) = content {
            content = .empty
            pairs.append((key, node))
            content = .keyed(pairs)
        } else {
            content = .keyed([(key, node)])
        }
    }

    func appendUnkeyed(_ node: EncodingNode) {
        if case .unkeyed(var nodes) = content {
            content = .empty
            nodes.append(node)
            content = .unkeyed(nodes)
        } else {
            content = .unkeyed([node])
        }
    }

    var count: Int {
        switch content {
        case .unkeyed(let n): return n.count
        case .keyed(let p): return p.count
        default: return 0
        }
    }
}

final class BSONValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let root: EncodingNode

    init(codingPath: [any CodingKey], node: EncodingNode = EncodingNode()) {
        self.codingPath = codingPath
        root = node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = root.content {} else { root.content = .keyed([]) }
        return KeyedEncodingContainer(KeyedBSONEncoding<Key>(node: root, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = root.content {} else { root.content = .unkeyed([]) }
        return UnkeyedBSONEncoding(node: root, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleBSONEncoding(node: root, codingPath: codingPath)
    }

    static func encode<T: Encodable>(_ value: T, at path: [any CodingKey]) throws -> EncodingNode {
        let node = EncodingNode()
        if let special = specialValue(value) {
            node.content = .scalar(special)
        } else {
            try value.encode(to: BSONValueEncoder(codingPath: path, node: node))
        }
        return node
    }
}

private func scalar(_ v: BSONValue) -> EncodingNode {
    let n = EncodingNode()
    n.content = .scalar(v)
    return n
}

private func integer<T: BinaryInteger>(_ v: T) -> BSONValue {
    if let i = Int32(exactly: v) { return .int32(i) }
    return .int64(Int64(truncatingIfNeeded: v))
}

struct KeyedBSONEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.appendKeyed(key.stringValue, scalar(.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.appendKeyed(key.stringValue, scalar(.bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.appendKeyed(key.stringValue, scalar(.string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.appendKeyed(key.stringValue, scalar(.double(value))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { node.appendKeyed(key.stringValue, scalar(.double(Double(value)))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.appendKeyed(key.stringValue, scalar(integer(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { node.appendKeyed(key.stringValue, scalar(.int32(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { node.appendKeyed(key.stringValue, scalar(.int64(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.appendKeyed(key.stringValue, try BSONValueEncoder.encode(value, at: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingNode()
        child.content = .keyed([])
        node.appendKeyed(key.stringValue, child)
        return KeyedEncodingContainer(KeyedBSONEncoding<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = EncodingNode()
        child.content = .unkeyed([])
        node.appendKeyed(key.stringValue, child)
        return UnkeyedBSONEncoding(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = EncodingNode()
        node.appendKeyed(key.stringValue, child)
        return BSONValueEncoder(codingPath: codingPath + [key], node: child)
    }
}

struct UnkeyedBSONEncoding: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var count: Int { node.count }

    mutating func encodeNil() throws { node.appendUnkeyed(scalar(.null)) }
    mutating func encode(_ value: Bool) throws { node.appendUnkeyed(scalar(.bool(value))) }
    mutating func encode(_ value: String) throws { node.appendUnkeyed(scalar(.string(value))) }
    mutating func encode(_ value: Double) throws { node.appendUnkeyed(scalar(.double(value))) }
    mutating func encode(_ value: Int) throws { node.appendUnkeyed(scalar(integer(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        node.appendUnkeyed(try BSONValueEncoder.encode(value, at: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingNode()
        child.content = .keyed([])
        node.appendUnkeyed(child)
        return KeyedEncodingContainer(KeyedBSONEncoding<NestedKey>(node: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = EncodingNode()
        child.content = .unkeyed([])
        node.appendUnkeyed(child)
        return UnkeyedBSONEncoding(node: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let child = EncodingNode()
        node.appendUnkeyed(child)
        return BSONValueEncoder(codingPath: codingPath, node: child)
    }
}

struct SingleBSONEncoding: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .scalar(.null) }
    mutating func encode(_ value: Bool) throws { node.content = .scalar(.bool(value)) }
    mutating func encode(_ value: String) throws { node.content = .scalar(.string(value)) }
    mutating func encode(_ value: Double) throws { node.content = .scalar(.double(value)) }
    mutating func encode(_ value: Float) throws { node.content = .scalar(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { node.content = .scalar(integer(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .scalar(.int32(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .scalar(.int64(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let child = try BSONValueEncoder.encode(value, at: codingPath)
        node.content = child.content
    }
}
