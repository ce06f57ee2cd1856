import SocialdeckModel

/// Evaluates a filter against a document in Swift, with MongoDB's semantics.
/// SQLite uses it for the parts of a query it cannot answer from an index.
extension Filter {
    public func matches(_ doc: Document) -> Bool {
        switch self {
        case .all:
            return true
        case .compare(let path, let op, let value):
            let candidates = Filter.values(at: path, in: doc)
            switch op {
            case .eq:
                if value == .null && candidates.isEmpty { return true }
                return candidates.contains { $0.queryEquals(value) }
            case .ne:
                return !Filter.compare(path, .eq, value).matches(doc)
            default:
                return candidates.contains { c in
                    guard c.typeRank == value.typeRank else { return false }
                    let r = BSONValue.compare(c, value)
                    switch op {
                    case .gt: return r > 0
                    case .gte: return r >= 0
                    case .lt: return r < 0
                    case .lte: return r <= 0
                    default: return false
                    }
                }
            }
        case .isIn(let path, let values):
            let candidates = Filter.values(at: path, in: doc)
            if candidates.isEmpty && values.contains(.null) { return true }
            return candidates.contains { c in values.contains { c.queryEquals($0) } }
        case .notIn(let path, let values):
            return !Filter.isIn(path, values).matches(doc)
        case .exists(let path, let flag):
            return (doc.value(at: path) != nil || !Filter.values(at: path, in: doc).isEmpty) == flag
        case .elemMatch(let path, let inner):
            guard case .array(let items)? = doc.value(at: path) else { return false }
            return items.contains { item in
                if case .document(let d) = item { return inner.matches(d) }
                return false
            }
        case .and(let fs):
            return fs.allSatisfy { $0.matches(doc) }
        case .or(let fs):
            return fs.contains { $0.matches(doc) }
        case .not(let f):
            return !f.matches(doc)
        }
    }

    /// All values a path reaches, fanning out through arrays. An array at the end
    /// of the path contributes itself and each of its elements.
    static func values(at path: String, in doc: Document) -> [BSONValue] {
        var out = [BSONValue]()
        collect(.document(doc), path.split(separator: ".")[...], into: &out)
        return out
    }

    private static func collect(_ value: BSONValue, _ parts: ArraySlice<Substring>, into out: inout [BSONValue]) {
        guard let first = parts.first else {
            out.append(value)
            if case .array(let items) = value { out.append(contentsOf: items) }
            return
        }
        switch value {
        case .document(let d):
            if let v = d[String(first)] { collect(v, parts.dropFirst(), into: &out) }
        case .array(let items):
            if let i = Int(first), items.indices.contains(i) {
                collect(items[i], parts.dropFirst(), into: &out)
            }
            for item in items {
                if case .document = item { collect(item, parts, into: &out) }
            }
        default:
            return
        }
    }

    /// The value a sort on `path` uses: the smallest reachable value ascending,
    /// the largest descending, and null when the path reaches nothing.
    public static func sortKey(at path: String, in doc: Document, ascending: Bool) -> BSONValue {
        var candidates = values(at: path, in: doc).filter { if case .array = $0 { return false } else { return true } }
        if candidates.isEmpty { candidates = [.null] }
        return candidates.dropFirst().reduce(candidates[0]) { best, v in
            let c = BSONValue.compare(v, best)
            return (ascending ? c < 0 : c > 0) ? v : best
        }
    }
}
