import CMongoc
import SocialdeckModel

extension MongoStore {
    /// One ordered bulk write: one round trip for all the updates. It is not a
    /// transaction; an update that fails stops the ones after it.
    public func bulkUpdate(_ collection: String, _ updates: [BulkUpdate]) throws -> Int {
        guard !updates.isEmpty else { return 0 }
        let handles = updates.map { bulk in
            (scoped(collection, bulk.filter, includeDeleted: false), BSONHandle(bulk.update.updateDocument))
        }
        return try withExtendedLifetime(handles) {
            try pool.withCollection(collection) { coll in
                let operation = mongoc_collection_create_bulk_operation_with_opts(coll, nil)!
                defer { mongoc_bulk_operation_destroy(operation) }
                var error = bson_error_t()
                for (query, change) in handles {
                    try check(mongoc_bulk_operation_update_one_with_opts(operation, query.pointer, change.pointer, nil, &error),
                              error, collection)
                }
                let reply = BSONReply()
                try check(mongoc_bulk_operation_execute(operation, reply.pointer, &error) != 0, error, collection)
                let summary = try reply.document()
                return Int(summary["nMatched"]?.int64Value ?? 0)
            }
        }
    }
}
