import CMongoc
import Foundation
import SocialdeckModel

/// Counts the changes to each collection of the database, for
/// ``DocumentStore/changeVersion(of:)``. Where the server has change streams (a replica
/// set, which is how socialdeck runs past one machine, and the test server), one stream
/// on the database is opened on first use and drained at each call: a round trip that
/// waits at most a millisecond. Every insert, update, replace and delete, from any
/// client, bumps its collection's counter. A stream that fails is reopened and counts
/// as a change everywhere, so nothing is missed while it was down.
///
/// A server without change streams (a standalone mongod) gets a probe instead: each
/// collection's estimated size and its newest `updatedAt`, which catches inserts,
/// deletes and updates made through socialdeck; an update by another tool that leaves
/// `updatedAt` alone shows at the next write that does not.
final class MongoChangeFeed: @unchecked Sendable {
    private let pool: MongoClientPool
    private let lock = NSLock()
    private var client: OpaquePointer?
    private var stream: OpaquePointer?
    /// Bumped each time the stream is opened again: every counter reads as changed.
    private var generation = 0
    private var counters: [String: Int64] = [:]
    /// Nil until tried; false on a server that refuses change streams.
    private var streams: Bool?

    /// `streams: false` probes even where the server has change streams (for tests).
    init(pool: MongoClientPool, streams: Bool? = nil) {
        self.pool = pool
        self.streams = streams
    }

    deinit {
        if let stream { mongoc_change_stream_destroy(stream) }
        if let client { mongoc_client_pool_push(pool.pool, client) }
    }

    func version(of collections: [String], store: MongoStore) throws -> ChangeVersion {
        try lock.withLock {
            if streams != false, try drain() {
                return ChangeVersion(collections.map { "\(generation).\(counters[$0] ?? 0)" })
            }
            return ChangeVersion(try collections.map { try probe($0, store: store) })
        }
    }

    /// Reads every waiting event; false when the server has no change streams.
    private func drain() throws -> Bool {
        if stream == nil {
            guard try open() else { return false }
        }
        var event: OpaquePointer?
        while mongoc_change_stream_next(stream, &event) {
            guard let event, let change = try? Document.from(bson: event) else { continue }
            if let collection = change.value(at: "ns.coll")?.stringValue {
                counters[collection, default: 0] += 1
            } else {
                generation += 1
            }
        }
        var error = bson_error_t()
        var reply: OpaquePointer?
        if mongoc_change_stream_error_document(stream, &error, &reply) {
            mongoc_change_stream_destroy(stream)
            stream = nil
            generation += 1
            if let outage = pool.outage(error) { throw outage }
        }
        return true
    }

    /// Opens the database's stream; false when the server refuses it as unsupported.
    private func open() throws -> Bool {
        if client == nil { client = mongoc_client_pool_pop(pool.pool) }
        let database = mongoc_client_get_database(client, pool.databaseName)!
        defer { mongoc_database_destroy(database) }
        // Only what the counters need travels: the namespace of each event.
        let pipeline = BSONHandle(Document([.init("pipeline", .array([
            .document(Document([.init("$project", .document(Document([.init("ns", .int32(1))])))])),
        ]))]))
        let options = BSONHandle(Document([.init("maxAwaitTimeMS", .int64(1))]))
        let opened = withExtendedLifetime((pipeline, options)) {
            mongoc_database_watch(database, pipeline.pointer, options.pointer)
        }
        guard let opened else { return false }
        var error = bson_error_t()
        var reply: OpaquePointer?
        if mongoc_change_stream_error_document(opened, &error, &reply) {
            mongoc_change_stream_destroy(opened)
            if let outage = pool.outage(error) { throw outage }
            streams = false
            return false
        }
        streams = true
        stream = opened
        generation += 1
        return true
    }

    /// Without a stream: the collection's estimated size and newest `updatedAt`.
    private func probe(_ collection: String, store: MongoStore) throws -> String {
        let size = try store.estimatedCount(collection)
        let newest = try store.find(collection, .all, sort: [.desc("updatedAt")], limit: 1,
                                    projection: .include(["updatedAt"]), includeDeleted: true).first
        let stamp = newest?["updatedAt"].map { String(describing: $0) } ?? "-"
        return "\(size)@\(stamp)"
    }
}

extension MongoStore {
    public func changeVersion(of collections: [String]) throws -> ChangeVersion {
        try changeFeed.version(of: collections, store: self)
    }

    /// The collection's size from its metadata, without a scan.
    func estimatedCount(_ collection: String) throws -> Int64 {
        try pool.withCollection(collection) { coll in
            var error = bson_error_t()
            let n = mongoc_collection_estimated_document_count(coll, nil, nil, nil, &error)
            try check(n >= 0, error, collection)
            return n
        }
    }
}
