import CSQLite
import Foundation
import SocialdeckModel

/// The embedded backend: one SQLite file in WAL mode, shared safely by several
/// socialdeck processes on one host. Each collection is a table of BSON documents;
/// the collection's indexes are expression indexes over `sd_field`.
public final class SQLiteStore: DocumentStore, @unchecked Sendable {
    public static let fileName = "socialdeck.sqlite"
    /// `PRAGMA application_id`, so a foreign SQLite file is recognised and left alone ("SDK1").
    static let applicationId: Int32 = 0x5344_4B31

    public let location: String
    public let backend = StoreBackend.sqlite
    private let connection: SQLiteConnection
    private let filters = FilterRegistry()
    private let lock = NSLock()
    private var schemas: [String: CollectionSchema] = [:]
    /// Collections whose table exists, with the table's quoted name.
    private var tables: [String: String] = [:]
    private var multikey: [String: [SQLiteMultikeyIndex]] = [:]
    /// The `schema_version` each collection's multikey indexes were loaded at. Registering
    /// a multikey index creates its side table, which changes the schema version.
    private var multikeyLoadedAt: [String: Int64] = [:]

    /// How hard each commit is pushed to disk. `normal` survives a killed process
    /// (WAL keeps every committed transaction); `full` also survives power loss.
    public enum Durability: String, Sendable { case normal = "NORMAL", full = "FULL" }

    /// Opens (creating when missing) the store in `directory`. New files are created for
    /// `access` whatever the umask; existing ones keep their mode (`doctor` reports an open one).
    /// A write waits up to `busyTimeout` seconds for another process's write lock, then
    /// fails as `.busy`.
    public init(directory: String, durability: Durability = .full, access: FileAccess = .owner,
                busyTimeout: Double = 10) throws {
        let dir = (directory as NSString).expandingTildeInPath
        try SQLiteStoreFiles.checkDirectory(dir, access)
        let path = (dir as NSString).appendingPathComponent(Self.fileName)
        try SQLiteStoreFiles.checkExistingFile(path)
        try SQLiteStoreFiles.createDatabaseFile(path, access)
        location = path
        do {
            connection = try SQLiteConnection(path: path)
            try SQLiteFunctions.register(on: connection, filters: filters)
            try connection.execute("PRAGMA busy_timeout = \(Int(busyTimeout * 1000))")
            try SQLiteStoreFiles.checkApplicationId(connection, path: path)
            try connection.execute("PRAGMA journal_mode = WAL")
            try connection.execute("PRAGMA synchronous = \(durability.rawValue)")
            // Deleted and overwritten records are zeroed, not left in free space: an erased
            // person's data must not be recoverable from the file (see `purgeDeletedData`).
            try connection.execute("PRAGMA secure_delete = ON")
            // 64 MiB of page cache (SQLite's default is 2 MiB) and reads through mmap: the
            // expression and multikey indexes of 100,000 posts stay in memory.
            try connection.execute("PRAGMA cache_size = -65536")
            try connection.execute("PRAGMA mmap_size = 268435456")
            SQLiteStoreFiles.shareJournalFiles(of: path, access)
        } catch let e as SQLiteError {
            if e.code & 0xFF == SQLITE_NOTADB { throw StoreError.notADatabase(path) }
            if e.code & 0xFF == SQLITE_READONLY || e.code & 0xFF == SQLITE_CANTOPEN { throw StoreError.notWritable(path) }
            throw StoreError.backend("\(path): \(e.message)")
        }
        for (name, schema) in SchemaCatalog.all { schemas[name.rawValue] = schema }
    }

    // MARK: - Plumbing

    public func register(_ schema: CollectionSchema) {
        lock.withLock {
            schemas[schema.name] = schema
            multikeyLoadedAt[schema.name] = nil
        }
    }

    func schema(_ collection: String) -> CollectionSchema {
        lock.withLock { schemas[collection] ?? CollectionSchema(name: collection) }
    }

    /// A compiler for the collection; call while holding the lock (inside `withConnection`).
    func compiler(_ collection: String) -> SQLiteQueryCompiler {
        SQLiteQueryCompiler(schema: schemas[collection] ?? CollectionSchema(name: collection),
                            multikey: multikey[collection] ?? [])
    }

