import SocialdeckModel

/// The one storage interface. Both backends, SQLite and MongoDB, implement it and
/// pass the same conformance suite. Calls block; callers that must not wait
/// (the dashboard's input loop) call from a background queue.
public protocol DocumentStore: AnyObject, Sendable {
    /// Where the data lives, safe to show: a file path, or MongoDB hosts without credentials.
    var location: String { get }
    var backend: StoreBackend { get }

    /// Registers a collection's array paths and soft-delete rule. Collections in
    /// `SchemaCatalog` are registered when the store opens.
    func register(_ schema: CollectionSchema)

    func insertOne(_ document: Document, into collection: String) throws
    func insertMany(_ documents: [Document], into collection: String) throws

    /// Inserts every document `produce` hands to its `write` closure, batch by batch, as
    /// one unit: in a transaction where the backend has them (readers see nothing until
    /// all is in; a failure, in a write or thrown by `produce`, leaves nothing), otherwise
    /// by `CompensatingInsert`. `produce` must not call this store. Returns which it was.
    @discardableResult
    func insertAll(into collection: String, _ produce: (_ write: ([Document]) throws -> Void) throws -> Void) throws -> InsertAtomicity

    func find(_ collection: String, _ filter: Filter, options: FindOptions) throws -> [Document]
    func count(_ collection: String, _ filter: Filter, includeDeleted: Bool) throws -> Int

