import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The intelligence agent's tasks: how the organization's audience behaves, how its
/// content performs, which hashtags are rising, and all of it as insights. Each reads
/// the organization's own published posts (the `analytics_query` tool), computes its
/// findings, has the model word them, and keeps the summary in the agents' memory as an
/// `insight`, where the strategy and content agents find it.
public struct IntelligenceAgent: Sendable {
    let store: any DocumentStore
    let client: LLMClient
    let clock: @Sendable () -> Date
    /// Insights kept per organization, and posts that did well; the least useful go first.
    static let kept = 50
    static let winnersKept = 20

    public init(store: any DocumentStore, client: LLMClient, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.client = client
        self.clock = clock
    }

    public enum Task: String, Sendable, CaseIterable {
        case analyzeUserBehavior = "analyze_user_behavior"
        case analyzeContentPerformance = "analyze_content_performance"
        case identifyTrends = "identify_trends"
        case generateInsights = "generate_insights"
    }

    public struct Report: Sendable {
        public struct Insight: Sendable, Equatable {
            public var title: String
            public var detail: String
            public var confidence: Double
        }
        public var summary: String
        public var insights: [Insight]
        public var recommendations: [String]
        public var run: AgentRun
    }

    public func run(_ task: Task, organizationId: ObjectId, days: Int = 30, by identity: Identity) throws -> Report {
        try AccessControl.authorize(identity, .viewAnalytics, organizationId: organizationId)
        guard (7...365).contains(days) else { throw CoreError.invalid("look back 7 to 365 days") }
        guard let org = try ModelCollection(store, Organization.self).get(organizationId) else {
            throw CoreError.notFound("organization \(organizationId.hex)")
        }
        let now = clock()
        let since = now.addingTimeInterval(-Double(days) * 86_400)
        let history = try PublishedHistory(store: store, organizationId: organizationId, since: since)
        var findings: [Finding] = []
        if task == .analyzeUserBehavior || task == .generateInsights {
            findings += Finding.behaviour(history, timeZone: try OrganizationAdmin.timeZone(of: organizationId, in: store))
        }
        if task == .analyzeContentPerformance || task == .generateInsights { findings += Finding.performance(history) }
        if task == .identifyTrends || task == .generateInsights {
            let earlier = try PublishedHistory(store: store, organizationId: organizationId, since: since.addingTimeInterval(-Double(days) * 86_400),
                                               until: since)
            findings += Finding.trends(recent: history, earlier: earlier)
        }
        let brief = InsightsBrief(task: task.rawValue, organization: org.name, periodDays: days, findings: findings)
        let ask = ModelTask.Ask(agent: .intelligence, task: task.rawValue, organizationId: organizationId,
                                instruction: "Word these findings as insights with recommendations. Use only the numbers given.",
                                brief: ModelTask.json(brief), schema: (InsightsBrief.schemaName, InsightsBrief.schema),
                                needs: [.analyticsQuery], input: ["days": .int32(Int32(days)), "posts": .int32(Int32(history.posts.count)),
                                                                  "findings": .int32(Int32(findings.count))])
        var report = Report(summary: "", insights: [], recommendations: [], run: AgentRun())
        report.run = try ModelTask(store: store, client: client, clock: clock).run(ask) { answer, run in
            let object = ModelTask.object(answer)
            report.summary = ModelTask.clean(object["summary"]) ?? ""
            report.insights = ((object["insights"] as? [[String: Any]]) ?? []).prefix(20).compactMap { item in
                guard let title = ModelTask.clean(item["title"], limit: 200) else { return nil }
                return Report.Insight(title: title, detail: ModelTask.clean(item["detail"]) ?? "",
                                      confidence: (item["confidence"] as? NSNumber)?.doubleValue ?? 0)
            }
            report.recommendations = ((object["recommendations"] as? [Any]) ?? []).prefix(10).compactMap { ModelTask.clean($0, limit: 500) }
            let memory = try remember(report, task: task, organizationId: organizationId, run: run)
            if task == .analyzeContentPerformance || task == .generateInsights { try rememberWinners(history, organizationId: organizationId) }
            return ["summary": .string(report.summary), "insights": .int32(Int32(report.insights.count)),
                    "recommendations": .array(report.recommendations.map { .string($0) }), "memoryId": .objectId(memory)]
        }
        return report
    }

    /// The newest insights for an organization, for the other agents' briefs.
    static func recent(_ organizationId: ObjectId, in store: any DocumentStore, limit: Int = 5) throws -> [String] {
        try ModelCollection(store, AgentMemoryItem.self)
            .find(.eq("organizationId", organizationId) && .eq("agentType", AgentType.intelligence) && .eq("kind", "insight"),
                  sort: [.desc("createdAt"), .desc("_id")], limit: limit).map(\.text)
    }

    /// The period's three best posts, as `winner` items the content agent recalls by
    /// subject; a post already remembered is replaced by its newer figures.
    private func rememberWinners(_ history: PublishedHistory, organizationId: ObjectId) throws {
        let memory = AgentMemory(store: store, client: client, clock: clock)
        for post in history.posts.filter({ $0.rate > 0 }).sorted(by: { $0.rate > $1.rate }).prefix(3) {
            try store.deleteMany(AgentMemoryItem.collection.rawValue, .eq("organizationId", organizationId) && .eq("kind", "winner")
                                    && .eq("metadata.contentId", post.id))
            var item = AgentMemoryItem()
            item.agentType = .intelligence
            item.organizationId = organizationId
            item.kind = "winner"
            let platforms = Set(post.entries.map(\.platform.displayName)).sorted().joined(separator: ", ")
            item.text = "“\(post.title)” did well (\(Finding.percent(post.rate)) per view on \(platforms)): \(post.opening)"
            item.metadata = ["contentId": .objectId(post.id)]
            item.createdAt = clock()
            try memory.remember(item, keep: Self.winnersKept)
        }
    }

    private func remember(_ report: Report, task: Task, organizationId: ObjectId, run: AgentRun) throws -> ObjectId {
        var item = AgentMemoryItem()
        item.agentType = .intelligence
        item.organizationId = organizationId
        item.kind = "insight"
        item.text = ([report.summary] + report.recommendations).joined(separator: " ")
        item.metadata = ["task": .string(task.rawValue), "runId": .objectId(run._id)]
        item.createdAt = clock()
        try AgentMemory(store: store, client: client, clock: clock).remember(item, keep: Self.kept)
        return item._id
    }
}