    /// Loads the multikey indexes recorded for a collection (by any process).
    func loadMultikey(_ collection: String) throws {
        try connection.execute("CREATE TABLE IF NOT EXISTS sd_multikey (collection TEXT NOT NULL, name TEXT NOT NULL, keys TEXT NOT NULL, PRIMARY KEY (collection, name))")
        let version = try connection.integer("PRAGMA schema_version")
        let stmt = try connection.statement("SELECT keys FROM sd_multikey WHERE collection = ?")
        try stmt.bind([.text(collection)])
        var found: [SQLiteMultikeyIndex] = []
        let schema = schemas[collection] ?? CollectionSchema(name: collection)
        while try stmt.step() {
            let keys = (stmt.text(0) ?? "").split(separator: ",").compactMap { part -> IndexKey? in
                guard let colon = part.lastIndex(of: ":") else { return nil }
                return IndexKey(String(part[..<colon]), ascending: part[part.index(after: colon)...] != "-1")
            }
            if let index = SQLiteMultikeyIndex(collection: collection, spec: IndexSpec(keys), schema: schema) {
                found.append(index)
            }
        }
        multikey[collection] = found
        multikeyLoadedAt[collection] = version
    }

    /// The side tables a write must keep in step, as recorded in the file now: another
    /// process may have registered one since this one loaded them. Call inside the
    /// write's transaction, which holds the write lock, so none can appear before it commits.
    func multikeyIndexes(_ collection: String) throws -> [SQLiteMultikeyIndex] {
        if multikeyLoadedAt[collection] != (try connection.integer("PRAGMA schema_version")) {
            try loadMultikey(collection)
        }
        return multikey[collection] ?? []
    }

