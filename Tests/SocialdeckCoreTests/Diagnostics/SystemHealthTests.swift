import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The health report staff read (issue #14): the publisher's lag and jobs, the agents'
/// error rates over a day, the processes from their heartbeats (a dead one goes stale,
/// a clean stop leaves none), maintenance; support may read it, customers and analysts not.
@Suite("System health")
struct SystemHealthTests {
    @Test(arguments: Backend.enabled)
    func theReportSaysWhatNeedsAPerson(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let support = try p.w.staff("support@socialdeck.test", role: .support)
        let health = SystemHealth(store: p.store, clock: p.clock.closure)
        var report = try health.report(for: identity(of: support))
        #expect(report.processes.isEmpty && report.publisherLag == 0 && report.maintenance == nil)
        #expect(report.latencyMs >= 0 && (backend == .sqlite) == (report.storeBytes != nil))

        let heartbeats = ProcessHeartbeats(store: p.store, clock: p.clock.closure)
        try heartbeats.beat(owner: "alpha:101:aa", kind: .daemon, lastPass: "3 published")
        try heartbeats.beat(owner: "beta:202:bb", kind: .dashboard)
        p.clock.advance(by: 120)
        try heartbeats.beat(owner: "alpha:101:aa", kind: .daemon, lastPass: "nothing due")
        try heartbeats.beat(owner: "gamma:303:cc", kind: .daemon, error: "pass failed: store unreachable")
        try heartbeats.remove(owner: "gamma:303:cc")

        _ = try p.approvedPost("Late", in: 1)
        _ = try p.scheduler().runOnce(maxBatches: 0)
        p.clock.advance(by: 600)
        for (agent, status) in [(AgentType.content, AgentRun.Outcome.failed), (.content, .succeeded), (.content, .succeeded), (.analytics, .succeeded)] {
            var run = AgentRun()
            run.agentType = agent
            run.status = status
            run.startedAt = p.clock.now.addingTimeInterval(-3_600)
            try ModelCollection(p.store, AgentRun.self).insert(run)
        }
        var old = AgentRun()
        old.agentType = .analytics
        old.status = .failed
        old.startedAt = p.clock.now.addingTimeInterval(-3 * 86_400)
        try ModelCollection(p.store, AgentRun.self).insert(old)
        try PublishingSwitch(store: p.store, clock: p.clock.closure).set(paused: true, reason: "moving the store", by: .localOperator())

        report = try health.report(for: identity(of: support))
        #expect(report.processes.map(\.host) == ["alpha", "beta"], "newest first; a clean stop leaves none")
        let alpha = try #require(report.processes.first)
        #expect(alpha.pid == 101 && alpha.kind == .daemon && alpha.lastPass == "nothing due" && report.isStale(alpha))
        #expect(report.isStale(report.processes[1]), "not seen for 12 minutes")
        #expect(report.jobs[.queued] == 2, "the post's two platforms")
        #expect(report.publisherLag > 500, "due 9 minutes ago and not sent")
        let content = try #require(report.agents.first { $0.agent == .content })
        #expect(content.runs == 3 && content.failed == 1)
        #expect(report.agents.first { $0.agent == .analytics }?.failed == 0, "a failure three days ago is outside the window")
        #expect(report.maintenance == "moving the store")

        #expect(throws: AccessDenied.self) { try health.report(for: identity(of: p.manager)) }
        let analyst = try p.w.staff("analyst@socialdeck.test", role: .analyst)
        #expect(throws: AccessDenied.self) { try health.report(for: identity(of: analyst)) }
    }
}
