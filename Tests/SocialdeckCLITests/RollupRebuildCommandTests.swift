import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

@Suite("Rebuilding the rollups")
struct RollupRebuildCommandTests {
    /// A post changed by another tool (here, straight through the storage layer, as the
    /// sqlite3 shell would) leaves its day's rollup behind; `doctor --rebuild-rollups`
    /// counts it again.
    @Test func doctorRebuildsRollupsAfterAnotherToolChangedPosts() throws {
        let dir = TemporaryDirectory.make()
        #expect(try Socialdeck.run(["seed", "--data", dir, "--orgs", "2", "--users", "6", "--posts", "40", "--days", "10"]).status == 0)
        let store = try SQLiteStore(directory: dir)
        let published = Filter.elemMatch("platforms", .eq("status", PostStatus.published))
        let post = try #require(try store.findOne(CollectionName.content.rawValue, published))
        let org = try #require(post["organizationId"])
        let total = {
            try store.find(CollectionName.analytics.rawValue, .eq("type", AnalyticsType.contentPerformance) && .compare("organizationId", .eq, org))
                .reduce(0) { $0 + ($1.value(at: "metrics.postsPublished")?.int64Value ?? 0) }
        }
        let before = try total()
        try store.updateOne(CollectionName.content.rawValue, .compare("_id", .eq, post["_id"]!), .set("deletedAt", Date()))
        #expect(try total() == before, "the other tool went past the rollups")

        let doctor = try Socialdeck.run(["doctor", "--data", dir, "--rebuild-rollups"])
        #expect(doctor.status == 0 && doctor.stdout.contains("days counted again"), "\(doctor.stderr)")
        let publishedEntries = try DocumentDecoder().decode(Content.self, from: post).platforms.filter { $0.status == .published }.count
        #expect(try total() == before - Int64(publishedEntries))
    }
}
