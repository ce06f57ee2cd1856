import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Whole frames of a new team's empty panes at 80×24, each saying what to do next
/// (issue #10, item 13): read through the core from an empty store with one team and
/// its admin, drawn as the dashboard draws them.
@Suite("Golden screens: a new team's empty panes")
struct EmptyTeamPaneTests {
    static let now = AppHarness.start

    func frame(_ pane: PaneID) throws -> CellBuffer {
        let store = try EmptyTeam.store(in: TemporaryDirectory.make())
        let admin = try #require(try ModelCollection(store, User.self).first(.eq("email", EmptyTeam.email)))
        let identity = Identity(principal: .customer(userId: admin._id, organizationId: admin.organizationId, role: .admin),
                                sessionId: "golden", context: ConnectionContext(ipAddress: "local", userAgent: "test"))
        var model = DashboardModel(identity: identity, userName: "Nadia Okoye", roleName: "admin", organizationName: EmptyTeam.organization,
                                   storeLocation: "SQLite (test)", timeZone: TimeZone(identifier: "UTC")!, now: Self.now)
        let opened = model.select(pane)
        #expect(opened)
        let request = model.request
        let snapshot = try SnapshotLoader(store: store, identity: identity, clock: { Self.now }).load(request)
        model.receive(.init(result: .success(snapshot), request: request, duration: 0.01), now: Self.now)
        return DashboardView.frame(width: 80, height: 24, screen: .dashboard(model),
                                   palette: Palette(theme: .builtIn, depth: .trueColor), bindings: .defaults, now: Self.now)
    }

    @Test func theEmptyApprovalQueue() throws {
        let buffer = try frame(.approvals)
        GoldenFile.assertMatches(buffer, named: "empty-approvals-80x24")
        #expect(buffer.text().contains("socialdeck import content posts.csv --org new-team --drafts"))
    }

    @Test func theEmptyCalendar() throws {
        let buffer = try frame(.calendar)
        GoldenFile.assertMatches(buffer, named: "empty-calendar-80x24")
        #expect(buffer.text().contains("press 2 for the approval queue"))
    }

    @Test func analyticsWithNoMetrics() throws {
        let buffer = try frame(.analytics)
        GoldenFile.assertMatches(buffer, named: "empty-analytics-80x24")
        #expect(buffer.text().contains("Press ] for a longer range."))
    }

    @Test func noAgents() throws {
        let buffer = try frame(.agents)
        GoldenFile.assertMatches(buffer, named: "empty-agents-80x24")
        #expect(buffer.text().contains("socialdeck import ai_agents agents.jsonl"))
    }

    /// Until the first snapshot arrives a pane says it is loading, not that it is empty.
    @Test func nothingIsCalledEmptyBeforeItLoads() {
        let approvals = PaneFrame.approvals(ApprovalQueueModel(identity: PaneFixtures.identity), width: 80, height: 24).text()
        #expect(approvals.contains("loading…") && !approvals.contains(ApprovalsPane.emptyNotice))
        var buffer = CellBuffer(width: 80, height: 24)
        AgentsPane.render(AgentsModel(identity: PaneFixtures.identity), in: buffer.bounds, into: &buffer, context: PaneFixtures.context())
        #expect(buffer.text().contains("loading…") && !buffer.text().contains("No agents"))
        let calendar = PaneFrame.calendar(CalendarModel(identity: PaneFixtures.identity, timeZone: PaneFixtures.utc, today: Self.now),
                                          width: 80, height: 24).text()
        #expect(!calendar.contains("Nothing scheduled"))
    }
}
