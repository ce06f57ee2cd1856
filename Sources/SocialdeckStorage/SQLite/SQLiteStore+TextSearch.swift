import CSQLite
import Foundation
import SocialdeckModel

/// Text search over one string field with an FTS5 table beside the collection, kept in
/// step by triggers (through `sd_field`, so a write by a tool without socialdeck's SQL
/// functions fails rather than leaving the index behind) and ranked by BM25.
extension SQLiteStore {
    public func searchText(_ collection: String, path: String, query: String, filter: Filter, limit: Int) throws -> [Document] {
        guard let match = TextRelevance.ftsQuery(query) else { return [] }
        return try withConnection(collection) { c, table in
            let fts = try textIndex(collection, path: path, table: table, c)
            let compiled = compiler(collection).compile(filter, includeDeleted: false)
            let statement = { (whereSQL: String) -> String in
                "SELECT \(table).data FROM \(fts) JOIN \(table) ON \(table).rid = \(fts).rowid WHERE \(fts) MATCH '\(SQLiteQueryCompiler.escape(match))' "
                    + "AND \(whereSQL) ORDER BY bm25(\(fts)), \(table).rid LIMIT \(max(0, limit))"
            }
            return try self.query(c, compiled, sql: statement) { stmt in
                var out: [Document] = []
                while try stmt.step() { out.append(try stmt.document(0)) }
                return out
            }
        }
    }

    /// The FTS5 table for a collection's field, made (and filled) on first use.
    private func textIndex(_ collection: String, path: String, table: String, _ c: SQLiteConnection) throws -> String {
        guard path.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
            throw StoreError.invalidQuery("a text path uses letters, digits, '_' and '.': '\(path)'")
        }
        let name = "\(collection)$fts$\(path)"
        let fts = SQLiteQueryCompiler.quote(name)
        let exists = try c.statement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        try exists.bind([.text(name)])
        defer { sqlite3_reset(exists.handle) }
        if try exists.step() { return fts }
        let field = "sd_field(new.data,'\(SQLiteQueryCompiler.escape(path))')"
        let trigger = { (event: String) in SQLiteQueryCompiler.quote("\(name)$\(event)") }
        try c.transaction {
            try c.execute("CREATE VIRTUAL TABLE IF NOT EXISTS \(fts) USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
            try c.execute("CREATE TRIGGER IF NOT EXISTS \(trigger("insert")) AFTER INSERT ON \(table) BEGIN "
                          + "INSERT INTO \(fts)(rowid, body) VALUES (new.rid, coalesce(\(field), '')); END")
            try c.execute("CREATE TRIGGER IF NOT EXISTS \(trigger("update")) AFTER UPDATE OF data ON \(table) BEGIN "
                          + "DELETE FROM \(fts) WHERE rowid = old.rid; INSERT INTO \(fts)(rowid, body) VALUES (new.rid, coalesce(\(field), '')); END")
            try c.execute("CREATE TRIGGER IF NOT EXISTS \(trigger("delete")) AFTER DELETE ON \(table) BEGIN DELETE FROM \(fts) WHERE rowid = old.rid; END")
            try c.execute("DELETE FROM \(fts)")
            try c.execute("INSERT INTO \(fts)(rowid, body) SELECT rid, coalesce(sd_field(data,'\(SQLiteQueryCompiler.escape(path))'), '') FROM \(table)")
        }
        return fts
    }
}
