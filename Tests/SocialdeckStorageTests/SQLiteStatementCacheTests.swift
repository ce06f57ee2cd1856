import Foundation
import SocialdeckModel
@testable import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// The prepared-statement cache holds at most `statementCacheCapacity` statements;
/// one a caller still holds must stay usable after the cache lets go of it.
@Suite("SQLite statement cache")
struct SQLiteStatementCacheTests {
    /// More multikey side tables than the cache holds: writing one document needs a
    /// statement per side table, so the cache overflows while the write holds its own.
    static let sideTables = SQLiteConnection.statementCacheCapacity + 5

    static let schema = CollectionSchema(
        name: "wide",
        indexes: (0..<sideTables).map { IndexSpec([IndexKey("tags.k\($0)")]) },
        arrayPaths: ["tags"]
    )

    static func document(_ n: Int) -> Document {
        let tag = Document((0..<sideTables).map { .init("k\($0)", .int32(Int32(n * 1000 + $0))) })
        return Document([.init("n", .int32(Int32(n))), .init("tags", .array([.document(tag)]))])
    }

    func wideStore() throws -> SQLiteStore {
        let store = try SQLiteStore(directory: TemporaryDirectory.make())
        store.register(Self.schema)
        for index in Self.schema.indexes { try store.createIndex(index, on: "wide") }
        return store
    }

    @Test func insertManyKeepsItsStatementWhileTheCacheOverflows() throws {
        let store = try wideStore()
        try store.insertMany((1...3).map(Self.document), into: "wide")
        #expect(try store.count("wide") == 3)
        let last = Self.sideTables - 1
        for n in 1...3 {
            #expect(try store.count("wide", .eq("tags.k\(last)", Int32(n * 1000 + last))) == 1)
            #expect(try store.count("wide", .eq("tags.k0", Int32(n * 1000))) == 1)
        }
    }

    @Test func updateManyKeepsItsStatementWhileTheCacheOverflows() throws {
        let store = try wideStore()
        try store.insertMany((1...3).map(Self.document), into: "wide")
        let renumbered = BSONValue.array([.document(Document([.init("k0", .int32(-1)), .init("k\(Self.sideTables - 1)", .int32(-2))]))])
        #expect(try store.updateMany("wide", .all, Update.set("tags", renumbered)) == 3)
        #expect(try store.count("wide", .eq("tags.k0", Int32(-1))) == 3)
        #expect(try store.count("wide", .eq("tags.k\(Self.sideTables - 1)", Int32(-2))) == 3)
        #expect(try store.count("wide", .eq("tags.k0", Int32(1000))) == 0)
    }

    @Test func aHeldStatementOutlivesItsEviction() throws {
        let connection = try SQLiteConnection(path: TemporaryDirectory.make() + "/cache.sqlite")
        let held = try connection.statement("SELECT ?1 + 1")
        for i in 0..<(SQLiteConnection.statementCacheCapacity * 2) {
            _ = try connection.integer("SELECT \(i)")
        }
        #expect(connection.cachedStatementCount <= SQLiteConnection.statementCacheCapacity)
        try held.bind([.integer(41)])
        #expect(try held.step())
        #expect(held.int64(0) == 42)
    }
}
