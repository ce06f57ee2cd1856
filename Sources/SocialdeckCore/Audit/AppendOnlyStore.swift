import SocialdeckModel
import SocialdeckStorage

/// The store as the core sees it: the audit logs accept new entries and reads,
/// and refuse every update and delete. `StoreLocation.open()` hands out only this.
public final class AppendOnlyStore: DocumentStore, @unchecked Sendable {
    public static let protectedCollections: Set<String> = [
        CollectionName.adminActivityLogs.rawValue, CollectionName.customerActivityLogs.rawValue,
    ]

    public let base: any DocumentStore
    public var location: String { base.location }
    public var backend: StoreBackend { base.backend }

    public init(_ base: any DocumentStore) { self.base = base }

    private func guardMutable(_ collection: String) throws {
        if Self.protectedCollections.contains(collection) {
            throw StoreError.invalidUpdate("\(collection) is append-only: audit entries cannot be changed or deleted")
        }
    }

    public func register(_ schema: CollectionSchema) { base.register(schema) }
    public func insertOne(_ document: Document, into collection: String) throws { try base.insertOne(document, into: collection) }
    public func insertMany(_ documents: [Document], into collection: String) throws { try base.insertMany(documents, into: collection) }
    public func insertAll(into collection: String, _ produce: (_ write: ([Document]) throws -> Void) throws -> Void) throws -> InsertAtomicity {
        try base.insertAll(into: collection, produce)
    }
    public func find(_ collection: String, _ filter: Filter, options: FindOptions) throws -> [Document] {
        try base.find(collection, filter, options: options)
    }
    public func count(_ collection: String, _ filter: Filter, includeDeleted: Bool) throws -> Int {
        try base.count(collection, filter, includeDeleted: includeDeleted)
    }
    public func updateOne(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        try guardMutable(collection)
        return try base.updateOne(collection, filter, update, includeDeleted: includeDeleted)
    }
    public func updateMany(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        try guardMutable(collection)
        return try base.updateMany(collection, filter, update, includeDeleted: includeDeleted)
    }
    public func findOneAndUpdate(_ collection: String, _ filter: Filter, sort: [SortKey], _ update: Update,
                                 returnUpdated: Bool) throws -> Document? {
        try guardMutable(collection)
        return try base.findOneAndUpdate(collection, filter, sort: sort, update, returnUpdated: returnUpdated)
    }
    public func claimMany(_ collection: String, _ filter: Filter, sort: [SortKey], limit: Int, _ update: Update,
                          token: (path: String, value: BSONValue)) throws -> [Document] {
        try guardMutable(collection)
        return try base.claimMany(collection, filter, sort: sort, limit: limit, update, token: token)
    }
    public func bulkUpdate(_ collection: String, _ updates: [BulkUpdate]) throws -> Int {
        try guardMutable(collection)
        return try base.bulkUpdate(collection, updates)
    }
    public func deleteOne(_ collection: String, _ filter: Filter) throws -> Int {
        try guardMutable(collection)
        return try base.deleteOne(collection, filter)
    }
    public func deleteMany(_ collection: String, _ filter: Filter) throws -> Int {
        try guardMutable(collection)
        return try base.deleteMany(collection, filter)
    }
    public func createIndex(_ index: IndexSpec, on collection: String) throws { try base.createIndex(index, on: collection) }
    public func indexNames(on collection: String) throws -> [String] { try base.indexNames(on: collection) }
    public func aggregate(_ collection: String, _ aggregation: GroupedAggregation) throws -> [AggregateRow] {
        try base.aggregate(collection, aggregation)
    }
    public func searchText(_ collection: String, path: String, query: String, filter: Filter, limit: Int) throws -> [Document] {
        try base.searchText(collection, path: path, query: query, filter: filter, limit: limit)
    }
    public func ping() throws { try base.ping() }
    public func purgeDeletedData() throws -> Bool { try base.purgeDeletedData() }
    public func changeVersion(of collections: [String]) throws -> ChangeVersion { try base.changeVersion(of: collections) }
}
