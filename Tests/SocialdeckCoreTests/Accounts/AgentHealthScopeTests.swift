import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Agent health is scoped (issue #8, item 5): a customer sees their organization's
/// runs, usage and cost and its own override, never another organization's or the
/// platform's totals.
@Suite("Agent health scope")
struct AgentHealthScopeTests {
    static func run(_ agent: AIAgent, _ org: Organization, at: Date, ms: Double, failed: Bool = false, tokens: Int, cost: Double) -> AgentRun {
        var r = AgentRun()
        r.agentId = agent._id
        r.agentType = agent.type
        r.organizationId = org._id
        r.task = "generate_content"
        r.status = failed ? .failed : .succeeded
        r.startedAt = at
        r.durationMs = ms
        r.promptTokens = tokens / 2
        r.completionTokens = tokens - tokens / 2
        r.cost = cost
        r.error = failed ? "provider timed out" : nil
        return r
    }

    @Test(arguments: Backend.enabled)
    func customersSeeOnlyTheirOrganizationsPart(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let acme = try w.organization("acme"), globex = try w.organization("globex")
        let manager = try w.customer("manager@acme.test", in: acme, role: .manager)
        let rival = try w.customer("manager@globex.test", in: globex, role: .manager)
        let staff = try w.staff("analyst@socialdeck.test", role: .analyst)

        var agent = AIAgent()
        agent.name = "Content Agent"
        agent.type = .content
        agent.performance.totalExecutions = 5_000
        agent.costs.monthlyCost = 912.5
        agent.costs.monthlyTokens = 4_000_000
        var acmeOverride = AIAgent.OrganizationOverride()
        acmeOverride.organizationId = acme._id
        acmeOverride.customPrompts = ["Acme voice: warm"]
        var globexOverride = AIAgent.OrganizationOverride()
        globexOverride.organizationId = globex._id
        globexOverride.customPrompts = ["Globex secret launch: Project Tern"]
        agent.organizationSpecific = [acmeOverride, globexOverride]
        try ModelCollection(w.store, AIAgent.self).insert(agent)

        let now = w.clock.now  // 2026-11-29
        let lastMonth = now.addingTimeInterval(-40 * 86_400)
        try ModelCollection(w.store, AgentRun.self).insert([
            Self.run(agent, acme, at: now.addingTimeInterval(-3_600), ms: 1_000, tokens: 100, cost: 0.5),
            Self.run(agent, acme, at: now.addingTimeInterval(-7_200), ms: 3_000, failed: true, tokens: 50, cost: 0.25),
            Self.run(agent, acme, at: lastMonth, ms: 2_000, tokens: 400, cost: 2),
            Self.run(agent, globex, at: now.addingTimeInterval(-60), ms: 9_000, tokens: 9_000, cost: 90),
            Self.run(agent, globex, at: now.addingTimeInterval(-120), ms: 9_000, failed: true, tokens: 9_000, cost: 90),
        ])

        let mine = try #require(try AgentHealth.all(store: w.store, for: identity(of: manager), now: now).first)
        #expect(mine.recentRuns.count == 3)
        #expect(mine.errorsInRecentRuns == 1)
        #expect(mine.agent.organizationSpecific == [acmeOverride])
        #expect(mine.agent.performance.totalExecutions == 3)
        #expect(mine.agent.performance.errorCount == 1)
        #expect(abs(mine.agent.performance.successRate - 200.0 / 3) < 1e-9)
        #expect(mine.agent.performance.averageResponseTime == 2_000)
        #expect(mine.agent.performance.lastExecution == now.addingTimeInterval(-3_600))
        #expect(mine.agent.costs.monthlyTokens == 150)
        #expect(mine.agent.costs.monthlyCost == 0.75)
        #expect(mine.agent.costs.totalTokensUsed == 550)
        #expect(mine.agent.costs.totalCost == 2.75)
        #expect(!ExtendedJSON.string(from: try DocumentEncoder().encode(mine.agent)).contains("Project Tern"))

        let theirs = try #require(try AgentHealth.all(store: w.store, for: identity(of: rival), now: now).first)
        #expect(theirs.agent.organizationSpecific == [globexOverride])
        #expect(theirs.agent.costs.monthlyCost == 180)
        #expect(theirs.recentRuns.count == 2)

        // Staff see the platform's figures and every run.
        let platform = try #require(try AgentHealth.all(store: w.store, for: identity(of: staff), now: now).first)
        #expect(platform.agent == agent)
        #expect(platform.recentRuns.count == 5)
    }
}
