import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// A writer that dies halfway (simulated by a store that fails from some step on, as
/// if the process were gone), a reader that races a writer, and a store written before
/// the rollups existed.
@Suite("Content rollups after a crash")
struct RollupCrashTests {
    static let now = ContentRollupsTests.now
    let staff = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))

    /// A post with an entry scheduled tomorrow, so moving it changes two days' rollups.
    func scheduledPost(_ store: any DocumentStore) throws -> Content {
        let posts = try ModelCollection(store, Content.self).find(.elemMatch("platforms", .compare("scheduledAt", .gt, .date(Self.now))))
        return try #require(posts.first { $0.approval.status != .rejected })
    }

    /// Dies after writing the post, before taking its marks off: readers count the
    /// marked days from the posts (so they see the move at once), and once the marks
    /// are `abandonAfter` old a reader stores the days current again.
    @Test(arguments: Backend.enabled)
    func aWriterThatDiesAfterItsWrite(_ backend: Backend) throws {
        let store = try ContentRollupsTests.seeded(backend, posts: 20)
        let post = try scheduledPost(store)
        let target = Self.now.addingTimeInterval(5 * 86_400 + 1_800)
        let dying = FaultyStore(store, failingBulkUpdates: Set(2...50))
        try ContentWorkflow(store: dying, clock: { Self.now }).reschedule(post._id, to: target, by: staff)

        let day = RollupKey.day(of: target)
        let stored = try RollupRecount.stored(store)
        #expect(stored[RollupKey(organizationId: post.organizationId, day: day)]?.state.writing == 1)
        let soon = ContentRollups(store: store, clock: { Self.now.addingTimeInterval(60) })
        let counted = try soon.figures(organizationId: post.organizationId, days: day...day)
        #expect(try counted[day] == RollupRecount.count(store)[RollupKey(organizationId: post.organizationId, day: day)])
        #expect(try RollupRecount.stored(store)[RollupKey(organizationId: post.organizationId, day: day)]?.state.isCurrent == false,
                "a live writer's mark is not taken for abandoned")

        let later = ContentRollups(store: store, clock: { Self.now.addingTimeInterval(ContentRollups.abandonAfter + 1) })
        for key in try RollupRecount.stored(store).filter({ !$0.value.state.isCurrent }).keys {
            _ = try later.figures(organizationId: key.organizationId, days: key.day...key.day)
        }
        try RollupRecount.expectStoredEqualRecount(store, "once the marks are abandoned")
    }

    /// Dies between marking and writing: the post is unchanged and so, once repaired, are the rollups.
    @Test func aWriterThatDiesBeforeItsWrite() throws {
        let store = try ContentRollupsTests.seeded(.sqlite, posts: 20)
        let post = try scheduledPost(store)
        let dying = FaultyStore(store, failingBulkUpdates: Set(2...50), failingFindOneAndUpdates: [1])
        #expect(throws: StoreError.self) {
            try ContentWorkflow(store: dying, clock: { Self.now }).unschedule(post._id, by: staff)
        }
        #expect(try RollupRecount.stored(store).values.contains { !$0.state.isCurrent })
        let later = ContentRollups(store: store, clock: { Self.now.addingTimeInterval(ContentRollups.abandonAfter + 1) })
        let marked = try RollupRecount.stored(store).filter { !$0.value.state.isCurrent }.keys
        for key in marked { _ = try later.figures(organizationId: key.organizationId, days: key.day...key.day) }
        try RollupRecount.expectStoredEqualRecount(store, "after the repair")
    }

    /// A reader recounting a rollup while another connection writes a post it counts:
    /// the write lands between the reader's count of the posts and its storing of the
    /// count. The reader must not store what it counted as current.
    @Test(arguments: Backend.enabled)
    func aReaderRacingAWriterNeverStoresAStaleDay(_ backend: Backend) throws {
        let store = try ContentRollupsTests.seeded(backend, posts: 20)
        let post = try scheduledPost(store)
        let day = RollupKey.day(of: post.platforms.compactMap(\.scheduledAt).min()!)
        let key = RollupKey(organizationId: post.organizationId, day: day)
        // The rollup is left marked by a writer that died, so the reader recounts it.
        let dying = FaultyStore(store, failingBulkUpdates: Set(2...50))
        try ContentWorkflow(store: dying, clock: { Self.now }).reschedule(post._id, to: post.platforms.compactMap(\.scheduledAt).min()!.addingTimeInterval(60), by: staff)

        let other = try backend.otherConnection(to: store)
        let counting = CountingStore(store)
        let staff = self.staff
        counting.afterNextFind(in: CollectionName.content.rawValue) {
            try ContentWorkflow(store: other, clock: { Self.now }).reschedule(post._id, to: Self.now.addingTimeInterval(9 * 86_400), by: staff)
        }
        let reader = ContentRollups(store: counting, clock: { Self.now.addingTimeInterval(ContentRollups.abandonAfter + 1) })
        _ = try reader.figures(organizationId: key.organizationId, days: day...day)
        #expect(counting.calls.contains("bulkUpdate analytics"), "the reader tried to store its count")
        try RollupRecount.expectStoredEqualRecount(store, "after the race", marksAllowed: true)
        _ = try reader.figures(organizationId: key.organizationId, days: day...day)
        try RollupRecount.expectStoredEqualRecount(store, "once read again", marksAllowed: true)
    }

    /// A store written before the rollups: posts but none, and the old daily records
    /// under other ids. Opening it builds them, and the old records go.
    @Test func openingAStoreFromBeforeTheRollupsBuildsThem() throws {
        let dir = try TemporaryDirectory()
        let raw = try SQLiteStore(directory: dir.path)
        try SchemaMigrator.prepare(raw, now: Self.now)
        try SeededWorkspace(organizations: 2, users: 8, posts: 30, days: 20, now: Self.now).seed(into: raw)
        try raw.deleteMany(SchemaMigrator.metaCollection, .compare("_id", .eq, ContentRollups.builtMarker))
        try raw.deleteMany(CollectionName.analytics.rawValue, .eq("type", AnalyticsType.contentPerformance))
        var legacy = AnalyticsRecord()
        legacy.type = .contentPerformance
        legacy.organizationId = try #require(try ModelCollection(raw, Organization.self).first(.all))._id
        legacy.date = date("2026-11-20")
        legacy.metrics.postsPublished = 999
        try ModelCollection(raw, AnalyticsRecord.self).insert(legacy)
        #expect(try RollupRecount.stored(raw).isEmpty)

        let opened = try StoreLocation.sqlite(directory: dir.path).open(now: Self.now)
        try RollupRecount.expectStoredEqualRecount(opened, "after the build")
        #expect(try opened.count(CollectionName.analytics.rawValue, .id(legacy._id)) == 0)
    }
}
