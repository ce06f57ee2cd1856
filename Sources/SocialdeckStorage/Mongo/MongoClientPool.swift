import CMongoc
import Foundation
import SocialdeckModel

/// A libmongoc client pool: thread-safe, so the dashboard's refresh queue and its
/// input thread can both use it. The pool (unlike a single client) recovers
/// quickly after a server restart and honours the whole URI: replica sets,
/// read preference and write concern.
final class MongoClientPool: @unchecked Sendable {
    /// libmongoc is opened here, on first use (see CMongoc.h); nil once it is ready.
    private static let unavailable: StoreError? = {
        if let why = sd_mongoc_load() {
            return StoreError.backend("MongoDB needs libmongoc (Debian: apt-get install libmongoc-1.0-0): \(String(cString: why))")
        }
        MongoLog.install()
        mongoc_init()
        return nil
    }()

    let pool: OpaquePointer
    private let uri: OpaquePointer
    /// Hosts only: safe to show and to log.
    let hosts: String
    let databaseName: String

    /// - Parameter serverSelectionTimeout: milliseconds to wait for a usable server when the URI
    ///   does not say; libmongoc's own default is 30 s, far too long for an interactive tool.
    init(uri text: String, serverSelectionTimeout: Int32 = 3000) throws {
        if let unavailable = Self.unavailable { throw unavailable }
        var error = bson_error_t()
        guard let uri = mongoc_uri_new_with_error(text, &error) else {
            throw StoreError.backend("invalid MongoDB URI: \(MongoURISecrets.scrub(MongoClientPool.message(error), of: text))")
        }
        if mongoc_uri_get_option_as_int32(uri, "serverselectiontimeoutms", 0) == 0 {
            mongoc_uri_set_option_as_int32(uri, "serverselectiontimeoutms", serverSelectionTimeout)
        }
        if mongoc_uri_get_option_as_int32(uri, "connecttimeoutms", 0) == 0 {
            mongoc_uri_set_option_as_int32(uri, "connecttimeoutms", serverSelectionTimeout)
        }
        var buf = [CChar](repeating: 0, count: 1024)
        sd_uri_hosts(uri, &buf, buf.count)
        hosts = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        databaseName = mongoc_uri_get_database(uri).map { String(cString: $0) } ?? "socialdeck"
        guard let pool = mongoc_client_pool_new_with_error(uri, &error) else {
            mongoc_uri_destroy(uri)
            throw StoreError.backend("cannot create a MongoDB client pool: \(MongoURISecrets.scrub(MongoClientPool.message(error), of: text))")
        }
        self.uri = uri
        self.pool = pool
        mongoc_client_pool_set_error_api(pool, 2)
        mongoc_client_pool_set_appname(pool, "socialdeck")
    }

    deinit {
        mongoc_client_pool_destroy(pool)
        mongoc_uri_destroy(uri)
    }

    /// Runs `body` with a client popped from the pool and pushed back afterwards.
    func withClient<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        let client = mongoc_client_pool_pop(pool)!
        defer { mongoc_client_pool_push(pool, client) }
        return try body(client)
    }

    func withCollection<T>(_ name: String, _ body: (OpaquePointer) throws -> T) rethrows -> T {
        try withClient { client in
            let coll = mongoc_client_get_collection(client, databaseName, name)!
            defer { mongoc_collection_destroy(coll) }
            return try body(coll)
        }
    }

    /// The write concern the URI asked for, as collections inherit it: "majority", a number, or "default".
    var writeConcern: String {
        guard let wc = mongoc_uri_get_write_concern(uri) else { return "default" }
        if mongoc_write_concern_get_wmajority(wc) { return "majority" }
        let w = mongoc_write_concern_get_w(wc)
        return w == -2 ? "default" : String(w)
    }

    /// `.unreachable`, naming the hosts, when `error` says no server could be reached
    /// (server selection or the connection's stream); nil for any other error.
    func outage(_ error: bson_error_t) -> StoreError? {
        var e = error
        let domain = sd_error_domain(&e)
        guard domain == MONGOC_ERROR_SERVER_SELECTION.rawValue || domain == MONGOC_ERROR_STREAM.rawValue else { return nil }
        return StoreError.unreachable("MongoDB at \(hosts) (\(Self.message(error)))")
    }

    static func message(_ error: bson_error_t) -> String {
        var e = error
        return String(cString: sd_error_message(&e))
    }
}

/// Owns a `bson_t` made from socialdeck's own BSON bytes. Swift may free an object
/// right after its last use, which can be before libmongoc is done with the
/// pointer; callers keep the handle alive with `withExtendedLifetime`.
final class BSONHandle {
    let pointer: OpaquePointer

    init(_ document: Document) {
        let bytes = document.bsonBytes()
        pointer = bytes.withUnsafeBufferPointer { bson_new_from_data($0.baseAddress, $0.count)! }
    }

    deinit { bson_destroy(pointer) }
}

/// Uninitialised storage for a `bson_t` that libmongoc fills in (a reply); bson_t needs 128-byte alignment.
final class BSONReply {
    let raw = UnsafeMutableRawPointer.allocate(byteCount: 128, alignment: 128)
    var pointer: OpaquePointer { OpaquePointer(raw) }

    init() { bson_init(pointer) }

    deinit {
        bson_destroy(pointer)
        raw.deallocate()
    }

    func document() throws -> Document {
        try Document.from(bson: pointer)
    }
}

extension Document {
    static func from(bson pointer: OpaquePointer) throws -> Document {
        let data = bson_get_data(pointer)!
        return try Document(bson: UnsafeRawBufferPointer(start: data, count: Int(sd_bson_len(pointer))))
    }
}
