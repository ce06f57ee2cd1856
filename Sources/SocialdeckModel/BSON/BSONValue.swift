import Foundation

/// One value of a stored document: the BSON types socialdeck uses.
public enum BSONValue: Sendable, Hashable {
    case double(Double)
    case string(String)
    case document(Document)
    case array([BSONValue])
    /// Bytes with their BSON subtype (0 generic, 4 UUID, 0x80–0xFF user defined…), kept
    /// as stored so a value another tool wrote is written back unchanged. For the
    /// deprecated subtype 2 the bytes exclude the inner length the encoding repeats.
    case binary([UInt8], subtype: UInt8 = 0)
    case objectId(ObjectId)
    case bool(Bool)
    /// Milliseconds since the Unix epoch, UTC: BSON's own date representation.
    case datetime(Int64)
    case null
    case int32(Int32)
    case int64(Int64)
    case timestamp(BSONTimestamp)

    public static func date(_ date: Date) -> BSONValue {
        .datetime(Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    public var dateValue: Date? {
        if case .datetime(let ms) = self { return Date(timeIntervalSince1970: Double(ms) / 1000) }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectIdValue: ObjectId? {
        if case .objectId(let id) = self { return id }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var documentValue: Document? {
        if case .document(let d) = self { return d }
        return nil
    }

    public var arrayValue: [BSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// Any numeric value as a Double.
    public var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int32(let i): return Double(i)
        case .int64(let i): return Double(i)
        default: return nil
        }
    }

    /// Any integral value (or a whole double) as an Int64.
    public var int64Value: Int64? {
        switch self {
        case .int32(let i): return Int64(i)
        case .int64(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 9.2e18: return Int64(d)
        default: return nil
        }
    }

    public var isNumber: Bool { doubleValue != nil }

    /// The BSON type byte this value is written with.
    public var typeCode: UInt8 {
        switch self {
        case .double: return 0x01
        case .string: return 0x02
        case .document: return 0x03
        case .array: return 0x04
        case .binary: return 0x05
        case .objectId: return 0x07
        case .bool: return 0x08
        case .datetime: return 0x09
        case .null: return 0x0A
        case .int32: return 0x10
        case .int64: return 0x12
        case .timestamp: return 0x11
        }
    }
}

extension BSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) {
        self = Int32(exactly: value).map(BSONValue.int32) ?? .int64(Int64(value))
    }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: BSONValue...) { self = .array(elements) }
}

/// Values that convert to a `BSONValue` on their own, so filters and updates read naturally.
public protocol BSONRepresentable: Sendable {
    var bsonValue: BSONValue { get }
}

extension BSONValue: BSONRepresentable { public var bsonValue: BSONValue { self } }
extension String: BSONRepresentable { public var bsonValue: BSONValue { .string(self) } }
extension Bool: BSONRepresentable { public var bsonValue: BSONValue { .bool(self) } }
extension Double: BSONRepresentable { public var bsonValue: BSONValue { .double(self) } }
extension Int: BSONRepresentable { public var bsonValue: BSONValue { .int64(Int64(self)) } }
extension Int64: BSONRepresentable { public var bsonValue: BSONValue { .int64(self) } }
extension Int32: BSONRepresentable { public var bsonValue: BSONValue { .int32(self) } }
extension Date: BSONRepresentable { public var bsonValue: BSONValue { .date(self) } }
extension ObjectId: BSONRepresentable { public var bsonValue: BSONValue { .objectId(self) } }
extension Document: BSONRepresentable { public var bsonValue: BSONValue { .document(self) } }

extension RawRepresentable where RawValue == String, Self: Sendable {
    public var bsonValue: BSONValue { .string(rawValue) }
}
