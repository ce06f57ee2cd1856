import Foundation

/// The Extended JSON v2 wrappers a parsed object can stand for: `$oid`, `$date`,
/// `$numberInt`, `$numberLong`, `$numberDouble`, `$binary` (and its legacy
/// `$binary`/`$type` form), `$uuid` and `$timestamp`. An object that is not one of
/// them stays a document, so `{"$type": "string"}` (a query operator) is kept as is.
extension JSONParser {
    func extendedValue(_ doc: Document) throws -> BSONValue {
        guard let f = doc.fields.first, f.key.hasPrefix("$") else { return .document(doc) }
        if doc.count == 2, f.key == "$binary", case .string(let b64) = f.value,
           case .string(let type)? = doc["$type"] {
            return try binary(base64: b64, subtype: type)
        }
        guard doc.count == 1 else { return .document(doc) }
        switch (f.key, f.value) {
        case ("$oid", .string(let hex)):
            guard let id = ObjectId(hex: hex) else { throw fail("invalid $oid '\(hex)'") }
            return .objectId(id)
        case ("$date", .string(let s)):
            guard let ms = ISODate.milliseconds(from: s) else { throw fail("invalid $date '\(s)'") }
            return .datetime(ms)
        case ("$date", .document(let inner)):
            guard case .string(let s)? = inner["$numberLong"], let ms = Int64(s) else { throw fail("invalid $date") }
            return .datetime(ms)
        case ("$date", let v) where v.int64Value != nil:
            return .datetime(v.int64Value!)
        case ("$binary", .document(let inner)):
            guard inner.count == 2, case .string(let b64)? = inner["base64"], case .string(let type)? = inner["subType"] else {
                throw fail("invalid $binary: it needs a base64 string and a subType string")
            }
            return try binary(base64: b64, subtype: type)
        case ("$uuid", .string(let text)):
            return try uuid(text)
        case ("$timestamp", .document(let inner)):
            guard inner.count == 2, let t = inner["t"].flatMap(Self.uint32), let i = inner["i"].flatMap(Self.uint32) else {
                throw fail("invalid $timestamp: it needs t and i, whole numbers from 0 to 4294967295")
            }
            return .timestamp(BSONTimestamp(seconds: t, increment: i))
        case ("$numberLong", .string(let s)):
            guard let v = Int64(s) else { throw fail("invalid $numberLong") }
            return .int64(v)
        case ("$numberInt", .string(let s)):
            guard let v = Int32(s) else { throw fail("invalid $numberInt") }
            return .int32(v)
        case ("$numberDouble", .string(let s)):
            switch s {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default:
                guard let v = Double(s) else { throw fail("invalid $numberDouble") }
                return .double(v)
            }
        default:
            return .document(doc)
        }
    }

    /// `subType` is one or two hex digits.
    private func binary(base64: String, subtype: String) throws -> BSONValue {
        guard let data = Data(base64Encoded: base64) else { throw fail("invalid $binary: the base64 does not decode") }
        let digits = subtype.utf8.count == 1 ? [UInt8(ascii: "0")] + subtype.utf8 : Array(subtype.utf8)
        guard digits.count == 2, let type = Hex.bytes(digits)?.first else {
            throw fail("invalid $binary subType '\(subtype)': it must be one or two hex digits")
        }
        return .binary(Array(data), subtype: type)
    }

    /// `$uuid` is the canonical 8-4-4-4-12 hex text of a subtype 4 binary.
    private func uuid(_ text: String) throws -> BSONValue {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.utf8.count) == [8, 4, 4, 4, 12], let bytes = Hex.bytes(groups.joined().utf8) else {
            throw fail("invalid $uuid '\(text)'")
        }
        return .binary(bytes, subtype: 4)
    }

    private static func uint32(_ value: BSONValue) -> UInt32? {
        value.int64Value.flatMap { UInt32(exactly: $0) }
    }
}
