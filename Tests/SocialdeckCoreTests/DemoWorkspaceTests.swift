import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `socialdeck seed`: a deterministic, realistic workspace.
@Suite("Demo workspace")
struct DemoWorkspaceTests {
    /// A fresh store seeded with `smallDemo()`; its directory goes away with it.
    func seeded() throws -> TempStore {
        let s = try TempStore()
        try DemoWorkspace(options: smallDemo()).seed(into: s.store)
        return s
    }

    func all<M: StoredModel>(_: M.Type, in s: TempStore) throws -> [M] {
        try ModelCollection(s.store, M.self).find(includeDeleted: true)
    }

    static func exportEverything(_ s: TempStore) throws -> [CollectionName: [String]] {
        var out: [CollectionName: [String]] = [:]
        for c in CollectionName.allCases { out[c] = try s.export(c) }
        return out
    }

    // MARK: - Determinism

    /// The publisher's collections fill as the demo's posts fall due, not at seeding; the
    /// personal keys as the audit trail records something about a person, the
    /// heartbeats as processes run, the invitations as admins invite.
    static let publisher: Set<CollectionName> = [.publishJobs, .publishOutbox, .publishQuotas, .systemSettings, .personalKeys,
                                                 .processHeartbeats, .invitations]

    @Test func sameOptionsGiveIdenticalExports() throws {
        let a = try TempStore(), b = try TempStore()
        let summaryA = try DemoWorkspace(options: smallDemo()).seed(into: a.store)
        let summaryB = try DemoWorkspace(options: smallDemo()).seed(into: b.store)
        #expect(summaryA == summaryB)
        let exportA = try Self.exportEverything(a), exportB = try Self.exportEverything(b)
        for c in CollectionName.allCases {
            #expect(exportA[c] == exportB[c], "\(c) differs")
            #expect(exportA[c]?.isEmpty == Self.publisher.contains(c), "\(c) is empty")
        }
    }

    @Test func nowIsRoundedToTheDaySoAnyTimeThatDayGivesTheSameWorkspace() throws {
        var late = smallDemo()
        late.now = date("2026-11-29T17:45:12Z")
        let a = try TempStore(), b = try TempStore()
        try DemoWorkspace(options: smallDemo()).seed(into: a.store)
        try DemoWorkspace(options: late).seed(into: b.store)
        for c: CollectionName in [.organizations, .content, .agentRuns, .subscriptions] {
            #expect(try a.export(c) == b.export(c), "\(c) differs")
        }
    }

    @Test func differentSeedsDiffer() throws {
        let s = try seeded()
        let other = try TempStore()
        try DemoWorkspace(options: smallDemo(seed: 7)).seed(into: other.store)
        #expect(try other.export(.content) != s.export(.content))
        #expect(try other.export(.users) != s.export(.users))
        let idsA = Set(try all(Content.self, in: s).map(\._id))
        let idsB = Set(try ModelCollection(other.store, Content.self).find().map(\._id))
        #expect(idsA.isDisjoint(with: idsB))
    }

