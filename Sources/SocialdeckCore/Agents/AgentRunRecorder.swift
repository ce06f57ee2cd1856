import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Writes what each agent run did to `agent_runs`, and folds it into the agent's health
/// and costs in `ai_agents`: executions, errors, success rate, a rolling mean of response
/// time over about the last 50 runs, tokens and dollars in all and this month. The fold is
/// a compare-and-set on the agent's execution count, so runs finishing at once in several
/// processes lose no counts.
struct AgentRunRecorder: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date
    /// The rolling mean's reach, in runs.
    static let window = 50.0

    /// The agent document for a type, made on first use (a store seeded without agents).
    func agent(_ type: AgentType) throws -> AIAgent {
        let agents = ModelCollection(store, AIAgent.self)
        if let found = try agents.first(.eq("type", type), sort: [.asc("_id")]) { return found }
        var fresh = AIAgent()
        fresh.type = type
        fresh.name = type.rawValue.capitalized + " Agent"
        fresh.configuration.tools = AgentTool.defaults(for: type).map(\.rawValue)
        fresh.createdAt = clock()
        fresh.updatedAt = clock()
        try agents.insert(fresh)
        return fresh
    }

    /// Records a finished run and folds it into the agent.
    func record(_ run: AgentRun) throws {
        try ModelCollection(store, AgentRun.self).insert(run)
        let month = Self.month(of: run.startedAt)
        for _ in 0..<50 {
            guard let agent = try ModelCollection(store, AIAgent.self).get(run.agentId) else { return }
            var p = agent.performance
            var c = agent.costs
            let succeeded = run.status == .succeeded
            let successes = (p.successRate / 100 * Double(p.totalExecutions)).rounded() + (succeeded ? 1 : 0)
            p.totalExecutions += 1
            if !succeeded { p.errorCount += 1 }
            p.successRate = successes / Double(p.totalExecutions) * 100
            p.averageResponseTime += (run.durationMs - p.averageResponseTime) / min(Double(p.totalExecutions), Self.window)
            p.lastExecution = run.finishedAt ?? run.startedAt
            let tokens = run.promptTokens + run.completionTokens
            c.totalTokensUsed += tokens
            c.totalCost += run.cost
            let sameMonth = Self.month(of: agent.performance.lastExecution ?? run.startedAt) == month
            c.monthlyTokens = (sameMonth ? c.monthlyTokens : 0) + tokens
            c.monthlyCost = (sameMonth ? c.monthlyCost : 0) + run.cost
            let encoder = DocumentEncoder()
            let changed = try store.updateOne(AIAgent.collection.rawValue,
                                              .id(agent._id) && .eq("performance.totalExecutions", Int64(agent.performance.totalExecutions)),
                                              Update.set("performance", try encoder.encodeValue(p)).set("costs", try encoder.encodeValue(c))
                                                  .set("updatedAt", clock()))
            if changed == 1 { return }
        }
        throw StoreError.busy("the \(run.agentType.rawValue) agent's totals")
    }

    static func month(of date: Date) -> String {
        String(ISODate.string(from: date).prefix(7))
    }
}
