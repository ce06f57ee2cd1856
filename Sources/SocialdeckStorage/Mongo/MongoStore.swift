import CMongoc
import Foundation
import SocialdeckModel

/// The MongoDB backend through libmongoc. Documents travel as socialdeck's own
/// BSON bytes, so ObjectIds and dates are native and mongosh sees the spec's schema.
public final class MongoStore: DocumentStore, @unchecked Sendable {
    public let backend = StoreBackend.mongodb
    public var location: String { "mongodb://\(pool.hosts)/\(pool.databaseName)" }
    /// The write concern the URI asked for, which every write uses.
    public var writeConcern: String { pool.writeConcern }

    let pool: MongoClientPool
    let lock = NSLock()
    private var schemas: [String: CollectionSchema] = [:]
    /// Whether the server runs transactions, once `hello` has said.
    var transactionSupport: Bool?
    /// What `changeVersion(of:)` reads.
    let changeFeed: MongoChangeFeed

    /// Connects and pings; throws `StoreError.unreachable` naming the hosts (never the password)
    /// when no server answers within the selection timeout.
    public init(uri: String, serverSelectionTimeout: Int32 = 3000) throws {
        pool = try MongoClientPool(uri: uri, serverSelectionTimeout: serverSelectionTimeout)
        changeFeed = MongoChangeFeed(pool: pool)
        for (name, schema) in SchemaCatalog.all { schemas[name.rawValue] = schema }
        try ping()
    }

    public func register(_ schema: CollectionSchema) {
        lock.withLock { schemas[schema.name] = schema }
    }

    func scoped(_ collection: String, _ filter: Filter, includeDeleted: Bool) -> BSONHandle {
        let softDeletes = lock.withLock { schemas[collection]?.softDeletes ?? false }
        return BSONHandle((softDeletes && !includeDeleted ? filter && .isNull("deletedAt") : filter).queryDocument)
    }

    func check(_ ok: Bool, _ error: bson_error_t, _ collection: String) throws {
        guard !ok else { return }
        var e = error
        let code = sd_error_code(&e)
        let message = MongoClientPool.message(error)
        if code == 11000 || code == 11001 { throw StoreError.duplicateKey(collection: collection, detail: message) }
        if let outage = pool.outage(error) { throw outage }
        throw StoreError.backend("MongoDB \(collection): \(message)")
    }

    private func cursorDocuments(_ cursor: OpaquePointer, _ collection: String) throws -> [Document] {
        defer { mongoc_cursor_destroy(cursor) }
        var out: [Document] = []
        var doc: OpaquePointer?
        while mongoc_cursor_next(cursor, &doc) {
            out.append(try Document.from(bson: doc!))
        }
        var error = bson_error_t()
        try check(!mongoc_cursor_error(cursor, &error), error, collection)
        return out
    }

    // MARK: - Writes

    public func insertOne(_ document: Document, into collection: String) throws {
        try insertMany([document], into: collection)
    }

    public func insertMany(_ documents: [Document], into collection: String) throws {
        guard !documents.isEmpty else { return }
        try pool.withCollection(collection) { coll in try insert(documents, into: coll, options: nil, collection) }
    }

    /// `insert_many` on an open collection handle; `options` carries a session inside a transaction.
    func insert(_ documents: [Document], into coll: OpaquePointer, options: OpaquePointer?, _ collection: String) throws {
        let handles = documents.map { doc in
            BSONHandle(doc["_id"] == nil ? Document([.init("_id", .objectId(ObjectId()))] + doc.fields) : doc)
        }
        var pointers: [OpaquePointer?] = handles.map(\.pointer)
        // The handles own the bson_t the pointers point at: they must outlive the call.
        try withExtendedLifetime(handles) {
            var error = bson_error_t()
            let ok = pointers.withUnsafeMutableBufferPointer {
                mongoc_collection_insert_many(coll, $0.baseAddress, $0.count, options, nil, &error)
            }
            try check(ok, error, collection)
        }
    }

    public func updateOne(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        try applyUpdate(collection, filter, update, includeDeleted: includeDeleted, many: false)
    }

    public func updateMany(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        try applyUpdate(collection, filter, update, includeDeleted: includeDeleted, many: true)
    }

    private func applyUpdate(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool, many: Bool) throws -> Int {
        guard !update.isEmpty else { return try count(collection, filter, includeDeleted: includeDeleted) }
        let query = scoped(collection, filter, includeDeleted: includeDeleted)
        defer { withExtendedLifetime(query) {} }
        let change = BSONHandle(update.updateDocument)
        defer { withExtendedLifetime(change) {} }
        return try pool.withCollection(collection) { coll in
            let reply = BSONReply()
            var error = bson_error_t()
            let ok = many
                ? mongoc_collection_update_many(coll, query.pointer, change.pointer, nil, reply.pointer, &error)
                : mongoc_collection_update_one(coll, query.pointer, change.pointer, nil, reply.pointer, &error)
            try check(ok, error, collection)
            return Int(try reply.document()["matchedCount"]?.int64Value ?? 0)
        }
    }

