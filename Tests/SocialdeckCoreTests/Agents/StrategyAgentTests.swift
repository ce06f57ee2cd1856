import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The strategy agent's writing tasks (issue #13): a versioned content strategy, revised
/// from insights and lessons, and a content calendar plan whose entries are drafted once
/// each, at their planned times.
@Suite("Strategy agent", .serialized)
struct StrategyAgentTests {
    let p: PublishingWorld
    init() throws { p = try PublishingWorld(.sqlite) }

    var strategy: StrategyAgent { StrategyAgent(store: p.store, client: .offlineForTests, clock: p.clock.closure) }
    var content: ContentAgent { ContentAgent(store: p.store, client: .offlineForTests, clock: p.clock.closure) }

    func seed() throws {
        let start = date("2026-11-03T08:00:00Z")
        let posts = (0..<6).map { (n: Int) -> Content in
            let even = n % 2 == 0
            return publishedPost(p.org, by: p.manager, at: start.addingTimeInterval(Double(n) * 86_400), engagement: even ? 120 : 15,
                                 platform: even ? .linkedin : .facebook, title: "Roasting guide \(n)")
        }
        try insertPosts(posts, into: p.store, now: p.clock.now)
    }

    @Test func aStrategyFavoursTheBestPlatformAndARevisionSupersedesIt() throws {
        try seed()
        let first = try strategy.writeStrategy(for: p.org._id, by: identity(of: p.manager))
        let plan = try StrategyAgent.plan(of: first)
        #expect(first.version == 1 && plan.pillars.count == 4 && abs(plan.pillars.reduce(0) { $0 + $1.share } - 1) < 0.01)
        #expect(plan.cadence.first == .init(platform: "linkedin", postsPerWeek: 5), "\(plan.cadence)")
        #expect(plan.cadence.count == Platform.allCases.count, "the manager has an account on every platform")
        #expect(plan.pillars[0].exampleTopics.first == "Roasting guide 0", "the best post leads the know-how examples")
        #expect(throws: CoreError.self) { try strategy.planCalendar(for: try p.w.organization("globex")._id, by: .localOperator()) }

        let drafts = try content.draft(topic: "Gift boxes", platforms: [.facebook], organizationId: p.org._id, by: identity(of: p.manager))
        try p.w.workflow.reject(drafts.posts[0]._id, reason: "Too salesy", by: identity(of: p.manager))
        let second = try strategy.writeStrategy(for: p.org._id, revise: true, by: identity(of: p.manager))
        let revised = try StrategyAgent.plan(of: second)
        #expect(second.version == 2 && !revised.pillars.contains { $0.name == "News and offers" })
        #expect(try ModelCollection(p.store, Strategy.self).get(first._id)?.status == .superseded)
        #expect(try StrategyAgent.current(p.org._id, in: p.store)?._id == second._id)
        #expect(throws: AccessDenied.self) {
            try strategy.writeStrategy(for: p.org._id, by: identity(of: try p.w.customer("v@acme.test", in: p.org, role: .viewer)))
        }
    }

    @Test func aPlanFollowsTheCadenceAndEachEntryIsDraftedOnceAtItsTime() throws {
        try seed()
        #expect(throws: CoreError.self) { try strategy.planCalendar(for: p.org._id, by: identity(of: p.manager)) }
        _ = try strategy.writeStrategy(for: p.org._id, by: identity(of: p.manager))
        let plan = try strategy.planCalendar(for: p.org._id, days: 14, by: identity(of: p.manager))
        guard case .array(let raw)? = plan.calendar["entries"] else { Issue.record("no entries"); return }
        let entries = raw.compactMap(\.documentValue)
        #expect(entries.count == (5 + 3 + 3 + 2 + 2) * 2, "posts a week times two weeks: \(entries.count)")
        #expect(entries.filter { $0["platform"] == .string("linkedin") }.count == 10)
        let times = entries.compactMap { $0["at"]?.dateValue }
        #expect(times.allSatisfy { $0 > p.clock.now && $0 < p.clock.now.addingTimeInterval(16 * 86_400) })
        #expect(entries.first?["date"] == .string("2026-11-30"), "tomorrow in the admin's zone")

        let first = try content.draftPlanned(organizationId: p.org._id, count: 3, by: identity(of: p.manager))
        #expect(first.made.count == 3 && first.failed.isEmpty)
        let posts = first.made.flatMap(\.posts)
        #expect(posts.count == 3 && posts.allSatisfy { $0.platforms[0].scheduledAt != nil && $0.aiGenerated?.planEntry?.hasPrefix(plan._id.hex) == true })
        #expect(posts[0].platforms[0].scheduledAt == times.min())
        let second = try content.draftPlanned(organizationId: p.org._id, count: 3, by: identity(of: p.manager))
        let keys = Set((first.made + second.made).flatMap(\.posts).compactMap(\.aiGenerated?.planEntry))
        #expect(keys.count == 6, "no entry drafted twice")

        try p.w.workflow.approve(posts[0]._id, by: identity(of: p.manager))
        #expect(try ModelCollection(p.store, Content.self).get(posts[0]._id)?.platforms[0].status == .scheduled)
    }

    /// A strategy in the spec's simpler shape (another tool's, an older demo's) still plans.
    @Test func aStrategyInTheSpecsShapeIsReadToo() throws {
        var old = Strategy()
        old.organizationId = p.org._id
        old.strategy = ["pillars": .array([.string("Espresso basics"), .string("Our farmers")]),
                        "postingFrequency": .document(["instagram": .int32(5), "twitter": .int32(7)]), "tone": .string("Warm")]
        old.createdAt = p.clock.now
        try ModelCollection(p.store, Strategy.self).insert(old)
        let plan = try strategy.planCalendar(for: p.org._id, days: 7, by: identity(of: p.manager))
        guard case .array(let entries)? = plan.calendar["entries"] else { Issue.record("no entries"); return }
        #expect(entries.count == 12 && entries.allSatisfy { ["instagram", "twitter"].contains($0.documentValue?["platform"]?.stringValue ?? "") })
        #expect(entries.contains { $0.documentValue?["topic"] == .string("Our farmers") })
    }
}
