import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The strategy agent's writing tasks: a content strategy (pillars, cadence per
/// platform, goals) made from the organization's profile, insights and results, the
/// same revised from the newest insights, and a content calendar planned from the
/// strategy in force and the best posting hours. Strategies and plans are versioned: a
/// new one supersedes the active one. (Best posting times are ``PostingTimes``.)
public struct StrategyAgent: Sendable {
    let store: any DocumentStore
    let client: LLMClient
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, client: LLMClient, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.client = client
        self.clock = clock
    }

    /// Writes a strategy, or (`revise`) revises the one in force from the newest insights.
    public func writeStrategy(for organizationId: ObjectId, revise: Bool = false, by identity: Identity) throws -> Strategy {
        try AccessControl.authorize(identity, .createContent, organizationId: organizationId)
        guard let org = try ModelCollection(store, Organization.self).get(organizationId) else {
            throw CoreError.notFound("organization \(organizationId.hex)")
        }
        let current = try Self.current(organizationId, in: store)
        if revise && current == nil { throw CoreError.conflict("\(org.name) has no strategy to revise; write one first") }
        let task = revise ? "update_strategy_from_insights" : "create_content_strategy"
        let profile = try OrganizationAdmin.first(of: organizationId, in: store)?.profile.businessProfile
        let history = try PublishedHistory(store: store, organizationId: organizationId, since: clock().addingTimeInterval(-90 * 86_400))
        var brief = StrategyBrief(task: task, organization: org.name, industry: profile?.industry, brandVoice: profile?.brandVoice,
                                  audience: profile?.targetAudience)
        brief.insights = try IntelligenceAgent.recent(organizationId, in: store)
        brief.platformRates = Dictionary(grouping: history.entries, by: \.platform)
            .reduce(into: [:]) { $0[$1.key.rawValue] = (PublishedHistory.rate($1.value) * 100).rounded(toPlaces: 2) }
        brief.platforms = try connectedPlatforms(organizationId, history: history)
        brief.bestPosts = history.posts.sorted { $0.rate > $1.rate }.prefix(5).map(\.title)
        brief.avoid = try AgentPreferences(store: store).of(organizationId).avoid
        brief.current = current.flatMap { try? Self.plan(of: $0) }

        var saved = Strategy()
        let ask = ModelTask.Ask(agent: .strategy, task: task, organizationId: organizationId,
                                instruction: revise ? "Revise the current strategy in the brief from the newest insights; keep what works."
                                    : "Write a content strategy for this organization: pillars with their share of posts, posts a week per platform, goals.",
                                brief: ModelTask.json(brief), schema: (StrategyBrief.schemaName, StrategyBrief.schema), needs: [.analyticsQuery],
                                input: ["insights": .int32(Int32(brief.insights.count)), "platforms": .array(brief.platforms.map { .string($0) })])
        _ = try ModelTask(store: store, client: client, clock: clock).run(ask) { answer, _ in
            let plan = try Self.checked(answer)
            let now = clock()
            saved.organizationId = organizationId
            saved.type = "content_strategy"
            saved.strategy = try DocumentEncoder().encode(plan)
            saved.createdAt = now
            saved.updatedAt = now
            saved.version = (current?.version ?? 0) + 1
            try store.updateMany(Strategy.collection.rawValue,
                                 .eq("organizationId", organizationId) && .eq("type", "content_strategy") && .eq("status", RecordStatus.active),
                                 Update.set("status", RecordStatus.superseded).set("updatedAt", now))
            try ModelCollection(store, Strategy.self).insert(saved)
            return ["strategyId": .objectId(saved._id), "version": .int32(Int32(saved.version)), "pillars": .int32(Int32(plan.pillars.count))]
        }
        return saved
    }

    /// Plans the next `days` days (from tomorrow in the organization's zone) from the strategy in force.
    public func planCalendar(for organizationId: ObjectId, days: Int = 14, by identity: Identity) throws -> ContentCalendarPlan {
        try AccessControl.authorize(identity, .scheduleContent, organizationId: organizationId)
        guard (1...62).contains(days) else { throw CoreError.invalid("plan 1 to 62 days") }
        guard let org = try ModelCollection(store, Organization.self).get(organizationId) else {
            throw CoreError.notFound("organization \(organizationId.hex)")
        }
        guard let strategy = try Self.current(organizationId, in: store) else {
            throw CoreError.conflict("\(org.name) has no content strategy yet; write one first (agents run strategy)")
        }
        let plan = try Self.plan(of: strategy)
        let zone = try OrganizationAdmin.timeZone(of: organizationId, in: store)
        let calendar = Calendar.gregorian(in: zone)
        let first = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: clock()))!
        let dayDates = (0..<days).map { calendar.date(byAdding: .day, value: $0, to: first)! }
        let slots = try PostingTimes(store: store, clock: clock).best(for: organizationId, timeZone: zone, top: 14, by: identity).slots
        let brief = CalendarBrief(organization: org.name, dates: dayDates.map { CalendarEntries.day($0, in: zone) }, weekdays: dayDates.map(calendar.isoWeekday),
                                  timeZone: zone.identifier, pillars: plan.pillars, cadence: plan.cadence,
                                  bestSlots: slots.map { CalendarBrief.Slot(weekday: $0.weekday, hour: $0.hour) })
        var saved = ContentCalendarPlan()
        let ask = ModelTask.Ask(agent: .strategy, task: "plan_content_calendar", organizationId: organizationId,
                                instruction: "Plan one entry per post for these days, following the cadence, the pillars' shares and the best hours.",
                                brief: ModelTask.json(brief), schema: (CalendarBrief.schemaName, CalendarBrief.schema),
                                input: ["days": .int32(Int32(days)), "strategyId": .objectId(strategy._id)])
        _ = try ModelTask(store: store, client: client, clock: clock).run(ask) { answer, _ in
            let entries = try CalendarEntries.checked(answer, brief: brief, zone: zone)
            let now = clock()
            saved.organizationId = organizationId
            saved.period_days = days
            saved.createdAt = now
            saved.calendar = ["strategyId": .objectId(strategy._id), "timezone": .string(zone.identifier),
                              "from": .string(brief.dates[0]), "entries": .array(entries.map { .document($0.document) })]
            try store.updateMany(ContentCalendarPlan.collection.rawValue,
                                 .eq("organizationId", organizationId) && .eq("status", RecordStatus.active),
                                 Update.set("status", RecordStatus.superseded))
            try ModelCollection(store, ContentCalendarPlan.self).insert(saved)
            return ["planId": .objectId(saved._id), "entries": .int32(Int32(entries.count))]
        }
        return saved
    }

    /// The active content strategy.
    public static func current(_ organizationId: ObjectId, in store: any DocumentStore) throws -> Strategy? {
        try ModelCollection(store, Strategy.self).first(.eq("organizationId", organizationId) && .eq("type", "content_strategy")
                                                          && .eq("status", RecordStatus.active), sort: [.desc("version"), .desc("_id")])
    }

    /// The strategy as the agent writes it, or read from the spec's simpler shape (pillars
    /// as names, `postingFrequency` as posts a week per platform) that other tools and
    /// older demo stores write.
    static func plan(of strategy: Strategy) throws -> StrategyBrief.Plan {
        if let plan = try? DocumentDecoder().decode(StrategyBrief.Plan.self, from: strategy.strategy) { return plan }
        guard case .array(let names)? = strategy.strategy["pillars"], !names.isEmpty else {
            throw CoreError.invalid("the strategy in force has no pillars socialdeck can read; write a new one (agents run write-strategy)")
        }
        let pillars = names.compactMap(\.stringValue).map {
            StrategyBrief.Pillar(name: $0, share: (1 / Double(names.count)).rounded(toPlaces: 3), description: "", exampleTopics: [$0])
        }
        var cadence: [StrategyBrief.Cadence] = []
        if let frequency = strategy.strategy["postingFrequency"]?.documentValue {
            for field in frequency.fields {
                guard let platform = Platform(named: field.key), let n = field.value.doubleValue else { continue }
                cadence.append(.init(platform: platform.rawValue, postsPerWeek: min(35, max(0, Int(n)))))
            }
        }
        return StrategyBrief.Plan(summary: strategy.strategy["tone"]?.stringValue ?? "", pillars: pillars, cadence: cadence, goals: [])
    }

    /// A model's strategy, cleaned: shares summing to one, each platform once.
    static func checked(_ answer: LLMClient.Answer) throws -> StrategyBrief.Plan {
        let object = ModelTask.object(answer)
        var pillars: [StrategyBrief.Pillar] = ((object["pillars"] as? [[String: Any]]) ?? []).compactMap { p in
            guard let name = ModelTask.clean(p["name"], limit: 80) else { return nil }
            return StrategyBrief.Pillar(name: name, share: max(0, (p["share"] as? NSNumber)?.doubleValue ?? 0),
                                        description: ModelTask.clean(p["description"], limit: 500) ?? "",
                                        exampleTopics: ((p["exampleTopics"] as? [Any]) ?? []).prefix(8).compactMap { ModelTask.clean($0, limit: 200) })
        }
        guard !pillars.isEmpty else { throw CoreError.invalid("the strategy names no pillar") }
        let total = pillars.reduce(0) { $0 + $1.share }
        pillars = pillars.map { var p = $0; p.share = total > 0 ? (p.share / total).rounded(toPlaces: 3) : (1 / Double(pillars.count)).rounded(toPlaces: 3); return p }
        var cadence: [StrategyBrief.Cadence] = []
        for c in (object["cadence"] as? [[String: Any]]) ?? [] {
            guard let p = (c["platform"] as? String).flatMap(Platform.init(rawValue:)), !cadence.contains(where: { $0.platform == p.rawValue }) else { continue }
            cadence.append(.init(platform: p.rawValue, postsPerWeek: min(35, max(0, (c["postsPerWeek"] as? NSNumber)?.intValue ?? 0))))
        }
        return StrategyBrief.Plan(summary: ModelTask.clean(object["summary"], limit: 1500) ?? "", pillars: pillars, cadence: cadence,
                                  goals: ((object["goals"] as? [Any]) ?? []).prefix(8).compactMap { ModelTask.clean($0, limit: 300) })
    }

    /// Platforms the organization posts on: connected accounts and published history.
    private func connectedPlatforms(_ organizationId: ObjectId, history: PublishedHistory) throws -> [String] {
        var platforms = Set(history.entries.map(\.platform))
        for user in try store.find(User.collection.rawValue, .eq("organizationId", organizationId), projection: .include(["socialAccounts"])) {
            guard case .array(let accounts)? = user["socialAccounts"] else { continue }
            platforms.formUnion(accounts.compactMap { $0.documentValue?["platform"]?.stringValue.flatMap(Platform.init(rawValue:)) })
        }
        return Platform.allCases.filter(platforms.contains).map(\.rawValue)
    }
}
