/// An index key: a dotted field path and its direction.
public struct IndexKey: Sendable, Hashable {
    public var path: String
    public var ascending: Bool
    public init(_ path: String, ascending: Bool = true) {
        self.path = path
        self.ascending = ascending
    }
}

public struct IndexSpec: Sendable, Hashable {
    public var keys: [IndexKey]
    public var unique: Bool

    public init(_ keys: [IndexKey], unique: Bool = false) {
        self.keys = keys
        self.unique = unique
    }

    /// MongoDB's default index name: `field_1_other_-1`.
    public var name: String {
        keys.map { "\($0.path)_\($0.ascending ? 1 : -1)" }.joined(separator: "_")
    }
}

/// What storage needs to know about a collection beyond its documents.
public struct CollectionSchema: Sendable {
    public var name: String
    public var indexes: [IndexSpec]
    /// Paths whose value is an array. Queries through them match any element,
    /// as MongoDB's do, and SQLite cannot push them into a scalar index.
    public var arrayPaths: Set<String>
    /// Whether documents carry `deletedAt`, which ordinary queries then skip.
    public var softDeletes: Bool

    public init(name: String, indexes: [IndexSpec] = [], arrayPaths: Set<String> = [], softDeletes: Bool = false) {
        self.name = name
        self.indexes = indexes
        self.arrayPaths = arrayPaths
        self.softDeletes = softDeletes
    }

    /// True when `path` runs through an array, so one document can hold several values at it.
    public func isMultiValued(_ path: String) -> Bool {
        if arrayPaths.contains(path) { return true }
        var prefix = Substring(path)
        while let dot = prefix.lastIndex(of: ".") {
            prefix = prefix[..<dot]
            if arrayPaths.contains(String(prefix)) { return true }
        }
        return false
    }
}
