import CMongoc
import Foundation
import SocialdeckModel

extension MongoStore {
    /// Whether the server runs multi-document transactions: a replica-set member (wire
    /// version 7, MongoDB 4.0) or a mongos (8, MongoDB 4.2) with sessions, as `hello`
    /// reports. A standalone server has none. Asked once per store.
    public func supportsTransactions() throws -> Bool {
        if let known = lock.withLock({ transactionSupport }) { return known }
        let supported = Self.runsTransactions(hello: try adminCommand(Document([.init("hello", .int32(1))])))
        lock.withLock { transactionSupport = supported }
        return supported
    }

    /// Reads a `hello` reply.
    public static func runsTransactions(hello: Document) -> Bool {
        let wire = hello["maxWireVersion"]?.int64Value ?? 0
        let replicaSet = hello["setName"] != nil && wire >= 7
        let router = hello["msg"]?.stringValue == "isdbgrid" && wire >= 8
        return hello["logicalSessionTimeoutMinutes"] != nil && (replicaSet || router)
    }

    /// One transaction when the server has them: readers see nothing until the commit,
    /// and any failure aborts it. Otherwise `CompensatingInsert`.
    @discardableResult
    public func insertAll(into collection: String, _ produce: (_ write: ([Document]) throws -> Void) throws -> Void) throws -> InsertAtomicity {
        guard try supportsTransactions() else { return try CompensatingInsert(store: self, collection: collection).run(produce) }
        try pool.withClient { client in
            var error = bson_error_t()
            guard let session = mongoc_client_start_session(client, nil, &error) else {
                return try check(false, error, collection)
            }
            defer { mongoc_client_session_destroy(session) }
            try check(mongoc_client_session_start_transaction(session, nil, &error), error, collection)
            let options = BSONHandle(Document())
            try check(mongoc_client_session_append(session, options.pointer, &error), error, collection)
            let coll = mongoc_client_get_collection(client, pool.databaseName, collection)!
            defer { mongoc_collection_destroy(coll) }
            do {
                try withExtendedLifetime(options) {
                    try produce { documents in
                        guard !documents.isEmpty else { return }
                        try insert(documents, into: coll, options: options.pointer, collection)
                    }
                }
            } catch {
                var ignored = bson_error_t()
                _ = mongoc_client_session_abort_transaction(session, &ignored)
                throw Self.notCommitted(error)
            }
            // libmongoc retries a commit once; a commit that still fails reports why, as the server said.
            let reply = BSONReply()
            try check(mongoc_client_session_commit_transaction(session, reply.pointer, &error), error, collection)
        }
        return .transaction
    }

    /// A failure before the commit, saying that nothing was written: a server that gives up
    /// on a long transaction (MongoDB's transactionLifetimeLimitSeconds, or libmongoc's
    /// socket timeout) reports a timeout, not a rollback.
    static func notCommitted(_ error: Error) -> Error {
        let note = "; the transaction was not committed, so nothing was written"
        switch error as? StoreError {
        case .unreachable(let detail)?: return StoreError.unreachable(detail + note)
        case .backend(let detail)?: return StoreError.backend(detail + note)
        default: return error
        }
    }
}