    public func findOneAndUpdate(_ collection: String, _ filter: Filter, sort: [SortKey], _ update: Update,
                                 returnUpdated: Bool) throws -> Document? {
        let query = scoped(collection, filter, includeDeleted: false)
        defer { withExtendedLifetime(query) {} }
        let change = BSONHandle(update.updateDocument)
        defer { withExtendedLifetime(change) {} }
        let order = BSONHandle(Self.sortDocument(sort))
        defer { withExtendedLifetime(order) {} }
        return try pool.withCollection(collection) { coll in
            let opts = mongoc_find_and_modify_opts_new()!
            defer { mongoc_find_and_modify_opts_destroy(opts) }
            mongoc_find_and_modify_opts_set_update(opts, change.pointer)
            if !sort.isEmpty { mongoc_find_and_modify_opts_set_sort(opts, order.pointer) }
            if returnUpdated { mongoc_find_and_modify_opts_set_flags(opts, MONGOC_FIND_AND_MODIFY_RETURN_NEW) }
            let reply = BSONReply()
            var error = bson_error_t()
            let ok = mongoc_collection_find_and_modify_with_opts(coll, query.pointer, opts, reply.pointer, &error)
            try check(ok, error, collection)
            return try reply.document()["value"]?.documentValue
        }
    }

    public func claimMany(_ collection: String, _ filter: Filter, sort: [SortKey], limit: Int, _ update: Update,
                          token: (path: String, value: BSONValue)) throws -> [Document] {
        guard limit > 0 else { return [] }
        // One job: the server's own find-and-modify, one round trip instead of three.
        if limit == 1 {
            return try findOneAndUpdate(collection, filter, sort: sort, update, returnUpdated: true).map { [$0] } ?? []
        }
        let candidates = try find(collection, filter, options: FindOptions(sort: sort, limit: limit, projection: .include(["_id"])))
            .compactMap { $0["_id"] }
        guard !candidates.isEmpty else { return [] }
        try updateMany(collection, filter && .isIn("_id", candidates), update, includeDeleted: false)
        return try find(collection, .isIn("_id", candidates) && .compare(token.path, .eq, token.value),
                        options: FindOptions(sort: sort))
    }

    public func deleteOne(_ collection: String, _ filter: Filter) throws -> Int {
        try delete(collection, filter, many: false)
    }

    public func deleteMany(_ collection: String, _ filter: Filter) throws -> Int {
        try delete(collection, filter, many: true)
    }

    private func delete(_ collection: String, _ filter: Filter, many: Bool) throws -> Int {
        let query = BSONHandle(filter.queryDocument)
        defer { withExtendedLifetime(query) {} }
        return try pool.withCollection(collection) { coll in
            let reply = BSONReply()
            var error = bson_error_t()
            let ok = many
                ? mongoc_collection_delete_many(coll, query.pointer, nil, reply.pointer, &error)
                : mongoc_collection_delete_one(coll, query.pointer, nil, reply.pointer, &error)
            try check(ok, error, collection)
            return Int(try reply.document()["deletedCount"]?.int64Value ?? 0)
        }
    }

    // MARK: - Reads

    static func sortDocument(_ sort: [SortKey]) -> Document {
        Document(sort.map { .init($0.path, .int32($0.ascending ? 1 : -1)) })
    }

    /// Ranked here with BM25 over the documents the filter selects (callers narrow it,
    /// to one organization's bounded memory): MongoDB's `$text` needs a text index, which
    /// the wire-protocol server the tests run against does not build.
    public func searchText(_ collection: String, path: String, query: String, filter: Filter, limit: Int) throws -> [Document] {
        guard TextRelevance.ftsQuery(query) != nil else { return [] }
        return TextRelevance.rank(try find(collection, filter, options: FindOptions(limit: 5_000)), path: path, query: query, limit: limit)
    }

    public func find(_ collection: String, _ filter: Filter, options: FindOptions) throws -> [Document] {
        let query = scoped(collection, filter, includeDeleted: options.includeDeleted)
        defer { withExtendedLifetime(query) {} }
        var opts = Document()
        if !options.sort.isEmpty { opts.append("sort", .document(Self.sortDocument(options.sort))) }
        if options.skip > 0 { opts.append("skip", .int64(Int64(options.skip))) }
        if let limit = options.limit {
            opts.append("limit", .int64(Int64(limit)))
            // One batch holds it all: ask the server to close the cursor at once rather
            // than leave it for a killCursors round trip.
            if limit > 0 && limit <= 100 { opts.append("singleBatch", .bool(true)) }
        }
        if let projection = options.projection { opts.append("projection", .document(projection.document)) }
        let optsHandle = BSONHandle(opts)
        defer { withExtendedLifetime(optsHandle) {} }
        return try pool.withCollection(collection) { coll in
            try cursorDocuments(mongoc_collection_find_with_opts(coll, query.pointer, optsHandle.pointer, nil), collection)
        }
    }

