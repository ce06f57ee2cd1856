import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The analytics agent (issue #13): the daily rollups recounted from the posts (taking
/// in what another tool wrote), and each finished week's report written once.
@Suite("Analytics agent", .serialized)
struct AnalyticsAgentTests {
    var offline: LLMClient { .offlineForTests }

    @Test(arguments: Backend.enabled)
    func aPostWrittenByAnotherToolReachesTheRollups(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let agent = AnalyticsAgent(store: p.store, client: offline, clock: p.clock.closure)
        let rollups = ContentRollups(store: p.store, clock: p.clock.closure)
        let today = RollupKey.day(of: p.clock.now)
        try insertPosts([publishedPost(p.org, by: p.manager, at: p.clock.now.addingTimeInterval(-7_200), engagement: 10)], into: p.store, now: p.clock.now)
        #expect(try agent.buildDailyRollups(for: p.org._id, by: identity(of: p.manager)) == 0, "the core kept the rollups current")
        // Written straight into the store, as mongosh or sqlite3 would: no rollup is told.
        let post = publishedPost(p.org, by: p.manager, at: p.clock.now.addingTimeInterval(-3_600), engagement: 50)
        try p.store.insertOne(try DocumentEncoder().encode(post), into: Content.collection.rawValue)
        #expect(try agent.buildDailyRollups(for: p.org._id, by: identity(of: p.manager)) == 1)
        let figures = try rollups.figures(organizationId: p.org._id, days: today...today)
        #expect(figures[today]?.platforms[.linkedin]?.engagement == 60)
        let run = try #require(try ModelCollection(p.store, AgentRun.self).first(.eq("task", "build_daily_rollups"), sort: [.desc("_id")]))
        #expect(run.agentType == .analytics && run.output?["changed"] == .int32(1))
    }

    @Test func lastWeeksReportIsWrittenOnceAndTheTeamIsTold() throws {
        let p = try PublishingWorld(.sqlite)
        // The clock is Sunday 29 November: the last finished week is 16–22 November.
        let lastWeek = (0..<4).map { publishedPost(p.org, by: p.manager, at: date("2026-11-17T10:00:00Z").addingTimeInterval(Double($0) * 86_400),
                                                   engagement: 40 + $0 * 10, platform: $0 % 2 == 0 ? .linkedin : .facebook, title: "Post \($0)") }
        let weekBefore = [publishedPost(p.org, by: p.manager, at: date("2026-11-10T10:00:00Z"), engagement: 30, title: "Older")]
        try insertPosts(lastWeek + weekBefore, into: p.store, now: p.clock.now)
        let agent = AnalyticsAgent(store: p.store, client: offline, clock: p.clock.closure)
        let record = try #require(try agent.weeklyReport(for: p.org._id, by: identity(of: p.manager)))
        #expect(record.aggregation == .weekly && record.date == date("2026-11-16T00:00:00Z"))
        #expect(record.metrics.postsPublished == 4 && record.metrics.totalEngagement == 220)
        let words = try #require(record.report)
        #expect(words.title == "Acme: week of 2026-11-16" && words.summary == "4 posts from 2026-11-16 to 2026-11-22 drew 220 engagements.")
        #expect(words.highlights.contains("4 posts published (+300% on the week before)."), "\(words.highlights)")
        #expect(try agent.weeklyReport(for: p.org._id, by: identity(of: p.manager)) == nil, "once a week")
        let told = try ModelCollection(p.store, UserNotification.self).find(.eq("relatedId", record._id))
        #expect(told.map(\.userId) == [p.manager._id], "the manager; the writer is not told")
        let stranger = try p.w.customer("m@globex.test", in: try p.w.organization("globex"), role: .manager)
        #expect(throws: AccessDenied.self) { try agent.weeklyReport(for: p.org._id, by: identity(of: stranger)) }
    }
}
