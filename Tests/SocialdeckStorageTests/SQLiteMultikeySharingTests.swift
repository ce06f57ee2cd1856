import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// Several processes share one SQLite file; a multikey side table registered by any
/// of them is kept in step by all of them, whoever registered it first.
@Suite("SQLite multikey side tables across connections")
struct SQLiteMultikeySharingTests {
    let index = testSchema.indexes[0]

    func tags(_ kind: String) -> BSONValue {
        .array([.document(Document([.init("kind", .string(kind)), .init("at", .int32(1))]))])
    }

    func tagged(_ kind: String) -> Document { Document([.init("tags", tags(kind))]) }

    /// Two stores on one file, each with the test schema, as two processes would open it.
    func twoStores() throws -> (SQLiteStore, SQLiteStore) {
        let dir = TemporaryDirectory.make()
        let a = try SQLiteStore(directory: dir)
        let b = try SQLiteStore(directory: dir)
        a.register(testSchema)
        b.register(testSchema)
        return (a, b)
    }

    @Test func theProcessThatRegisteredSecondStillMaintainsTheSideTable() throws {
        let (a, b) = try twoStores()
        _ = try a.count("things")
        try b.createIndex(index, on: "things")
        try a.createIndex(index, on: "things")
        try a.insertOne(tagged("from a"), into: "things")
        #expect(try b.count("things", .eq("tags.kind", "from a")) == 1)
        #expect(try a.count("things", .eq("tags.kind", "from a")) == 1)
    }

    @Test func aProcessThatOpenedBeforeTheIndexExistedMaintainsIt() throws {
        let (a, b) = try twoStores()
        try a.insertOne(tagged("before"), into: "things")
        try b.createIndex(index, on: "things")
        try a.insertOne(tagged("after"), into: "things")
        try a.updateOne("things", .eq("tags.kind", "before"), .set("tags", tags("moved")))
        #expect(try b.count("things", .eq("tags.kind", "after")) == 1)
        #expect(try b.count("things", .eq("tags.kind", "moved")) == 1)
        #expect(try b.count("things", .eq("tags.kind", "before")) == 0)
    }

    @Test func claimsByTheOtherProcessKeepTheSideTableCurrent() throws {
        let (a, b) = try twoStores()
        try a.insertOne(tagged("queued"), into: "things")
        try b.createIndex(index, on: "things")
        let claimed = try a.findOneAndUpdate("things", .all, sort: [], .set("tags", tags("claimed")), returnUpdated: true)
        #expect(claimed != nil)
        #expect(try b.count("things", .eq("tags.kind", "claimed")) == 1)
        #expect(try b.count("things", .eq("tags.kind", "queued")) == 0)
    }
}