    public func count(_ collection: String, _ filter: Filter, includeDeleted: Bool) throws -> Int {
        let query = scoped(collection, filter, includeDeleted: includeDeleted)
        defer { withExtendedLifetime(query) {} }
        return try pool.withCollection(collection) { coll in
            var error = bson_error_t()
            let n = mongoc_collection_count_documents(coll, query.pointer, nil, nil, nil, &error)
            try check(n >= 0, error, collection)
            return Int(n)
        }
    }

    public func aggregate(_ collection: String, _ aggregation: GroupedAggregation) throws -> [AggregateRow] {
        var stages: [BSONValue] = []
        let softDeletes = lock.withLock { schemas[collection]?.softDeletes ?? false }
        let match = softDeletes && !aggregation.includeDeleted ? aggregation.filter && .isNull("deletedAt") : aggregation.filter
        stages.append(.document(Document([.init("$match", .document(match.queryDocument))])))
        if let unwind = aggregation.unwind {
            stages.append(.document(Document([.init("$unwind", .string("$" + unwind))])))
        }
        var id = Document()
        for (i, key) in aggregation.groupBy.enumerated() {
            switch key {
            case .day(let p):
                id.append("k\(i)", .document(Document([.init("$dateTrunc", .document(Document([
                    .init("date", .string("$" + p)), .init("unit", "day"),
                ])))])))
            case .field(let p):
                id.append("k\(i)", .string("$" + p))
            }
        }
        var group = Document([.init("_id", .document(id))])
        for (i, a) in aggregation.accumulators.enumerated() {
            switch a {
            case .count: group.append("v\(i)", .document(Document([.init("$sum", .int32(1))])))
            case .sum(let p): group.append("v\(i)", .document(Document([.init("$sum", .string("$" + p))])))
            }
        }
        stages.append(.document(Document([.init("$group", .document(group))])))
        let pipeline = BSONHandle(Document([.init("pipeline", .array(stages))]))
        defer { withExtendedLifetime(pipeline) {} }
        let docs = try pool.withCollection(collection) { coll in
            try cursorDocuments(mongoc_collection_aggregate(coll, MONGOC_QUERY_NONE, pipeline.pointer, nil, nil), collection)
        }
        return docs.map { doc in
            let keyDoc = doc["_id"]?.documentValue ?? Document()
            return AggregateRow(keys: aggregation.groupBy.indices.map { keyDoc["k\($0)"] ?? .null },
                                values: aggregation.accumulators.indices.map { doc["v\($0)"]?.doubleValue ?? 0 })
        }.sorted(by: AggregateRow.keyOrder)
    }

    // MARK: - Indexes and health

    public func createIndex(_ index: IndexSpec, on collection: String) throws {
        var spec = Document([
            .init("key", .document(Document(index.keys.map { .init($0.path, .int32($0.ascending ? 1 : -1)) }))),
            .init("name", .string(index.name)),
        ])
        if index.unique { spec.append("unique", .bool(true)) }
        let command = BSONHandle(Document([
            .init("createIndexes", .string(collection)), .init("indexes", .array([.document(spec)])),
        ]))
        defer { withExtendedLifetime(command) {} }
        try pool.withCollection(collection) { coll in
            let reply = BSONReply()
            var error = bson_error_t()
            let ok = mongoc_collection_write_command_with_opts(coll, command.pointer, nil, reply.pointer, &error)
            try check(ok, error, collection)
        }
    }

    public func indexNames(on collection: String) throws -> [String] {
        try pool.withCollection(collection) { coll in
            try cursorDocuments(mongoc_collection_find_indexes_with_opts(coll, nil), collection)
        }.compactMap { $0["name"]?.stringValue }
    }

    public func ping() throws {
        _ = try adminCommand(Document([.init("ping", .int32(1))]))
    }

    /// The server decides when freed space is overwritten (WiredTiger reuses it; `compact`
    /// returns it), so nothing here can promise it.
    public func purgeDeletedData() throws -> Bool {
        try ping()
        return false
    }

    /// Runs a command on the admin database and returns the server's reply.
    func adminCommand(_ document: Document) throws -> Document {
        let command = BSONHandle(document)
        defer { withExtendedLifetime(command) {} }
        return try pool.withClient { client in
            let reply = BSONReply()
            var error = bson_error_t()
            let ok = mongoc_client_command_simple(client, "admin", command.pointer, nil, reply.pointer, &error)
            try check(ok, error, "admin")
            return try reply.document()
        }
    }

    /// The write concern a collection of this store actually carries (inherited from the URI).
    public func collectionWriteConcern(_ collection: String) -> String {
        pool.withCollection(collection) { coll in
            guard let wc = mongoc_collection_get_write_concern(coll) else { return "default" }
            if mongoc_write_concern_get_wmajority(wc) { return "majority" }
            let w = mongoc_write_concern_get_w(wc)
            return w == -2 ? "default" : String(w)
        }
    }
}
