import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Maintenance (issue #14): while it is on, publishing and the agents wait — a model task
/// is refused saying why, workflow requests stay queued — and both resume after; each
/// switch is audited with its reason.
@Suite("Maintenance")
struct MaintenanceTests {
    @Test(arguments: Backend.enabled)
    func agentsAndWorkflowsWaitUntilMaintenanceEnds(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let offline = LLMClient(provider: OfflineWriter(), settings: LLMSettings(), pause: { _ in })
        let switchboard = PublishingSwitch(store: p.store, clock: p.clock.closure)
        let request = try WorkflowRequests(store: p.store, clock: p.clock.closure)
            .request(StandardWorkflows.analytics, organizationId: p.org._id, by: identity(of: p.manager))
        try switchboard.set(paused: true, reason: "database upgrade", by: .localOperator())

        #expect {
            try ContentAgent(store: p.store, client: offline, clock: p.clock.closure)
                .draft(topic: "Winter roast", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        } throws: { "\($0)".contains("in maintenance (database upgrade)") }
        let runner = WorkflowRunner(store: p.store, client: offline, owner: "runner", clock: p.clock.closure)
        #expect(try runner.runWaiting() == WorkflowRunner.Outcome())
        #expect(try ModelCollection(p.store, AgentMessage.self).get(request._id)?.status == .queued, "the request waits unclaimed")
        #expect(try p.scheduler().runOnce().paused)

        try switchboard.set(paused: false, reason: "upgrade done", by: .localOperator())
        #expect(try runner.runWaiting().finished == 1)
        let log = try ModelCollection(p.store, AdminActivityLog.self).find(.isIn("action", anyOf: ["publishing_paused", "publishing_resumed"]),
                                                                           sort: [.asc("timestamp")])
        #expect(log.map(\.action) == ["publishing_paused", "publishing_resumed"])
        #expect(log.map(\.details.reason) == ["database upgrade", "upgrade done"])
    }
}
