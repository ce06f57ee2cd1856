import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Writes what each agent run did to `agent_runs`, and folds it into the agent's health
/// and costs in `ai_agents`: executions, errors, success rate, a rolling mean of response
/// time over about the last 50 runs, tokens and dollars in all and this month, for the
/// agent and for each organization. The fold is
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

    /// Runs a task computed here (no model) and records it as the agent's run, succeeded
    /// or failed; the task's own outcome is returned, so the caller decides whether its
    /// failure stops anything. Only a failure to record is thrown.
    func computed(_ agent: AIAgent, _ task: String, organizationId: ObjectId?, input: Document? = nil,
                  _ body: () throws -> Document) throws -> Result<Document, any Error> {
        var run = AgentRun()
        run.agentId = agent._id
        run.agentType = agent.type
        run.organizationId = organizationId
        run.task = task
        run.provider = "computed"
        run.input = input
        run.startedAt = clock()
        let started = Date()
        let outcome = Result(catching: body)
        switch outcome {
        case .success(let output):
            run.output = output
            run.status = .succeeded
        case .failure(let error):
            run.status = .failed
            run.error = SafeText.escapingControls(String(describing: error))
        }
        run.durationMs = Date().timeIntervalSince(started) * 1000
        run.finishedAt = clock()
        try record(run)
        return outcome
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
            if let org = run.organizationId { c.byOrganization = Self.fold(run, tokens: tokens, month: month, into: c.byOrganization ?? [], for: org) }
            let encoder = DocumentEncoder()
            let changed = try store.updateOne(AIAgent.collection.rawValue,
                                              .id(agent._id) && .eq("performance.totalExecutions", Int64(agent.performance.totalExecutions)),
                                              Update.set("performance", try encoder.encodeValue(p)).set("costs", try encoder.encodeValue(c))
                                                  .set("updatedAt", clock()))
            if changed == 1 { return }
        }
        throw StoreError.busy("the \(run.agentType.rawValue) agent's totals")
    }

    /// `entries` with the run added to its organization's totals (a new month starts at zero).
    static func fold(_ run: AgentRun, tokens: Int, month: String, into entries: [AIAgent.OrganizationCost],
                     for organizationId: ObjectId) -> [AIAgent.OrganizationCost] {
        var all = entries
        let index = all.firstIndex { $0.organizationId == organizationId } ?? {
            var fresh = AIAgent.OrganizationCost()
            fresh.organizationId = organizationId
            all.append(fresh)
            return all.count - 1
        }()
        if all[index].month != month {
            all[index].month = month
            all[index].monthlyTokens = 0
            all[index].monthlyCost = 0
        }
        all[index].monthlyTokens += tokens
        all[index].monthlyCost += run.cost
        all[index].totalTokens += tokens
        all[index].totalCost += run.cost
        return all
    }

    static func month(of date: Date) -> String {
        String(ISODate.string(from: date).prefix(7))
    }
}
