import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Reading the rollups: calendar counts in any zone, and a staff read after a change
/// that touches no post.
@Suite("Content rollups, read")
struct RollupReadingTests {
    static let now = date("2026-10-20T00:00:00Z")
    let staff = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))

    /// Entries at random quarter-hour-or-finer times around several zones' midnights and
    /// daylight-saving changes, counted per local day from the rollups and one by one.
    @Test(arguments: ["Asia/Kathmandu", "America/St_Johns", "America/New_York", "Australia/Lord_Howe", "UTC"])
    func calendarCountsAgreeWithCountingEachEntryInItsZone(_ zone: String) throws {
        let store = try TempStore().store
        let org = organization("zones")
        try ModelCollection(store, Organization.self).insert(org)
        var rng = SeededGenerator(seed: 11)
        var times: [Date] = []
        var posts: [Content] = []
        for i in 0..<60 {
            var post = Content()
            post.organizationId = org._id
            post.title = "Post \(i)"
            post.platforms = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                let at = date("2026-10-28").addingTimeInterval(Double(Int.random(in: 0..<(14 * 24 * 60), using: &rng)) * 60)
                times.append(at)
                return Content.PlatformPost(platform: Platform.allCases.randomElement(using: &rng)!, status: .scheduled, scheduledAt: at)
            }
            posts.append(post)
        }
        try insertPosts(posts, into: store, now: Self.now)

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        let first = calendar.startOfDay(for: date("2026-10-28"))
        let days = (0..<16).map { calendar.dateInterval(of: .day, for: calendar.date(byAdding: .day, value: $0, to: first)!)! }
        let expected = days.map { day in times.filter { day.contains($0) && $0 != day.end }.count }
        let counted = try ContentWorkflow(store: store, clock: { Self.now }).calendarCounts(days, organizationId: org._id, for: staff)
        #expect(counted == expected)
        #expect(expected.reduce(0, +) > 100)
    }

    /// After a change through the core, the writer has already counted the days again:
    /// a staff member's analytics and calendar counts read rollups only, never a post.
    @Test func aStaffReadAfterAChangeReadsNoPost() throws {
        let store = try ContentRollupsTests.seeded(.sqlite, posts: 30)
        let now = ContentRollupsTests.now
        let post = try #require(try ModelCollection(store, Content.self).find(.elemMatch("platforms", .compare("scheduledAt", .gt, .date(now))))
            .first { $0.approval.status != .rejected })
        try ContentWorkflow(store: store, clock: { now }).reschedule(post._id, to: now.addingTimeInterval(3 * 86_400), by: staff)

        let counting = CountingStore(store)
        let report = try AnalyticsReport.build(store: counting, for: staff, organizationId: nil, rangeDays: 90, now: now)
        let month = (0..<31).map { DateInterval(start: date("2026-11-15").addingTimeInterval(Double($0) * 86_400), duration: 86_400) }
        let counts = try ContentWorkflow(store: counting, clock: { now }).calendarCounts(month, for: staff)
        #expect(report.totalViews > 0 && counts.reduce(0, +) > 0)
        #expect(!counting.calls.contains { $0.hasSuffix(" content") }, "\(counting.calls)")
        #expect(Set(counting.calls).isSubset(of: ["find analytics"]), "\(counting.calls)")
    }
}