    @Test func summaryCountsMatchTheStore() throws {
        let s = try TempStore()
        let summary = try DemoWorkspace(options: smallDemo()).seed(into: s.store)
        #expect(summary.counts[.organizations] == 6)
        #expect(summary.counts[.users] == 30)
        #expect(summary.counts[.content] == 300)
        for (collection, n) in summary.counts { #expect(try s.count(collection) == n, "\(collection)") }
        #expect(Set(summary.counts.keys) == Set(CollectionName.allCases).subtracting(Self.publisher))
    }

    @Test func progressReachesItsTotal() throws {
        let s = try TempStore()
        var calls: [(Int, Int)] = []
        try DemoWorkspace(options: smallDemo()).seed(into: s.store) { calls.append(($0, $1)) }
        let last = try #require(calls.last)
        #expect(last.0 == last.1)
        #expect(calls.map(\.0) == calls.map(\.0).sorted())
    }

    // MARK: - Contents

    @Test func organizationsCoverEveryPlan() throws {
        let s = try seeded()
        let orgs = try all(Organization.self, in: s)
        #expect(orgs.count == 6)
        #expect(Set(orgs.map(\.subscription.plan)) == [.free, .pro, .enterprise])
        #expect(Set(orgs.map(\.slug)).count == orgs.count)
        #expect(orgs.contains { $0.subscription.status == .cancelled })
    }

    @Test func usersHaveEveryRoleAndStaffEveryStaffRole() throws {
        let s = try seeded()
        let users = try all(User.self, in: s)
        #expect(Set(users.map(\.role)) == Set(UserRole.allCases))
        #expect(Set(users.map(\.email)).count == users.count)
        let orgIds = Set(try all(Organization.self, in: s).map(\._id))
        #expect(users.allSatisfy { orgIds.contains($0.organizationId) })
        let staff = try all(AdminUser.self, in: s)
        #expect(Set(staff.map(\.role)) == Set(StaffRole.allCases))
    }

    @Test func postsCoverAllFivePlatforms() throws {
        let s = try seeded()
        let posts = try all(Content.self, in: s)
        #expect(posts.count == 300)
        #expect(Set(posts.flatMap { $0.platforms.map(\.platform) }) == Set(Platform.allCases))
        #expect(posts.allSatisfy { !$0.platforms.isEmpty })
    }

    @Test func pendingAIDraftsCarryAConfidence() throws {
        let s = try seeded()
        let drafts = try all(Content.self, in: s).filter { $0.approval.status == .pending && $0.aiGenerated != nil }
        #expect(!drafts.isEmpty)
        for d in drafts {
            let confidence = try #require(d.aiGenerated?.confidence)
            #expect((0...1).contains(confidence))
            #expect(d.platforms.allSatisfy { $0.status == .draft })
        }
    }

    @Test func scheduledPostsAreInTheFuture() throws {
        let s = try seeded()
        let entries = try all(Content.self, in: s).flatMap { post in post.platforms.map { (post, $0) } }
        let scheduled = entries.filter { $0.1.status == .scheduled }
        #expect(!scheduled.isEmpty)
        for (post, entry) in scheduled {
            #expect(try #require(entry.scheduledAt) > fixedNow)
            #expect(post.approval.status == .approved)
        }
    }

    @Test func publishedPostsHaveMetricsInThePast() throws {
        let s = try seeded()
        let published = try all(Content.self, in: s).flatMap(\.platforms).filter { $0.status == .published }
        #expect(!published.isEmpty)
        for entry in published {
            let m = try #require(entry.metrics)
            #expect(m.engagement == m.likes + m.shares + m.comments + m.clicks)
            #expect(m.views > 0)
            #expect(try #require(entry.publishedAt) < fixedNow)
            #expect(entry.platformPostId != nil)
        }
    }

    @Test func subscriptionHistoriesIncludeUpgradesDowngradesAndCancellations() throws {
        let s = try seeded()
        let subs = try all(Subscription.self, in: s)
        #expect(subs.count == 6)
        let actions = Set(subs.flatMap { $0.history.map(\.action) })
        #expect(actions.isSuperset(of: [.created, .upgraded, .downgraded, .cancelled]))
        #expect(subs.allSatisfy { $0.history.first?.action == .created })
        for sub in subs where sub.history.contains(where: { $0.action == .cancelled }) {
            #expect(sub.status == .cancelled)
            #expect(sub.billing.cancelledAt != nil)
        }
    }

    @Test func sevenAgentsWhoseTotalsAgreeWithTheirRuns() throws {
        let s = try seeded()
        let agents = try all(AIAgent.self, in: s)
        #expect(agents.count == 7)
        #expect(Set(agents.map(\.type)) == Set(AgentType.allCases))
        let runs = try all(AgentRun.self, in: s)
        for agent in agents {
            let mine = runs.filter { $0.agentId == agent._id }
            #expect(!mine.isEmpty, "\(agent.name)")
            #expect(agent.performance.totalExecutions == mine.count, "\(agent.name)")
            #expect(agent.performance.errorCount == mine.filter { $0.status == .failed }.count, "\(agent.name)")
            #expect(agent.costs.totalTokensUsed == mine.reduce(0) { $0 + $1.promptTokens + $1.completionTokens })
            #expect(agent.performance.lastExecution == mine.map(\.startedAt).max())
            #expect(mine.allSatisfy { $0.agentType == agent.type })
        }
        // The engagement agent is failing, so the dashboard has something to alert on.
        let engagement = try #require(agents.first { $0.type == .engagement })
        #expect(engagement.status == .error)
        #expect(engagement.performance.errorCount > 0)
    }

    @Test func auditLogHasEntries() throws {
        let s = try seeded()
        let log = try all(AdminActivityLog.self, in: s)
        #expect(log.count == 40)
        #expect(log.allSatisfy { $0.adminUserId != nil && !$0.action.isEmpty })
        #expect(Set(log.map(\.severity)) == Set(Severity.allCases))
        #expect(log.allSatisfy { $0.timestamp <= fixedNow })
    }

    // MARK: - Options

    @Test func defaultOptionsAreValid() throws {
        try DemoWorkspace.Options().validate()
        try smallDemo().validate()
    }

    @Test func negativePostsAreRejected() {
        var o = smallDemo()
        o.posts = -1
        #expect(throws: DemoError.self) { try o.validate() }
        o.posts = 0
        #expect(throws: Never.self) { try o.validate() }
    }

    @Test func fewerUsersThanOrganizationsAreRejected() {
        var o = smallDemo()
        o.users = o.organizations - 1
        #expect(throws: DemoError.self) { try o.validate() }
        o.users = o.organizations
        #expect(throws: Never.self) { try o.validate() }
    }

    @Test func otherOutOfRangeOptionsAreRejected() {
        var o = smallDemo()
        o.organizations = 0
        #expect(throws: DemoError.self) { try o.validate() }
        o = smallDemo()
        o.days = 0
        #expect(throws: DemoError.self) { try o.validate() }
        o.days = 3651
        #expect(throws: DemoError.self) { try o.validate() }
    }

    @Test func invalidOptionsWriteNothing() throws {
        let s = try TempStore()
        var o = smallDemo()
        o.users = 1
        #expect(throws: DemoError.self) { try DemoWorkspace(options: o).seed(into: s.store) }
        for c in CollectionName.allCases { #expect(try s.count(c) == 0) }
    }
}
