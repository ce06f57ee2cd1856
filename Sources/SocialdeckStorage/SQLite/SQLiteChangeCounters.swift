import CSQLite
import SocialdeckModel

/// Per-collection change counters, kept by triggers in the file itself, so every
/// writer counts: another socialdeck process, an import, the sqlite3 shell. A
/// dashboard compares counters before re-reading a pane; `PRAGMA data_version` alone
/// would say only that something somewhere changed, and not for this connection's
/// own writes.
enum SQLiteChangeCounters {
    /// Creates the counter row and the collection's three triggers when missing. Each
    /// trigger bumps one row of a small table: about a microsecond a written document.
    static func install(on collection: String, table quoted: String, _ c: SQLiteConnection) throws {
        let name = SQLiteQueryCompiler.escape(collection)
        try c.execute("CREATE TABLE IF NOT EXISTS sd_changes (collection TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID")
        let present = try c.integer("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                    [.text("sd_changed_\(collection)_delete")])
        guard present == 0 else { return }
        try c.transaction {
            try c.execute("INSERT OR IGNORE INTO sd_changes VALUES ('\(name)', 0)")
            for event in ["insert", "update", "delete"] {
                let trigger = SQLiteQueryCompiler.quote("sd_changed_\(collection)_\(event)")
                try c.execute("""
                    CREATE TRIGGER IF NOT EXISTS \(trigger) AFTER \(event.uppercased()) ON \(quoted) BEGIN
                    UPDATE sd_changes SET version = version + 1 WHERE collection = '\(name)'; END
                    """)
            }
        }
    }

    /// The counters of `collections`, in order; "0" for one never written.
    static func read(_ collections: [String], _ c: SQLiteConnection) throws -> ChangeVersion {
        let stmt = try c.statement("SELECT collection, version FROM sd_changes")
        defer { sqlite3_reset(stmt.handle) }
        var versions: [String: Int64] = [:]
        while try stmt.step() { versions[stmt.text(0) ?? ""] = stmt.int64(1) }
        return ChangeVersion(collections.map { String(versions[$0] ?? 0) })
    }
}

extension SQLiteStore {
    public func changeVersion(of collections: [String]) throws -> ChangeVersion {
        guard let first = collections.first else { return ChangeVersion([]) }
        return try withConnection(first) { c, _ in
            for collection in collections.dropFirst() { _ = try table(collection) }
            return try SQLiteChangeCounters.read(collections, c)
        }
    }
}
