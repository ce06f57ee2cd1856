import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The strategy agent's best times to post (issue #13): scored per weekday and hour in a
/// person's zone from the organization's own published posts, and from everyone's, said
/// so, when its own history is thin.
@Suite("Best times to post")
struct PostingTimesTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func published(_ org: Organization, by author: User, at: Date, engagement: Int, platform: Platform = .linkedin) -> Content {
        publishedPost(org, by: author, at: at, engagement: engagement, platform: platform)
    }

    @Test(arguments: Backend.enabled)
    func theOrganizationsBestSlotComesFirstInItsZone(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        // Tuesdays 08:00–08:59 UTC (09:00 in Berlin, all in winter time) do five times better than the rest.
        let tuesday = date("2026-11-03T08:00:00Z")
        var posts = (0..<8).map { published(p.org, by: p.manager, at: tuesday.addingTimeInterval(Double($0 / 2) * 7 * 86_400 + Double($0 % 2) * 1_800),
                                            engagement: 100) }
        posts += (0..<15).map { published(p.org, by: p.manager, at: date("2026-11-05T15:00:00Z").addingTimeInterval(Double($0) * 3_600 * 7), engagement: 20) }
        try insertPosts(posts, into: p.store, now: p.clock.now)
        let result = try PostingTimes(store: p.store, clock: p.clock.closure).best(for: p.org._id, timeZone: berlin, by: identity(of: p.manager))
        #expect(result.ownHistory && result.basis == 23 && result.note == nil)
        let first = try #require(result.slots.first)
        #expect(first.weekday == 2 && first.hour == 9, "Tuesday 09:00 in Berlin: \(first)")
        #expect(first.posts == 8 && first.score > 0.07 && first.score < 0.1, "smoothed toward the mean: \(first.score)")
        let inUTC = try PostingTimes(store: p.store, clock: p.clock.closure).best(for: p.org._id, timeZone: TimeZone(identifier: "UTC")!,
                                                                                by: identity(of: p.manager))
        #expect(inUTC.slots.first?.hour == 8)
    }

    @Test func thinHistoryFallsBackToEveryOrganizationsAndSaysSo() throws {
        let p = try PublishingWorld(.sqlite)
        let other = try p.w.organization("busy")
        let busy = try p.w.customer("m@busy.test", in: other, role: .manager)
        let busyPosts = (0..<30).map { published(other, by: busy, at: date("2026-11-06T17:00:00Z").addingTimeInterval(Double($0 % 3) * 7 * 86_400), engagement: 80) }
        let mine = (0..<4).map { published(p.org, by: p.manager, at: date("2026-11-02T06:00:00Z").addingTimeInterval(Double($0) * 86_400), engagement: 5) }
        try insertPosts(busyPosts + mine, into: p.store, now: p.clock.now)
        let result = try PostingTimes(store: p.store, clock: p.clock.closure).best(for: p.org._id, timeZone: berlin, by: identity(of: p.manager))
        #expect(!result.ownHistory && result.basis == 34)
        #expect(result.note?.contains("has 4 published posts with metrics") == true && result.note?.contains("every organization's history") == true)
        #expect(result.slots.first?.weekday == 5 && result.slots.first?.hour == 18, "Friday 18:00 in Berlin, from the busy one")
        #expect(throws: AccessDenied.self) {
            try PostingTimes(store: p.store).best(for: other._id, timeZone: berlin, by: identity(of: p.manager))
        }
    }

    @Test func aPlanIsKeptAsTheScheduleAndARun() throws {
        let p = try PublishingWorld(.sqlite)
        try insertPosts((0..<3).map { published(p.org, by: p.manager, at: date("2026-11-10T12:00:00Z").addingTimeInterval(Double($0) * 3600), engagement: 30) },
                        into: p.store, now: p.clock.now)
        let times = PostingTimes(store: p.store, clock: p.clock.closure)
        _ = try times.plan(for: p.org._id, timeZone: berlin, by: identity(of: p.manager))
        _ = try times.plan(for: p.org._id, platform: .linkedin, timeZone: berlin, by: identity(of: p.manager))
        let plans = try ModelCollection(p.store, Strategy.self).find(.eq("type", "posting_schedule"), sort: [.asc("_id")])
        #expect(plans.map(\.status) == [.superseded, .active])
        #expect(plans[1].strategy["platform"] == .string("linkedin") && plans[1].strategy["timezone"] == .string("Europe/Berlin"))
        let runs = try ModelCollection(p.store, AgentRun.self).find(.eq("task", "optimize_posting_schedule"))
        #expect(runs.count == 2 && runs.allSatisfy { $0.agentType == .strategy && $0.status == .succeeded })
    }
}
