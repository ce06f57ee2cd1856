import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// An agent's runs explain its errors (issue #10, item 6): the history is scoped like
/// agent health, and an error state survives a pause until a restart, which is audited.
@Suite("Agent run history and error state")
struct AgentRunHistoryTests {
    struct World {
        let w: AccountWorld
        let acme: Organization, globex: Organization
        let agent: AIAgent
    }

    func world(_ backend: Backend, status: AgentStatus = .error) throws -> World {
        let w = try AccountWorld(backend)
        let acme = try w.organization("acme"), globex = try w.organization("globex")
        var agent = AIAgent()
        agent.name = "Engagement"
        agent.type = .engagement
        agent.status = status
        try ModelCollection(w.store, AIAgent.self).insert(agent)
        let now = w.clock.now
        try ModelCollection(w.store, AgentRun.self).insert([
            AgentHealthScopeTests.run(agent, acme, at: now.addingTimeInterval(-3_600), ms: 1_200, tokens: 10, cost: 0.1),
            AgentHealthScopeTests.run(agent, acme, at: now.addingTimeInterval(-600), ms: 2_400, failed: true, tokens: 10, cost: 0.1),
            AgentHealthScopeTests.run(agent, globex, at: now.addingTimeInterval(-60), ms: 9_000, failed: true, tokens: 10, cost: 0.1),
        ])
        return World(w: w, acme: acme, globex: globex, agent: agent)
    }

    @Test(arguments: Backend.enabled)
    func staffSeeEveryRunNewestFirstWithEachFailuresMessage(_ backend: Backend) throws {
        let x = try world(backend)
        let staff = try x.w.staff("analyst@socialdeck.test", role: .analyst)
        let history = try AgentRunHistory.recent(store: x.w.store, agentId: x.agent._id, for: identity(of: staff))
        #expect(history.agentName == "Engagement")
        #expect(history.runs.map(\.durationMs) == [9_000, 2_400, 1_200])
        #expect(history.runs.map(\.error) == ["provider timed out", "provider timed out", nil])
        #expect(history.failures == 2)
        #expect(!history.isOrganizationsOwn)
        #expect(try AgentRunHistory.recent(store: x.w.store, agentId: x.agent._id, limit: 1, for: identity(of: staff)).runs.count == 1)
    }

    @Test(arguments: Backend.enabled)
    func aCustomerSeesOnlyTheirOrganizationsRuns(_ backend: Backend) throws {
        let x = try world(backend)
        let manager = try x.w.customer("manager@acme.test", in: x.acme, role: .manager)
        let history = try AgentRunHistory.recent(store: x.w.store, agentId: x.agent._id, for: identity(of: manager))
        #expect(history.runs.count == 2)
        #expect(history.runs.allSatisfy { $0.organizationId == x.acme._id })
        #expect(history.isOrganizationsOwn)
        let viewer = try x.w.customer("viewer@acme.test", in: x.acme, role: .viewer)
        #expect(throws: AccessDenied.self) { try AgentRunHistory.recent(store: x.w.store, agentId: x.agent._id, for: identity(of: viewer)) }
        #expect(throws: CoreError.self) { try AgentRunHistory.recent(store: x.w.store, agentId: ObjectId(), for: identity(of: manager)) }
    }

    func status(_ x: World) throws -> AgentStatus { try #require(try ModelCollection(x.w.store, AIAgent.self).get(x.agent._id)).status }

    @Test func pausingAndResumingKeepsAnErrorUntilARestart() throws {
        let x = try world(.sqlite)
        let boss = identity(of: try x.w.staff("boss@socialdeck.test", role: .superAdmin))
        let admin = AgentAdministration(store: x.w.store, clock: x.w.clock.closure)
        #expect(throws: CoreError.self) { try admin.apply(.enable, to: x.agent._id, by: boss) }
        try admin.apply(.disable, to: x.agent._id, by: boss)
        #expect(try status(x) == .inactive)
        try admin.apply(.disable, to: x.agent._id, by: boss)
        let resumed = try admin.apply(.enable, to: x.agent._id, by: boss)
        #expect(resumed.status == .error, "a pause and a resume do not clear the error")
        #expect(resumed.pausedInError == nil)
        let restarted = try admin.apply(.restart, to: x.agent._id, by: boss)
        #expect(restarted.status == .active)
        try admin.apply(.disable, to: x.agent._id, by: boss)
        #expect(try admin.apply(.enable, to: x.agent._id, by: boss).status == .active, "a healthy agent resumes healthy")

        let entries = try ModelCollection(x.w.store, AdminActivityLog.self).find(.eq("targetId", x.agent._id), sort: [.asc("_id")])
        #expect(entries.map(\.action) == ["agent_disable", "agent_disable", "agent_enable", "agent_restart", "agent_disable", "agent_enable"])
        let restart = try #require(entries.first { $0.action == "agent_restart" })
        #expect(restart.details.before?["status"] == .string("error"))
        #expect(restart.details.after?["status"] == .string("active"))
        #expect(entries[1].details.before?["pausedInError"] == .bool(true), "the audit shows the paused error")
    }
}