    func table(_ collection: String) throws -> String {
        if let quoted = tables[collection] { return quoted }
        guard !collection.isEmpty, collection.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || ($0 >= 65 && $0 <= 90) }) else {
            throw StoreError.invalidQuery("collection names use letters, digits and '_': '\(collection)'")
        }
        let quoted = SQLiteQueryCompiler.quote(collection)
        try connection.execute("CREATE TABLE IF NOT EXISTS \(quoted) (rid INTEGER PRIMARY KEY, id NOT NULL UNIQUE, data BLOB NOT NULL)")
        try SQLiteChangeCounters.install(on: collection, table: quoted, connection)
        try loadMultikey(collection)
        tables[collection] = quoted
        return quoted
    }

    /// Runs `body` holding the connection, translating SQLite errors into `StoreError`s.
    func withConnection<T>(_ collection: String, _ body: (SQLiteConnection, String) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try body(connection, try table(collection))
        } catch let e as SQLiteError {
            if e.isUniqueViolation { throw StoreError.duplicateKey(collection: collection, detail: e.message) }
            if e.code & 0xFF == SQLITE_READONLY { throw StoreError.notWritable(location) }
            if e.isBusy { throw StoreError.busy(location) }
            throw StoreError.backend("SQLite \(location): \(e.message)")
        } catch let e as BSONError {
            throw StoreError.corruptDocument(collection: collection, detail: e.description)
        }
    }

    /// Binds a compiled query, registering its residual filter for `sd_match` during `body`.
    func query<T>(_ c: SQLiteConnection, _ compiled: SQLiteQueryCompiler.Compiled, sql: (String) -> String,
                          extra: [SQLValue] = [], _ body: (Statement) throws -> T) throws -> T {
        var whereSQL = compiled.whereSQL
        var bindings = compiled.bindings
        var token: Int64?
        if let residual = compiled.residual {
            let t = filters.register(residual)
            token = t
            whereSQL += " AND sd_match(data, ?)"
            bindings.append(.integer(t))
        }
        defer { if let token { filters.remove(token) } }
        let stmt = try c.statement(sql(whereSQL))
        try stmt.bind(bindings + extra)
        defer { sqlite3_reset(stmt.handle) }
        return try body(stmt)
    }

    // MARK: - Writes

    public func insertOne(_ document: Document, into collection: String) throws {
        try insertMany([document], into: collection)
    }

    public func insertMany(_ documents: [Document], into collection: String) throws {
        guard !documents.isEmpty else { return }
        try insertAll(into: collection) { write in try write(documents) }
    }

    /// One immediate transaction around every batch: other processes read the state
    /// before it until it commits, and their writes wait for it (up to the busy timeout).
    @discardableResult
    public func insertAll(into collection: String, _ produce: (_ write: ([Document]) throws -> Void) throws -> Void) throws -> InsertAtomicity {
        try withConnection(collection) { c, table in
            try c.transaction {
                let stmt = try c.statement("INSERT INTO \(table)(id, data) VALUES (?, ?)")
                let indexes = try multikeyIndexes(collection)
                try produce { documents in
                    for var doc in documents {
                        if doc["_id"] == nil { doc = Document([.init("_id", .objectId(ObjectId()))] + doc.fields) }
                        try stmt.run([doc["_id"]!.sqlValue, .blob(doc.bsonBytes())])
                        let rid = sqlite3_last_insert_rowid(c.handle)
                        for index in indexes { try index.write(doc, rid: rid, c, replacing: false) }
                    }
                }
            }
        }
        return .transaction
    }

    public func updateOne(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        try applyUpdate(collection, filter, update, includeDeleted: includeDeleted, limit: 1)
    }

    public func updateMany(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool) throws -> Int {
        try applyUpdate(collection, filter, update, includeDeleted: includeDeleted, limit: nil)
    }

    private func applyUpdate(_ collection: String, _ filter: Filter, _ update: Update, includeDeleted: Bool, limit: Int?) throws -> Int {
        try withConnection(collection) { c, table in
            let compiler = compiler(collection)
            return try c.transaction {
                let compiled = compiler.compile(filter, includeDeleted: includeDeleted)
                let rows: [(Int64, Document)] = try query(c, compiled, sql: {
                    "SELECT rid, data FROM \(table) WHERE \($0)" + (limit.map { " LIMIT \($0)" } ?? "")
                }) { stmt in
                    var out: [(Int64, Document)] = []
                    while try stmt.step() { out.append((stmt.int64(0), try stmt.document(1))) }
                    return out
                }
                try write(rows, update, collection, c, table)
                return rows.count
            }
        }
    }

    func write(_ rows: [(Int64, Document)], _ update: Update, _ collection: String,
                       _ c: SQLiteConnection, _ table: String) throws {
        let stmt = try c.statement("UPDATE \(table) SET data = ? WHERE rid = ?")
        let indexes = try multikeyIndexes(collection)
        for (rid, var doc) in rows {
            try update.apply(to: &doc)
            try stmt.run([.blob(doc.bsonBytes()), .integer(rid)])
            for index in indexes { try index.write(doc, rid: rid, c, replacing: true) }
        }
    }

    public func findOneAndUpdate(_ collection: String, _ filter: Filter, sort: [SortKey], _ update: Update,
                                 returnUpdated: Bool) throws -> Document? {
        try withConnection(collection) { c, table -> Document? in
            let compiler = compiler(collection)
            return try c.transaction { () -> Document? in
                let compiled = compiler.compile(filter, includeDeleted: false)
                let row: (Int64, Document)? = try query(c, compiled, sql: {
                    "SELECT rid, data FROM \(table) WHERE \($0)\(compiler.orderBy(sort)) LIMIT 1"
                }) { stmt in
                    try stmt.step() ? (stmt.int64(0), try stmt.document(1)) : nil
                }
                guard let (rid, before) = row else { return nil }
                try write([(rid, before)], update, collection, c, table)
                var after = before
                try update.apply(to: &after)
                return returnUpdated ? after : before
            }
        }
    }

    public func claimMany(_ collection: String, _ filter: Filter, sort: [SortKey], limit: Int, _ update: Update,
                          token: (path: String, value: BSONValue)) throws -> [Document] {
        guard limit > 0 else { return [] }
        return try withConnection(collection) { c, table in
            let compiler = compiler(collection)
            return try c.transaction {
                let compiled = compiler.compile(filter, includeDeleted: false)
                let rows: [(Int64, Document)] = try query(c, compiled, sql: {
                    "SELECT rid, data FROM \(table) WHERE \($0)\(compiler.orderBy(sort)) LIMIT \(limit)"
                }) { stmt in
                    var out: [(Int64, Document)] = []
                    while try stmt.step() { out.append((stmt.int64(0), try stmt.document(1))) }
                    return out
                }
                try write(rows, update, collection, c, table)
                return try rows.map { _, before in
                    var after = before
                    try update.apply(to: &after)
                    return after
                }
            }
        }
    }

    public func deleteOne(_ collection: String, _ filter: Filter) throws -> Int {
        try delete(collection, filter, limit: " LIMIT 1")
    }

    public func deleteMany(_ collection: String, _ filter: Filter) throws -> Int {
        try delete(collection, filter, limit: "")
    }

    private func delete(_ collection: String, _ filter: Filter, limit: String) throws -> Int {
        try withConnection(collection) { c, table in
            let compiler = compiler(collection)
            return try c.transaction {
                let compiled = compiler.compile(filter, includeDeleted: true)
                return try query(c, compiled, sql: {
                    "DELETE FROM \(table) WHERE rid IN (SELECT rid FROM \(table) WHERE \($0)\(limit))"
                }) { stmt in
                    while try stmt.step() {}
                    return c.changes
                }
            }
        }
    }

    // MARK: - Indexes

    public func createIndex(_ index: IndexSpec, on collection: String) throws {
        try withConnection(collection) { c, table in
            let compiler = compiler(collection)
            if let mk = SQLiteMultikeyIndex(collection: collection, spec: index, schema: compiler.schema) {
                guard !index.unique else {
                    throw StoreError.invalidQuery("a unique index cannot lead with the array path in \(index.name)")
                }
                try c.transaction {
                    for sql in mk.createStatements() { try c.execute(sql) }
                    let keys = index.keys.map { "\($0.path):\($0.ascending ? 1 : -1)" }.joined(separator: ",")
                    try c.statement("INSERT OR IGNORE INTO sd_multikey VALUES (?, ?, ?)").run([.text(collection), .text(index.name), .text(keys)])
                    // Whoever registers the index fills its side table, in this same transaction.
                    guard c.changes > 0 else { return }
                    let rows = try c.statement("SELECT rid, data FROM \(table)")
                    var existing: [(Int64, Document)] = []
                    while try rows.step() { existing.append((rows.int64(0), try rows.document(1))) }
                    for (rid, doc) in existing { try mk.write(doc, rid: rid, c, replacing: true) }
                }
                // Registered by this process or another, it is maintained from now on.
                try loadMultikey(collection)
                return
            }
            if index.unique, index.keys.contains(where: { compiler.schema.isMultiValued($0.path) }) {
                throw StoreError.invalidQuery("a unique index cannot cover the array path in \(index.name)")
            }
            let keys = index.keys.map { "\(compiler.sortExpression($0.path, ascending: $0.ascending)) \($0.ascending ? "ASC" : "DESC")" }
            let name = SQLiteQueryCompiler.quote("\(collection)$\(index.name)")
            try c.execute("CREATE \(index.unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(name) ON \(table)(\(keys.joined(separator: ", ")))")
        }
    }

    public func indexNames(on collection: String) throws -> [String] {
        try withConnection(collection) { c, _ in
            let stmt = try c.statement("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
            try stmt.bind([.text(collection)])
            var names = ["_id_"]
            while try stmt.step() {
                if let n = stmt.text(0), let r = n.range(of: "$") { names.append(String(n[r.upperBound...])) }
            }
            return names + (multikey[collection] ?? []).map(\.spec.name)
        }
    }

    public func ping() throws {
        try withConnection("_socialdeck_meta") { c, _ in try c.execute("SELECT 1") }
    }

    /// Copies the write-ahead log into the database file and truncates it, so the older
    /// page images it held are gone; false when a reader kept it from finishing.
    public func purgeDeletedData() throws -> Bool {
        try withConnection("_socialdeck_meta") { c, _ in
            c.resetUnfinishedStatements()
            return try c.integer("PRAGMA wal_checkpoint(TRUNCATE)") == 0
        }
    }
}
