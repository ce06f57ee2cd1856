import Foundation
import SocialdeckModel
import SocialdeckStorage

/// One organization's use of the agents, from its own `agent_runs`: what a customer
/// sees in place of the platform-wide performance and cost figures.
struct OrganizationAgentUsage {
    struct Figures {
        var executions = 0
        var failures = 0
        var totalMs: Double = 0
        var tokens = 0
        var cost: Double = 0
        var monthlyTokens = 0
        var monthlyCost: Double = 0
    }

    let organizationId: ObjectId
    private(set) var byAgent: [ObjectId: Figures] = [:]

    init(store: any DocumentStore, organizationId: ObjectId, now: Date) throws {
        self.organizationId = organizationId
        let runs = CollectionName.agentRuns.rawValue
        let finished = Filter.eq("organizationId", organizationId) && .isIn("status", anyOf: [AgentRun.Outcome.succeeded, .failed])
        let sums: [GroupedAggregation.Accumulator] = [.count, .sum("durationMs"), .sum("promptTokens"), .sum("completionTokens"), .sum("cost")]
        for row in try store.aggregate(runs, GroupedAggregation(filter: finished, groupBy: [.field("agentId"), .field("status")],
                                                                accumulators: sums)) {
            guard let agent = row.keys[0].objectIdValue else { continue }
            var f = byAgent[agent] ?? Figures()
            f.executions += Int(row.values[0])
            if row.keys[1] == .string(AgentRun.Outcome.failed.rawValue) { f.failures += Int(row.values[0]) }
            f.totalMs += row.values[1]
            f.tokens += Int(row.values[2] + row.values[3])
            f.cost += row.values[4]
            byAgent[agent] = f
        }
        let thisMonth = finished && .gte("startedAt", Self.monthStart(of: now))
        for row in try store.aggregate(runs, GroupedAggregation(filter: thisMonth, groupBy: [.field("agentId")],
                                                                accumulators: [.sum("promptTokens"), .sum("completionTokens"), .sum("cost")])) {
            guard let agent = row.keys[0].objectIdValue else { continue }
            byAgent[agent, default: Figures()].monthlyTokens = Int(row.values[0] + row.values[1])
            byAgent[agent, default: Figures()].monthlyCost = row.values[2]
        }
    }

    /// The agent as this organization may see it.
    func scoped(_ agent: AIAgent, lastRun: Date?) -> AIAgent {
        var a = agent
        let f = byAgent[agent._id] ?? Figures()
        a.performance = AIAgent.Performance()
        a.performance.totalExecutions = f.executions
        a.performance.errorCount = f.failures
        a.performance.successRate = f.executions == 0 ? 100 : Double(f.executions - f.failures) / Double(f.executions) * 100
        a.performance.averageResponseTime = f.executions == 0 ? 0 : f.totalMs / Double(f.executions)
        a.performance.lastExecution = lastRun
        a.costs = AIAgent.Costs()
        a.costs.totalTokensUsed = f.tokens
        a.costs.totalCost = f.cost
        a.costs.monthlyTokens = f.monthlyTokens
        a.costs.monthlyCost = f.monthlyCost
        a.organizationSpecific = agent.organizationSpecific.filter { $0.organizationId == organizationId }
        return a
    }

    /// The first instant of `now`'s calendar month in UTC, where cost months are counted.
    static func monthStart(of now: Date) -> Date {
        Calendar.utc.date(from: Calendar.utc.dateComponents([.year, .month], from: now)) ?? now
    }
}
