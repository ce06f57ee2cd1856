/// MongoDB's ordering of values of different types, so the SQLite backend sorts
/// and compares the way a MongoDB server would.
extension BSONValue {
    public var typeRank: Int {
        switch self {
        case .null: return 1
        case .double, .int32, .int64: return 2
        case .string: return 3
        case .document: return 4
        case .array: return 5
        case .binary: return 6
        case .objectId: return 7
        case .bool: return 8
        case .datetime: return 9
        case .timestamp: return 10
        }
    }

    /// Total order over values: by type rank first, then within the type.
    public static func compare(_ a: BSONValue, _ b: BSONValue) -> Int {
        let ra = a.typeRank, rb = b.typeRank
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case (.null, .null): return 0
        case (.string(let x), .string(let y)): return x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        case (.objectId(let x), .objectId(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.datetime(let x), .datetime(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.timestamp(let x), .timestamp(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.binary(let x, let xType), .binary(let y, let yType)):
            // MongoDB orders binary data by length, then subtype, then bytes.
            if x.count != y.count { return x.count < y.count ? -1 : 1 }
            if xType != yType { return xType < yType ? -1 : 1 }
            return x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
        case (.array(let x), .array(let y)):
            for (u, v) in zip(x, y) {
                let c = compare(u, v)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case (.document(let x), .document(let y)):
            for (u, v) in zip(x.fields, y.fields) {
                let c = compare(.string(u.key), .string(v.key))
                if c != 0 { return c }
                let d = compare(u.value, v.value)
                if d != 0 { return d }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        default:
            if let x = a.int64Value, let y = b.int64Value, a.isIntegral, b.isIntegral {
                return x == y ? 0 : (x < y ? -1 : 1)
            }
            let x = a.doubleValue ?? .nan, y = b.doubleValue ?? .nan
            if x == y || (x.isNaN && y.isNaN) { return 0 }
            if x.isNaN { return -1 }
            if y.isNaN { return 1 }
            return x < y ? -1 : 1
        }
    }

    public var isIntegral: Bool {
        switch self {
        case .int32, .int64: return true
        default: return false
        }
    }

    /// Equality as a query sees it: 1, 1.0 and Int64(1) are the same number.
    public func queryEquals(_ other: BSONValue) -> Bool {
        if isNumber && other.isNumber { return BSONValue.compare(self, other) == 0 }
        return self == other
    }
}
