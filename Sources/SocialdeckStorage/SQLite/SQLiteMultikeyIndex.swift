import SocialdeckModel

/// An index whose leading key runs through an array (`platforms.status`). SQLite's
/// expression indexes hold one value per row, so these keep a side table with one
/// row per array element (MongoDB's multikey index), maintained on every write.
/// Queries use it to narrow the candidates; the exact condition is still checked
/// in Swift, so a side table can only speed a query up, never change its answer.
struct SQLiteMultikeyIndex {
    let collection: String
    let spec: IndexSpec
    /// The array the index fans out over, e.g. `platforms`.
    let arrayPath: String

    /// Nil when the index's leading key is not under an array, or its keys span two arrays.
    init?(collection: String, spec: IndexSpec, schema: CollectionSchema) {
        guard let first = spec.keys.first, schema.isMultiValued(first.path),
              let array = Self.arrayPrefix(of: first.path, in: schema) else { return nil }
        for key in spec.keys where schema.isMultiValued(key.path) {
            guard Self.arrayPrefix(of: key.path, in: schema) == array else { return nil }
        }
        self.collection = collection
        self.spec = spec
        arrayPath = array
        table = SQLiteQueryCompiler.quote("\(collection)$mk$\(spec.name)")
        columns = spec.keys.indices.map { "k\($0)" }
        insertSQL = "INSERT OR IGNORE INTO \(table) VALUES (\(Array(repeating: "?", count: columns.count + 1).joined(separator: ",")))"
        deleteSQL = "DELETE FROM \(table) WHERE rid = ?"
        relativePaths = spec.keys.map { key in
            if key.path == array { return [] }
            return key.path.hasPrefix(array + ".") ? key.path.dropFirst(array.count + 1).split(separator: ".") : nil
        }
        keySteps = spec.keys.map { $0.path.split(separator: ".") }
        arraySteps = array.split(separator: ".")
    }

    private static func arrayPrefix(of path: String, in schema: CollectionSchema) -> String? {
        let parts = path.split(separator: ".")
        for n in 1...parts.count {
            let prefix = parts[0..<n].joined(separator: ".")
            if schema.arrayPaths.contains(prefix) { return prefix }
        }
        return nil
    }

    let table: String
    let columns: [String]
    private let insertSQL: String
    private let deleteSQL: String
    /// Each key's steps relative to one array element; nil for a key outside the array.
    private let relativePaths: [[Substring]?]
    private let keySteps: [[Substring]]
    private let arraySteps: [Substring]

    func createStatements() -> [String] {
        let cols = columns.joined(separator: ", ")
        let source = SQLiteQueryCompiler.quote(collection)
        let trigger = SQLiteQueryCompiler.quote("\(collection)$mk$\(spec.name)$delete")
        let indexName = SQLiteQueryCompiler.quote("\(collection)$mk$\(spec.name)$keys")
        // Keyed by document first, so replacing a document's entries is a range delete;
        // the second index serves queries. Identical entries of one document collapse.
        return [
            "CREATE TABLE IF NOT EXISTS \(table) (rid INTEGER NOT NULL, \(cols), PRIMARY KEY (rid, \(cols))) WITHOUT ROWID",
            "CREATE INDEX IF NOT EXISTS \(indexName) ON \(table)(\(cols), rid)",
            "CREATE TRIGGER IF NOT EXISTS \(trigger) AFTER DELETE ON \(source) BEGIN DELETE FROM \(table) WHERE rid = old.rid; END",
        ]
    }

    /// One key tuple per array element (one tuple of NULLs for an empty or missing array).
    func entries(for doc: Document) -> [[SQLValue]] {
        let elements: [BSONValue]
        switch doc.value(atSteps: arraySteps) {
        case .array(let a)?: elements = a.isEmpty ? [.null] : a
        case let v?: elements = [v]
        case nil: elements = [.null]
        }
        return elements.map { element in
            zip(keySteps, relativePaths).map { steps, relative in
                guard let rel = relative else { return (doc.value(atSteps: steps) ?? .null).sqlValue }
                if rel.isEmpty { return element.sqlValue }
                guard case .document(let d) = element else { return .null }
                return (d.value(atSteps: rel) ?? .null).sqlValue
            }
        }
    }

    func write(_ doc: Document, rid: Int64, _ c: SQLiteConnection, replacing: Bool) throws {
        if replacing { try c.statement(deleteSQL).run([.integer(rid)]) }
        let insert = try c.statement(insertSQL)
        for entry in entries(for: doc) {
            try insert.run([.integer(rid)] + entry)
        }
    }

    /// A condition on the side table for one filter condition, when this index can
    /// narrow it. `exact` when the side table answers the condition completely, so it
    /// need not be checked again in Swift.
    ///
    /// `correlated` asks for `EXISTS (… WHERE rid = row's rid …)`: the right form when
    /// another condition already pins the rows to a few through its own index (one
    /// organization's posts), since each is then looked up by its key. Otherwise
    /// `rid IN (…)` lets the side table find the rows, which pays when nothing else
    /// narrows them but reads every matching element first (a month over every
    /// organization is tens of thousands).
    func prefilter(for filter: Filter, correlated: Bool = false) -> (sql: String, bindings: [SQLValue], exact: Bool)? {
        var conditions: [(column: Int, sql: String, bindings: [SQLValue])] = []
        var complete = true
        func add(_ path: String, _ f: Filter) {
            guard let column = spec.keys.firstIndex(where: { $0.path == path }) else { complete = false; return }
            switch f {
            case .compare(_, let op, let v) where v.isScalar && op != .ne:
                let sym = ["$eq": "=", "$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="][op.rawValue]!
                conditions.append((column, "k\(column) \(sym) ?", [v.sqlValue]))
            case .isIn(_, let vs) where !vs.isEmpty && vs.allSatisfy(\.isScalar):
                conditions.append((column, "k\(column) IN (\(Array(repeating: "?", count: vs.count).joined(separator: ",")))", vs.map(\.sqlValue)))
            default:
                complete = false
            }
        }
        switch filter {
        case .compare(let p, _, _), .isIn(let p, _):
            add(p, filter)
        case .elemMatch(let array, let inner) where array == arrayPath:
            let parts: [Filter]
            if case .and(let fs) = inner { parts = fs } else { parts = [inner] }
            for f in parts {
                switch f {
                case .compare(let rel, _, _), .isIn(let rel, _): add(arrayPath + "." + rel, f)
                default: complete = false
                }
            }
        default:
            return nil
        }
        guard conditions.contains(where: { $0.column == 0 }) else { return nil }
        let keys = conditions.map(\.sql).joined(separator: " AND ")
        let sql = correlated
            ? "EXISTS (SELECT 1 FROM \(table) AS mk WHERE mk.rid = \(SQLiteQueryCompiler.quote(collection)).rid AND \(keys))"
            : "rid IN (SELECT rid FROM \(table) WHERE \(keys))"
        return (sql, conditions.flatMap(\.bindings), complete && isElementScalar)
    }

    /// True when the keys below the array reach plain values (no second array), so one
    /// side-table row per element captures every value a condition can see.
    private var isElementScalar: Bool {
        relativePaths.allSatisfy { $0 != nil }
    }
}
