import CSQLite
import Foundation
import SocialdeckModel

/// A value as SQLite holds it.
enum SQLValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// SQLite's own ordering: NULL, numbers, text (bytewise), blobs (bytewise).
    static func compare(_ a: SQLValue, _ b: SQLValue) -> Int {
        func rank(_ v: SQLValue) -> Int {
            switch v {
            case .null: return 0
            case .integer, .real: return 1
            case .text: return 2
            case .blob: return 3
            }
        }
        let ra = rank(a), rb = rank(b)
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.text(let x), .text(let y)): return x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        case (.blob(let x), .blob(let y)): return x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
        case (.null, .null): return 0
        default:
            let x = a.number, y = b.number
            return x == y ? 0 : (x < y ? -1 : 1)
        }
    }

    private var number: Double {
        switch self {
        case .integer(let i): return Double(i)
        case .real(let d): return d
        default: return 0
        }
    }
}

struct SQLiteError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
    /// SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555), macros Swift cannot import.
    var isUniqueViolation: Bool { code == 2067 || code == 1555 }
    var isBusy: Bool { code & 0xFF == SQLITE_BUSY }
}

extension SQLiteError {
    /// The connection's most recent error.
    init(_ database: OpaquePointer) {
        self.init(code: sqlite3_extended_errcode(database), message: String(cString: sqlite3_errmsg(database)))
    }
}

/// One SQLite connection with a statement cache. Not thread-safe on its own:
/// `SQLiteStore` serializes access to it.
final class SQLiteConnection {
    /// How many prepared statements the cache keeps; the least recently used goes first.
    static let statementCacheCapacity = 200

    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]
    private var lastUse: [String: UInt64] = [:]
    private var uses: UInt64 = 0

    init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw SQLiteError(code: rc, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        statements.removeAll()
        // A statement still held elsewhere keeps the connection open until it is finalized.
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32) -> SQLiteError { SQLiteError(handle) }

    func execute(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let message = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: message)
        }
    }

    /// A cached prepared statement, reset and with its bindings cleared. A statement
    /// dropped from the cache lives on while a caller still holds it (a multi-row
    /// write holds its own while the side tables' statements come and go).
    func statement(_ sql: String) throws -> Statement {
        uses += 1
        if let s = statements[sql] {
            lastUse[sql] = uses
            sqlite3_reset(s.handle)
            sqlite3_clear_bindings(s.handle)
            return s
        }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc) }
        let s = Statement(handle: stmt, database: handle)
        if statements.count >= Self.statementCacheCapacity, let oldest = lastUse.min(by: { $0.value < $1.value })?.key {
            statements[oldest] = nil
            lastUse[oldest] = nil
        }
        statements[sql] = s
        lastUse[sql] = uses
        return s
    }

    var cachedStatementCount: Int { statements.count }

    /// Resets every statement left part-way through its rows (a query that wanted only
    /// the first): until then it holds a read snapshot, and a checkpoint that must wait
    /// for readers would wait for this very connection.
    func resetUnfinishedStatements() {
        var next = sqlite3_next_stmt(handle, nil)
        while let stmt = next {
            if sqlite3_stmt_busy(stmt) != 0 { sqlite3_reset(stmt) }
            next = sqlite3_next_stmt(handle, stmt)
        }
    }

    /// Runs `body` in an immediate transaction: the write lock is taken up front,
    /// so a read-then-write (find-one-and-update) cannot be interleaved by another process.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The first column of the first row, as an integer; the statement is reset afterwards.
    func integer(_ sql: String, _ values: [SQLValue] = []) throws -> Int64 {
        let s = try statement(sql)
        try s.bind(values)
        defer { sqlite3_reset(s.handle) }
        return try s.step() ? s.int64(0) : 0
    }
}

/// A prepared statement, finalized when the last holder lets go of it.
final class Statement {
    let handle: OpaquePointer
    private let database: OpaquePointer

    init(handle: OpaquePointer, database: OpaquePointer) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ values: [SQLValue]) throws {
        for (i, v) in values.enumerated() { try bind(v, at: Int32(i + 1)) }
    }

    func bind(_ value: SQLValue, at index: Int32) throws {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let i): rc = sqlite3_bind_int64(handle, index, i)
        case .real(let d): rc = sqlite3_bind_double(handle, index, d)
        case .text(let s): rc = sqlite3_bind_text(handle, index, s, -1, sd_sqlite_transient())
        case .blob(let b):
            rc = b.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32(b.count), sd_sqlite_transient()) }
        }
        guard rc == SQLITE_OK else { throw SQLiteError(database) }
    }

    /// Steps once; true while a row is available.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let err = SQLiteError(database)
        sqlite3_reset(handle)
        throw err
    }

    /// Binds, runs to completion and resets, ready for the next run.
    func run(_ values: [SQLValue] = []) throws {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: p)
    }

    /// The column's bytes, valid until the next step.
    func withBlob<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let p = sqlite3_column_blob(handle, column)
        let n = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeRawBufferPointer(start: p, count: n))
    }

    func document(_ column: Int32) throws -> Document {
        try withBlob(column) { try Document(bson: $0) }
    }
}

extension BSONValue {
    /// The value as SQLite stores it in index expressions, as `sd_field` gives it.
    /// Documents and arrays have no scalar form and become NULL; queries on them are
    /// answered in Swift.
    var sqlValue: SQLValue {
        switch self {
        case .null, .document, .array: return .null
        case .double(let d): return .real(d)
        case .int32(let i): return .integer(Int64(i))
        case .int64(let i): return .integer(i)
        case .bool(let b): return .integer(b ? 1 : 0)
        case .datetime(let ms): return .integer(ms)
        case .string(let s): return .text(s)
        case .objectId(let id): return .blob(id.bytes)
        case .binary(let b, let subtype):
            // As stored after the length: the subtype, then (for subtype 2) the length again.
            let repeated: [UInt8] = subtype == 2 ? withUnsafeBytes(of: UInt32(b.count).littleEndian, Array.init) : []
            return .blob([subtype] + repeated + b)
        case .timestamp(let t): return .blob(withUnsafeBytes(of: t.bitPattern.bigEndian, Array.init))
        }
    }

    var isScalar: Bool {
        switch self {
        case .null, .document, .array: return false
        default: return true
        }
    }
}
