import CSQLite
import Foundation
import SocialdeckModel

/// The SQL functions socialdeck registers on each connection. `sd_field` and
/// `sd_sortkey` are deterministic, so SQLite indexes their results: the spec's
/// indexes become expression indexes over the stored BSON.
///
/// - `sd_field(data, 'a.b')`: the scalar at a path (ObjectId as a 12-byte blob,
///   binary as its subtype byte then its bytes, a timestamp as 8 big-endian bytes,
///   dates as epoch milliseconds, booleans as 0/1); an empty blob for a document or
///   array, so that NULL means exactly "missing or null".
/// - `sd_sortkey(data, 'a.b', dir)`: MongoDB's sort key for a path through arrays:
///   the least value when `dir` is 1, the greatest when -1.
/// - `sd_value(data, 'a.b')`: the value at a path as a one-field BSON document
///   `{v: …}`, so grouped results keep their exact type.
/// - `sd_match(data, token)`: whether the document matches the filter registered
///   under `token`, for conditions no index can answer.
/// - `sd_project(data, 'a,b')`: a document of only the listed top-level fields, copied
///   byte for byte, so a projected read decodes what it asked for and no more.
enum SQLiteFunctions {
    static func register(on connection: SQLiteConnection, filters: FilterRegistry) throws {
        let deterministic = SQLITE_UTF8 | SQLITE_DETERMINISTIC | 0x0002_00000 /* SQLITE_INNOCUOUS */
        try create(connection, "sd_field", 2, deterministic, nil, sdField)
        try create(connection, "sd_sortkey", 3, deterministic, nil, sdSortKey)
        try create(connection, "sd_value", 2, deterministic, nil, sdValue)
        try create(connection, "sd_project", 2, deterministic, nil, sdProject)
        let registry = Unmanaged.passUnretained(filters).toOpaque()
        try create(connection, "sd_match", 2, SQLITE_UTF8, registry, sdMatch)
    }

    private typealias Function = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void

    private static func create(_ c: SQLiteConnection, _ name: String, _ argc: Int32, _ flags: Int32,
                               _ userData: UnsafeMutableRawPointer?, _ fn: Function) throws {
        let rc = sqlite3_create_function_v2(c.handle, name, argc, flags, userData, fn, nil, nil, nil)
        guard rc == SQLITE_OK else { throw c.error(rc) }
    }

    private static func blob(_ v: OpaquePointer?) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: sqlite3_value_blob(v), count: Int(sqlite3_value_bytes(v)))
    }

    private static func text(_ v: OpaquePointer?) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: sqlite3_value_text(v), count: Int(sqlite3_value_bytes(v)))
    }

    private static let sdField: Function = { ctx, _, argv in field(ctx, argv!) }

    private static func field(_ ctx: OpaquePointer?, _ argv: UnsafeMutablePointer<OpaquePointer?>) {
        let data = blob(argv[0])
        let path = text(argv[1])
        guard let e = BSONScanner.element(in: data, path: path) else {
            sqlite3_result_null(ctx)
            return
        }
        let p = data.baseAddress! + e.offset
        switch e.type {
        case 0x01: sqlite3_result_double(ctx, Double(bitPattern: UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))))
        case 0x02:
            let n = Int32(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self))) - 1
            sqlite3_result_text(ctx, (p + 4).assumingMemoryBound(to: CChar.self), n, sd_sqlite_transient())
        case 0x05:
            let n = Int32(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            sqlite3_result_blob(ctx, p + 4, n + 1, sd_sqlite_transient())
        case 0x07: sqlite3_result_blob(ctx, p, 12, sd_sqlite_transient())
        case 0x08: sqlite3_result_int64(ctx, p.load(as: UInt8.self) == 0 ? 0 : 1)
        case 0x09, 0x12: sqlite3_result_int64(ctx, Int64(littleEndian: p.loadUnaligned(as: Int64.self)))
        case 0x10: sqlite3_result_int64(ctx, Int64(Int32(littleEndian: p.loadUnaligned(as: Int32.self))))
        case 0x11:
            var key = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)).bigEndian
            sqlite3_result_blob(ctx, &key, 8, sd_sqlite_transient())
        case 0x03, 0x04: sqlite3_result_zeroblob(ctx, 0)
        default: sqlite3_result_null(ctx)
        }
    }

    private static let sdSortKey: Function = { ctx, _, argv in sortKey(ctx, argv!) }

    private static func sortKey(_ ctx: OpaquePointer?, _ argv: UnsafeMutablePointer<OpaquePointer?>) {
        let data = blob(argv[0])
        let ascending = sqlite3_value_int64(argv[2]) >= 0
        var best: SQLValue?
        BSONScanner.forEach(in: data, path: text(argv[1])) { e in
            let v = BSONScanner.sqlValue(e, in: data)
            if let b = best {
                let c = SQLValue.compare(v, b)
                if ascending ? c < 0 : c > 0 { best = v }
            } else {
                best = v
            }
        }
        result(ctx, best ?? .null)
    }

    private static let sdValue: Function = { ctx, _, argv in
        let data = blob(argv![0])
        let path = text(argv![1])
        var out = Document()
        if let doc = try? Document(bson: data), let v = doc.value(at: String(decoding: path, as: UTF8.self)) {
            out.append("v", v)
        }
        result(ctx, .blob(out.bsonBytes()))
    }

    private static let sdProject: Function = { ctx, _, argv in
        let data = blob(argv![0])
        let keys = text(argv![1]).split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true)
        var out: [UInt8] = [0, 0, 0, 0]
        BSONScanner.forEachTopLevel(in: data) { element, key in
            if keys.contains(where: { $0.elementsEqual(key) }) { out.append(contentsOf: element) }
        }
        out.append(0)
        withUnsafeBytes(of: UInt32(out.count).littleEndian) { out.replaceSubrange(0..<4, with: $0) }
        result(ctx, .blob(out))
    }

    private static let sdMatch: Function = { ctx, _, argv in
        let registry = Unmanaged<FilterRegistry>.fromOpaque(sqlite3_user_data(ctx)!).takeUnretainedValue()
        guard let filter = registry.filters[sqlite3_value_int64(argv![1])] else {
            sqlite3_result_error(ctx, "sd_match: unknown filter", -1)
            return
        }
        guard let doc = try? Document(bson: blob(argv![0])) else {
            sqlite3_result_error(ctx, "sd_match: unreadable document", -1)
            return
        }
        sqlite3_result_int64(ctx, filter.matches(doc) ? 1 : 0)
    }

    private static func result(_ ctx: OpaquePointer?, _ value: SQLValue) {
        switch value {
        case .null: sqlite3_result_null(ctx)
        case .integer(let i): sqlite3_result_int64(ctx, i)
        case .real(let d): sqlite3_result_double(ctx, d)
        case .text(let s): sqlite3_result_text(ctx, s, -1, sd_sqlite_transient())
        case .blob(let b): b.withUnsafeBytes { sqlite3_result_blob(ctx, $0.baseAddress, Int32(b.count), sd_sqlite_transient()) }
        }
    }
}

/// Filters that `sd_match` evaluates, registered for the length of one statement.
final class FilterRegistry {
    private(set) var filters: [Int64: Filter] = [:]
    private var next: Int64 = 1

    func register(_ filter: Filter) -> Int64 {
        let token = next
        next += 1
        filters[token] = filter
        return token
    }

    func remove(_ token: Int64) { filters[token] = nil }
}
