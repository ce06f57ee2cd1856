import Foundation
import SocialdeckModel

extension DemoBuilder {
    static let agentModels: [AgentType: (String, Double, Double)] = [
        // model, mean duration in ms, dollars per 1k tokens
        .intelligence: ("gpt-4o", 9_000, 0.005), .strategy: ("claude-3-5-sonnet", 14_000, 0.006),
        .content: ("claude-3-5-sonnet", 7_000, 0.006), .execution: ("gpt-4o-mini", 1_500, 0.0003),
        .learning: ("gpt-4o", 11_000, 0.005), .engagement: ("gpt-4o-mini", 2_500, 0.0003),
        .analytics: ("gpt-4o-mini", 4_000, 0.0003),
    ]

    mutating func agents() -> [AIAgent] {
        AgentType.allCases.map { type in
            var a = AIAgent()
            let created = now.addingTimeInterval(-days(Double(options.days + 30)))
            a._id = id(created)
            a.name = type.displayName
            a.type = type
            a.status = type == .engagement ? .error : .active
            let (model, _, _) = Self.agentModels[type]!
            a.configuration.model = model
            a.configuration.temperature = type == .content ? 0.8 : 0.3
            a.configuration.maxTokens = type == .strategy ? 4000 : 2000
            a.configuration.systemPrompt = "You are the \(type.displayName) agent of a social media team."
            a.configuration.tools = ["analytics_query", "content_search"] + (type == .content ? ["image_generation"] : [])
            a.configuration.memory.vectorStore = "agent_\(type.rawValue)_memory"
            a.createdAt = created
            a.updatedAt = created
            return a
        }
    }

    /// Runs over the history window; the engagement agent's last runs fail, so the dashboard has an alert to show.
    mutating func agentRuns(_ agents: [AIAgent]) -> [AgentRun] {
        var runs: [AgentRun] = []
        let tasks: [AgentType: [String]] = [
            .intelligence: ["analyze_user_behavior", "analyze_trends"], .strategy: ["create_content_strategy", "plan_content_calendar"],
            .content: ["generate_content", "optimize_content"], .execution: ["publish_due_posts"],
            .learning: ["update_strategy_from_insights"], .engagement: ["reply_to_comments"], .analytics: ["daily_rollup"],
        ]
        for agent in agents {
            let (model, meanMs, price) = Self.agentModels[agent.type]!
            let perDay = agent.type == .execution ? 12 : Int.random(in: 2...6, using: &rng)
            for day in stride(from: options.days, to: 0, by: -1) {
                for n in 0..<perDay {
                    let start = now.addingTimeInterval(-days(Double(day)) + Double(n) * 86_400 / Double(perDay) + Double.random(in: 0..<600, using: &rng))
                    var run = AgentRun()
                    run._id = id(start)
                    run.agentId = agent._id
                    run.agentType = agent.type
                    run.task = rng.pick(tasks[agent.type]!)
                    let failing = agent.type == .engagement && day <= 1
                    run.status = failing || rng.chance(agent.type == .intelligence ? 0.08 : 0.03) ? .failed : .succeeded
                    run.durationMs = (meanMs * Double.random(in: 0.5...1.6, using: &rng)).rounded()
                    run.startedAt = start
                    run.finishedAt = start.addingTimeInterval(run.durationMs / 1000)
                    run.model = model
                    run.promptTokens = Int.random(in: 400...3000, using: &rng)
                    run.completionTokens = run.status == .failed ? 0 : Int.random(in: 100...1500, using: &rng)
                    run.cost = (Double(run.promptTokens + run.completionTokens) / 1000 * price * 10_000).rounded() / 10_000
                    if run.status == .failed {
                        run.error = failing ? "429 Too Many Requests from the provider (retries exhausted)" : "Structured output failed validation after 2 repairs"
                    }
                    runs.append(run)
                }
            }
        }
        return runs
    }

    /// The agents with performance and cost totals that agree with their runs.
    func agentsWithTotals(_ agents: [AIAgent], runs: [AgentRun]) -> [AIAgent] {
        let monthStart = now.addingTimeInterval(-days(30))
        return agents.map { agent in
            var a = agent
            let mine = runs.filter { $0.agentId == agent._id }
            let failures = mine.filter { $0.status == .failed }.count
            a.performance.totalExecutions = mine.count
            a.performance.errorCount = failures
            a.performance.successRate = mine.isEmpty ? 100 : (Double(mine.count - failures) / Double(mine.count) * 1000).rounded() / 10
            a.performance.averageResponseTime = mine.isEmpty ? 0 : (mine.reduce(0) { $0 + $1.durationMs } / Double(mine.count)).rounded()
            a.performance.lastExecution = mine.map(\.startedAt).max()
            a.costs.totalTokensUsed = mine.reduce(0) { $0 + $1.promptTokens + $1.completionTokens }
            a.costs.totalCost = (mine.reduce(0) { $0 + $1.cost } * 100).rounded() / 100
            let month = mine.filter { $0.startedAt >= monthStart }
            a.costs.monthlyTokens = month.reduce(0) { $0 + $1.promptTokens + $1.completionTokens }
            a.costs.monthlyCost = (month.reduce(0) { $0 + $1.cost } * 100).rounded() / 100
            a.updatedAt = a.performance.lastExecution ?? a.updatedAt
            return a
        }
    }
}