    /// Returns how many documents matched.
    @discardableResult
    func updateOne(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int
    @discardableResult
    func updateMany(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int

    /// Atomically finds the first match in `sort` order and updates it, so that of
    /// several processes racing for one document exactly one wins it.
    func findOneAndUpdate(_ collection: String, _ filter: Filter, sort: [SortKey], _ update: Update,
                          returnUpdated: Bool) throws -> Document?

    /// Claims up to `limit` documents matching `filter`, in `sort` order, applying
    /// `update` to each, and returns them as updated; of several processes racing, each
    /// document goes to exactly one. `update` must set `token.path` to `token.value`, a
    /// value unique to this call. SQLite claims the batch in one transaction (one
    /// commit); MongoDB reads candidates and claims them with one conditional
    /// `updateMany`, atomic per document, so a racing process may take some of them.
    func claimMany(_ collection: String, _ filter: Filter, sort: [SortKey], limit: Int, _ update: Update,
                   token: (path: String, value: BSONValue)) throws -> [Document]

    /// Applies each update to the first document its filter matches, all in one go: one
    /// transaction on SQLite (one commit), one ordered bulk write on MongoDB (one round
    /// trip). Returns how many documents matched in all.
    @discardableResult
    func bulkUpdate(_ collection: String, _ updates: [BulkUpdate]) throws -> Int

    @discardableResult
    func deleteOne(_ collection: String, _ filter: Filter) throws -> Int
    @discardableResult
    func deleteMany(_ collection: String, _ filter: Filter) throws -> Int

    /// Creates the index if it does not exist; creating it again changes nothing.
    func createIndex(_ index: IndexSpec, on collection: String) throws
    /// The names of the collection's indexes, in MongoDB's naming (`email_1`).
    func indexNames(on collection: String) throws -> [String]

    func aggregate(_ collection: String, _ aggregation: GroupedAggregation) throws -> [AggregateRow]

    /// Documents matching `filter` whose text at `path` shares a word with `query`, the
    /// most relevant first, at most `limit`.
    func searchText(_ collection: String, path: String, query: String, filter: Filter, limit: Int) throws -> [Document]

    /// Checks the store answers; throws `StoreError.unreachable` when it does not.
    func ping() throws

    /// Makes what was deleted or overwritten so far unrecoverable from the store's files,
    /// as an erasure needs. True when the backend could promise it: SQLite zeroes freed
    /// space as it goes and here empties its write-ahead log into the database file;
    /// a MongoDB server manages its own files, so there it is false.
    func purgeDeletedData() throws -> Bool

    /// A value that changes whenever a document of these collections is inserted,
    /// updated or deleted, by this process or any other (another socialdeck, an import,
    /// the sqlite3 shell, mongosh). Equal values mean nothing changed in between, so a
    /// dashboard may skip re-reading; see ``ChangeVersion``.
    func changeVersion(of collections: [String]) throws -> ChangeVersion
}

/// What ``DocumentStore/changeVersion(of:)`` returns: one opaque part a collection,
/// compared whole. SQLite counts changes with triggers; MongoDB counts the events of a
/// change stream, or, on a server without one, probes each collection's size and
/// newest `updatedAt`.
public struct ChangeVersion: Sendable, Hashable {
    public let parts: [String]
    public init(_ parts: [String]) { self.parts = parts }
}

/// How `insertAll` kept its documents together.
public enum InsertAtomicity: Sendable, Equatable {
    /// One transaction: all or nothing, and invisible to readers until committed.
    case transaction
    /// Batch by batch, removed again on failure; readers may see them meanwhile.
    case compensated
}

public enum StoreBackend: String, Sendable {
    case sqlite = "SQLite"
    case mongodb = "MongoDB"
}

extension DocumentStore {
    /// Without transactions: batch by batch, with the written batches removed again on failure.
    @discardableResult
    public func insertAll(into collection: String, _ produce: (_ write: ([Document]) throws -> Void) throws -> Void) throws -> InsertAtomicity {
        try CompensatingInsert(store: self, collection: collection).run(produce)
    }

    public func find(_ collection: String, _ filter: Filter = .all, sort: [SortKey] = [], skip: Int = 0,
                     limit: Int? = nil, projection: Projection? = nil, includeDeleted: Bool = false) throws -> [Document] {
        try find(collection, filter, options: FindOptions(sort: sort, skip: skip, limit: limit, projection: projection,
                                                         includeDeleted: includeDeleted))
    }

    public func findOne(_ collection: String, _ filter: Filter, sort: [SortKey] = [],
                        includeDeleted: Bool = false) throws -> Document? {
        try find(collection, filter, options: FindOptions(sort: sort, limit: 1, includeDeleted: includeDeleted)).first
    }

    public func count(_ collection: String, _ filter: Filter = .all) throws -> Int {
        try count(collection, filter, includeDeleted: false)
    }

    @discardableResult
    public func updateOne(_ collection: String, _ filter: Filter, _ update: Update) throws -> Int {
        try updateOne(collection, filter, update, includeDeleted: false)
    }

    @discardableResult
    public func updateMany(_ collection: String, _ filter: Filter, _ update: Update) throws -> Int {
        try updateMany(collection, filter, update, includeDeleted: false)
    }
}

/// Storage failures, typed so that callers can act on them.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A unique index refused the write.
    case duplicateKey(collection: String, detail: String)
    case unreachable(String)
    /// Another process held the write lock past the store's busy timeout.
    case busy(String)
    case notADatabase(String)
    case notWritable(String)
    case notADirectory(String)
    /// The store was written by a newer socialdeck.
    case newerSchema(found: Int, supported: Int)
    case invalidUpdate(String)
    case invalidQuery(String)
    case corruptDocument(collection: String, detail: String)
    /// A write of several batches failed and so did removing what it had written:
    /// these `_id`s may still be in the collection.
    case leftBehind(collection: String, ids: [BSONValue], failure: String, cleanupFailure: String)
    case backend(String)

    public var description: String {
        switch self {
        case .duplicateKey(let c, let d): return "duplicate key in \(c): \(d)"
        case .unreachable(let s): return "cannot reach \(s)"
        case .busy(let s): return "\(s) is busy: another process held its write lock for too long"
        case .notADatabase(let p): return "\(p) is not a socialdeck SQLite database; it was left untouched"
        case .notWritable(let p): return "\(p) is not writable"
        case .notADirectory(let p): return "\(p) is not a directory"
        case .newerSchema(let f, let s):
            return "this store has schema version \(f), newer than the \(s) this socialdeck understands; upgrade socialdeck to open it"
        case .invalidUpdate(let s): return "invalid update: \(s)"
        case .invalidQuery(let s): return "invalid query: \(s)"
        case .corruptDocument(let c, let d): return "a document in \(c) cannot be read: \(d)"
        case .leftBehind(let c, let ids, let failure, let cleanup):
            return "writing to \(c) failed (\(failure)) and removing what was written failed too (\(cleanup)); "
                + "\(ids.count) documents may be left behind, with these _ids:\n" + ids.map(ExtendedJSON.string(from:)).joined(separator: "\n")
        case .backend(let s): return s
        }
    }
}
