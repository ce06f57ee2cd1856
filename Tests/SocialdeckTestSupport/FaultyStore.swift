import SocialdeckModel
import SocialdeckStorage

/// A real store whose inserts or deletes fail on demand, for the paths a healthy store
/// never takes: an outage halfway through an import, and during its clean-up. It has no
/// transactions of its own, so `insertAll` runs `CompensatingInsert` over it.
public final class FaultyStore: DocumentStore, @unchecked Sendable {
    public static let injected = StoreError.unreachable("the test's injected failure")

    public let base: any DocumentStore
    /// Which `insertMany` calls fail (counted from 1), before they reach the store.
    public let failingInserts: Set<Int>
    public let deletesFail: Bool
    /// Which `bulkUpdate` and `findOneAndUpdate` calls fail (counted from 1): a process
    /// that dies between two steps of a write.
    public let failingBulkUpdates: Set<Int>
    public let failingFindOneAndUpdates: Set<Int>
    private var inserts = 0, bulkUpdates = 0, findOneAndUpdates = 0

    public init(_ base: any DocumentStore, failingInserts: Set<Int> = [], deletesFail: Bool = false,
                failingBulkUpdates: Set<Int> = [], failingFindOneAndUpdates: Set<Int> = []) {
        self.base = base
        self.failingInserts = failingInserts
        self.deletesFail = deletesFail
        self.failingBulkUpdates = failingBulkUpdates
        self.failingFindOneAndUpdates = failingFindOneAndUpdates
    }

    public var location: String { base.location }
    public var backend: StoreBackend { base.backend }
    public func register(_ schema: CollectionSchema) { base.register(schema) }

    public func insertOne(_ document: Document, into collection: String) throws { try insertMany([document], into: collection) }
    public func insertMany(_ documents: [Document], into collection: String) throws {
        inserts += 1
        if failingInserts.contains(inserts) { throw Self.injected }
        try base.insertMany(documents, into: collection)
    }
    public func deleteOne(_ collection: String, _ filter: Filter) throws -> Int {
        if deletesFail { throw Self.injected }
        return try base.deleteOne(collection, filter)
    }
    public func deleteMany(_ collection: String, _ filter: Filter) throws -> Int {
        if deletesFail { throw Self.injected }
        return try base.deleteMany(collection, filter)
    }

    public func find(_ collection: String, _ filter: Filter, options: FindOptions) throws -> [Document] {
        try base.find(collection, filter, options: options)
    }
    public func count(_ collection: String, _ filter: Filter, includeDeleted: Bool) throws -> Int {
        try base.count(collection, filter, includeDeleted: includeDeleted)
    }
    public func updateOne(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        try base.updateOne(collection, filter, update, includeDeleted: includeDeleted)
    }
    public func updateMany(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        try base.updateMany(collection, filter, update, includeDeleted: includeDeleted)
    }
    public func findOneAndUpdate(_ collection: String, _ filter: Filter, sort: [SortKey], _ update: Update,
                                 returnUpdated: Bool) throws -> Document? {
        findOneAndUpdates += 1
        if failingFindOneAndUpdates.contains(findOneAndUpdates) { throw Self.injected }
        return try base.findOneAndUpdate(collection, filter, sort: sort, update, returnUpdated: returnUpdated)
    }
    public func claimMany(_ collection: String, _ filter: Filter, sort: [SortKey], limit: Int, _ update: Update,
                          token: (path: String, value: BSONValue)) throws -> [Document] {
        return try base.claimMany(collection, filter, sort: sort, limit: limit, update, token: token)
    }
    public func bulkUpdate(_ collection: String, _ updates: [BulkUpdate]) throws -> Int {
        bulkUpdates += 1
        if failingBulkUpdates.contains(bulkUpdates) { throw Self.injected }
        return try base.bulkUpdate(collection, updates)
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
