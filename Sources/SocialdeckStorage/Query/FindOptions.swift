import SocialdeckModel

public struct SortKey: Sendable, Hashable {
    public var path: String
    public var ascending: Bool
    public init(_ path: String, ascending: Bool = true) {
        self.path = path
        self.ascending = ascending
    }
    public static func asc(_ path: String) -> SortKey { SortKey(path) }
    public static func desc(_ path: String) -> SortKey { SortKey(path, ascending: false) }
}

/// Which fields come back: only the listed ones (plus `_id`), or all but the listed ones.
public enum Projection: Sendable, Hashable {
    case include([String])
    case exclude([String])

    public var document: Document {
        switch self {
        case .include(let paths): return Document(paths.map { .init($0, .int32(1)) })
        case .exclude(let paths): return Document(paths.map { .init($0, .int32(0)) })
        }
    }

    public func apply(to doc: Document) -> Document {
        switch self {
        case .include(let paths):
            var out = Document()
            if let id = doc["_id"] { out.append("_id", id) }
            for p in paths where p != "_id" {
                if let v = doc.value(at: p) { out.setValue(v, at: p) }
            }
            return out
        case .exclude(let paths):
            var out = doc
            for p in paths { out.setValue(nil, at: p) }
            return out
        }
    }
}

public struct FindOptions: Sendable, Hashable {
    public var sort: [SortKey]
    public var skip: Int
    public var limit: Int?
    public var projection: Projection?
    /// Soft-deleted documents (with `deletedAt`) are left out unless this is set.
    public var includeDeleted: Bool

    public init(sort: [SortKey] = [], skip: Int = 0, limit: Int? = nil, projection: Projection? = nil,
                includeDeleted: Bool = false) {
        self.sort = sort
        self.skip = skip
        self.limit = limit
        self.projection = projection
        self.includeDeleted = includeDeleted
    }
}
