import SocialdeckModel

extension SQLiteStore {
    /// Every update in one immediate transaction: one commit (one sync) for all of them,
    /// and other connections see all or none.
    public func bulkUpdate(_ collection: String, _ updates: [BulkUpdate]) throws -> Int {
        guard !updates.isEmpty else { return 0 }
        return try withConnection(collection) { c, table in
            let compiler = compiler(collection)
            return try c.transaction {
                var changed = 0
                for bulk in updates {
                    let compiled = compiler.compile(bulk.filter, includeDeleted: false)
                    let row: (Int64, Document)? = try query(c, compiled, sql: {
                        "SELECT rid, data FROM \(table) WHERE \($0) LIMIT 1"
                    }) { stmt in try stmt.step() ? (stmt.int64(0), try stmt.document(1)) : nil }
                    guard let row else { continue }
                    try write([row], bulk.update, collection, c, table)
                    changed += 1
                }
                return changed
            }
        }
    }
}
