import Foundation
import Testing
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `bulkUpdate`: many conditional updates in one go, the same on both backends.
@Suite("Bulk update")
struct BulkUpdateTests {
    let conformance = ConformanceTests()

    @Test(arguments: Backend.enabled)
    func eachUpdateAppliesToItsFirstMatchAndTheMatchesAreCounted(_ backend: Backend) throws {
        let store = try conformance.seeded(backend)
        let matched = try store.bulkUpdate("things", [
            BulkUpdate(.eq("name", "thing-1"), Update.inc("n", 100).set("bulk", "a")),
            BulkUpdate(.eq("name", "nobody"), .set("bulk", "never")),
            // A condition that no longer holds is a compare-and-set that lost: nothing changes.
            BulkUpdate(.eq("name", "thing-2") && .eq("n", Int32(99)), .set("bulk", "stale")),
            BulkUpdate(.eq("owner", conformance.owners[0]), .set("bulk", "first of many")),
            // Later updates see earlier ones: the bulk is ordered.
            BulkUpdate(.eq("bulk", "a"), .inc("n", 1)),
        ])
        #expect(matched == 3)
        let one = try #require(try store.findOne("things", .eq("name", "thing-1")))
        #expect(one["n"]?.int64Value == 102)
        #expect(try store.count("things", .eq("bulk", "first of many")) == 1, "one update, one document")
        #expect(try store.count("things", .isIn("bulk", anyOf: ["never", "stale"])) == 0)
        #expect(try store.bulkUpdate("things", []) == 0)
    }

    /// SQLite runs the bulk as one transaction: an update that fails takes the earlier ones back.
    @Test func onSQLiteAFailingUpdateUndoesTheBulk() throws {
        let store = try conformance.seeded(.sqlite)
        #expect(throws: StoreError.self) {
            try store.bulkUpdate("things", [
                BulkUpdate(.eq("name", "thing-1"), .set("bulk", "written")),
                BulkUpdate(.eq("name", "thing-2"), .set("_id", "a new id")),
            ])
        }
        #expect(try store.count("things", .eq("bulk", "written")) == 0)
    }
}
