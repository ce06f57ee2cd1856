import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The analytics agent: keeps the organization's daily rollups in `analytics` true
/// (recounting the last days from the posts, which also takes in writes other tools
/// made) and writes each finished week's report, once, as a weekly `analytics` record
/// with the model's words, and tells the organization's admins and managers.
public struct AnalyticsAgent: Sendable {
    let store: any DocumentStore
    let client: LLMClient
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, client: LLMClient, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.client = client
        self.clock = clock
    }

    /// Recounts the organization's (and the platform's) rollups of the last `days` UTC
    /// days; returns how many of the organization's changed.
    @discardableResult
    public func buildDailyRollups(for organizationId: ObjectId, days: Int = 2, by identity: Identity) throws -> Int {
        try AccessControl.authorize(identity, .viewAnalytics, organizationId: organizationId)
        guard (1...62).contains(days) else { throw CoreError.invalid("recount 1 to 62 days") }
        let recorder = AgentRunRecorder(store: store, clock: clock)
        let agent = try recorder.agent(.analytics)
        try agent.ensureWorks(for: organizationId, in: store)
        let rollups = ContentRollups(store: store, clock: clock)
        let today = RollupKey.day(of: clock())
        let keys = Set((0..<days).map { RollupKey(organizationId: organizationId, day: today - Int64($0)) })
        let before = try rollups.figures(organizationId: organizationId, days: (today - Int64(days) + 1)...today)
        var changed = 0
        _ = try recorder.computed(agent, "build_daily_rollups", organizationId: organizationId) {
            let counted = try rollups.recount(keys.union(keys.map(\.platformWide)))
            changed = keys.filter { (counted[$0] ?? DayFigures()) != (before[$0.day] ?? DayFigures()) }.count
            return ["days": .int32(Int32(keys.count)), "changed": .int32(Int32(changed))]
        }.get()
        return changed
    }

    /// The report of the last finished week (Monday to Sunday, UTC), written once; nil when it was already written.
    public func weeklyReport(for organizationId: ObjectId, by identity: Identity) throws -> AnalyticsRecord? {
        try AccessControl.authorize(identity, .viewAnalytics, organizationId: organizationId)
        guard let org = try ModelCollection(store, Organization.self).get(organizationId) else {
            throw CoreError.notFound("organization \(organizationId.hex)")
        }
        let today = RollupKey.day(of: clock())
        // Days since 1970-01-01 (a Thursday): Monday is day % 7 == 4.
        let thisMonday = today - ((today - 4) % 7 + 7) % 7
        let (start, end) = (thisMonday - 7, thisMonday - 1)
        let weekStart = RollupKey(organizationId: organizationId, day: start).date
        let reports = ModelCollection(store, AnalyticsRecord.self)
        let mine: Filter = .eq("organizationId", organizationId) && .eq("type", AnalyticsType.contentPerformance)
            && .eq("aggregation", AggregationPeriod.weekly) && .eq("date", weekStart)
        guard try reports.first(mine) == nil else { return nil }

        let rollups = ContentRollups(store: store, clock: clock)
        let week = try rollups.figures(organizationId: organizationId, days: start...end)
        let previous = try rollups.figures(organizationId: organizationId, days: (start - 7)...(start - 1))
        var totals: [Platform: AnalyticsRecord.PlatformFigures] = [:]
        for (p, f) in week.values.flatMap(\.platforms) {
            totals[p, default: .init()].posts += f.posts
            totals[p, default: .init()].views += f.views
            totals[p, default: .init()].engagement += f.engagement
        }
        let sum = { (d: [Int64: DayFigures]) -> (posts: Int, views: Int, engagement: Int) in
            d.values.flatMap(\.platforms.values).reduce((0, 0, 0)) { ($0.0 + $1.posts, $0.1 + $1.views, $0.2 + $1.engagement) }
        }
        let (now, before) = (sum(week), sum(previous))
        let rate = { (t: AnalyticsRecord.TopPost) -> Double in t.views > 0 ? Double(t.engagement) / Double(t.views) : 0 }
        let best = week.values.flatMap(\.top).sorted { rate($0) > rate($1) }.prefix(3)
        let brief = WeeklyReportBrief(organization: org.name, from: Self.day(start), to: Self.day(end), posts: now.posts, views: now.views,
                                      engagement: now.engagement, previousPosts: before.posts, previousEngagement: before.engagement,
                                      platforms: Platform.allCases.compactMap { p in totals[p].map { .init(platform: p.rawValue, posts: $0.posts, views: $0.views, engagement: $0.engagement) } },
                                      bestPosts: best.map { "“\($0.title)” \(Finding.percent(rate($0))) on \($0.platform.displayName)" })
        var record = AnalyticsRecord()
        let ask = ModelTask.Ask(agent: .analytics, task: "weekly_report", organizationId: organizationId,
                                instruction: "Write this week's report for the team: a title, a short summary, highlights and what to do next week. Use only the figures given.",
                                brief: ModelTask.json(brief), schema: (WeeklyReportBrief.schemaName, WeeklyReportBrief.schema), needs: [.analyticsQuery],
                                input: ["from": .string(brief.from), "to": .string(brief.to)])
        _ = try ModelTask(store: store, client: client, clock: clock).run(ask) { answer, run in
            let object = ModelTask.object(answer)
            var words = AnalyticsRecord.WrittenReport()
            words.title = ModelTask.clean(object["title"], limit: 200) ?? "Week of \(brief.from)"
            words.summary = ModelTask.clean(object["summary"], limit: 2_000) ?? ""
            words.highlights = ((object["highlights"] as? [Any]) ?? []).prefix(8).compactMap { ModelTask.clean($0, limit: 300) }
            words.nextWeek = ((object["nextWeek"] as? [Any]) ?? []).prefix(5).compactMap { ModelTask.clean($0, limit: 300) }
            words.runId = run._id
            record._id = ObjectId(date: weekStart)
            record.organizationId = organizationId
            record.type = .contentPerformance
            record.aggregation = .weekly
            record.date = weekStart
            record.createdAt = clock()
            record.metrics.postsPublished = now.posts
            record.metrics.totalEngagement = now.engagement
            record.metrics.averageEngagement = now.posts > 0 ? Double(now.engagement) / Double(now.posts) : 0
            var breakdown = AnalyticsRecord.PlatformBreakdown()
            for (p, f) in totals { breakdown[p] = f }
            record.metrics.platformBreakdown = breakdown
            record.metrics.topPerformingPost = best.first?.postId
            record.report = words
            try reports.insert(record)
            try notify(organizationId, title: words.title, message: words.summary, relatedId: record._id)
            return ["reportId": .objectId(record._id), "posts": .int32(Int32(now.posts))]
        }
        return record
    }

    private func notify(_ organizationId: ObjectId, title: String, message: String, relatedId: ObjectId) throws {
        let notifier = Notifier(store: store, clock: clock)
        try notifier.notify(try notifier.approvers(of: organizationId), in: organizationId,
                            .init(kind: .system, title: title, text: message, about: relatedId))
    }

    static func day(_ day: Int64) -> String {
        String(ISODate.string(from: RollupKey(organizationId: nil, day: day).date).prefix(10))
    }
}
