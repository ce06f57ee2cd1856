import SocialdeckModel
import SocialdeckStorage
import Synchronization

/// A store that records every call it passes on, as `operation collection` (for
/// example `find users`), so a test can say exactly what some code read or wrote.
/// It can also run something right after the next read of a collection, to land
/// another writer's change between a read and the write that follows it.
public final class CountingStore: DocumentStore, Sendable {
    public let base: any DocumentStore
    private let log = Mutex<[String]>([])
    private let afterNextFind = Mutex<[String: @Sendable () throws -> Void]>([:])

    /// Runs `body` once, right after the next `find` on `collection` returns its result.
    public func afterNextFind(in collection: String, _ body: @escaping @Sendable () throws -> Void) {
        afterNextFind.withLock { $0[collection] = body }
    }

    public init(_ base: any DocumentStore) { self.base = base }

    public var location: String { base.location }
    public var backend: StoreBackend { base.backend }

    /// Every call so far, oldest first.
    public var calls: [String] { log.withLock { $0 } }

    public func reset() { log.withLock { $0.removeAll() } }

    private func note(_ operation: String, _ collection: String = "") {
        log.withLock { $0.append(collection.isEmpty ? operation : "\(operation) \(collection)") }
    }

    public func register(_ schema: CollectionSchema) { base.register(schema) }
    public func changeVersion(of collections: [String]) throws -> ChangeVersion {
        note("changeVersion", collections.joined(separator: ","))
        return try base.changeVersion(of: collections)
    }
    public func insertOne(_ document: Document, into collection: String) throws {
        note("insertOne", collection)
        try base.insertOne(document, into: collection)
    }
    public func insertMany(_ documents: [Document], into collection: String) throws {
        note("insertMany", collection)
        try base.insertMany(documents, into: collection)
    }
    public func find(_ collection: String, _ filter: Filter, options: FindOptions) throws -> [Document] {
        note("find", collection)
        let found = try base.find(collection, filter, options: options)
        if let hook = afterNextFind.withLock({ $0.removeValue(forKey: collection) }) { try hook() }
        return found
    }
    public func count(_ collection: String, _ filter: Filter, includeDeleted: Bool) throws -> Int {
        note("count", collection)
        return try base.count(collection, filter, includeDeleted: includeDeleted)
    }
    public func updateOne(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        note("updateOne", collection)
        return try base.updateOne(collection, filter, update, includeDeleted: includeDeleted)
    }
    public func updateMany(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        note("updateMany", collection)
        return try base.updateMany(collection, filter, update, includeDeleted: includeDeleted)
    }
    public func claimMany(_ collection: String, _ filter: Filter, sort: [SortKey], limit: Int, _ update: Update,
                          token: (path: String, value: BSONValue)) throws -> [Document] {
        note("claimMany", collection)
        return try base.claimMany(collection, filter, sort: sort, limit: limit, update, token: token)
    }
    public func bulkUpdate(_ collection: String, _ updates: [BulkUpdate]) throws -> Int {
        note("bulkUpdate", collection)
        return try base.bulkUpdate(collection, updates)
    }
    public func findOneAndUpdate(_ collection: String, _ filter: Filter, sort: [SortKey], _ update: Update,
                                 returnUpdated: Bool) throws -> Document? {
        note("findOneAndUpdate", collection)
        return try base.findOneAndUpdate(collection, filter, sort: sort, update, returnUpdated: returnUpdated)
    }
    public func deleteOne(_ collection: String, _ filter: Filter) throws -> Int {
        note("deleteOne", collection)
        return try base.deleteOne(collection, filter)
    }
    public func deleteMany(_ collection: String, _ filter: Filter) throws -> Int {
        note("deleteMany", collection)
        return try base.deleteMany(collection, filter)
    }
    public func createIndex(_ index: IndexSpec, on collection: String) throws {
        note("createIndex", collection)
        try base.createIndex(index, on: collection)
    }
    public func indexNames(on collection: String) throws -> [String] {
        note("indexNames", collection)
        return try base.indexNames(on: collection)
    }
    public func aggregate(_ collection: String, _ aggregation: GroupedAggregation) throws -> [AggregateRow] {
        note("aggregate", collection)
        return try base.aggregate(collection, aggregation)
    }

    public func searchText(_ collection: String, path: String, query: String, filter: Filter, limit: Int) throws -> [Document] {
        note("searchText", collection)
        return try base.searchText(collection, path: path, query: query, filter: filter, limit: limit)
    }
    public func ping() throws {
        note("ping")
        try base.ping()
    }
    public func purgeDeletedData() throws -> Bool {
        note("purgeDeletedData")
        return try base.purgeDeletedData()
    }
}
