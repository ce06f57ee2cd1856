import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Carries out the spec's workflows, step by step, from `scheduled_workflow` requests
/// (the recurring schedules) or a person's `workflow run`. Each step is an agent task
/// recorded in `agent_runs`; the steps done so far are written into the request itself
/// (`payload.completed`), so a process that dies mid-workflow leaves a request whose
/// claim lapses, and whoever claims it next resumes after the last completed step. A step
/// that fails ends the workflow as failed with the earlier steps' results kept.
public struct WorkflowRunner: Sendable {
    let store: any DocumentStore
    let client: LLMClient
    /// Fetches comments through live accounts; nil in a process without the secret key,
    /// where the engagement workflow sorts the comments already in.
    let fetcher: CommentFetcher?
    let clock: @Sendable () -> Date
    let owner: String

    public init(store: any DocumentStore, client: LLMClient, fetcher: CommentFetcher? = nil, owner: String = PublishScheduler.processOwner(),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.client = client
        self.fetcher = fetcher
        self.owner = owner
        self.clock = clock
    }

    /// The steps of each workflow, as built so far.
    public static let steps: [String: [String]] = [
        StandardWorkflows.analytics: ["build_daily_rollups", "analyze_content_performance", "analyze_user_behavior", "identify_trends",
                                      "weekly_report"],
        StandardWorkflows.strategyOptimisation: ["generate_insights", "optimize_posting_schedule", "update_strategy_from_insights"],
        StandardWorkflows.contentCreation: ["analyze_content_performance", "optimize_posting_schedule", "generate_content",
                                            "schedule_approved_content"],
        StandardWorkflows.engagement: ["fetch_comments", "triage_comments"],
    ]

    /// Planned posts a content-creation round without a topic drafts.
    static let plannedPerRound = 5

    /// What a pass did.
    public struct Outcome: Sendable, Equatable {
        public var finished = 0
        public var failed = 0
        public var cancelled = 0
    }

    /// The request is no longer this runner's to carry on: a person cancelled it, or its
    /// claim lapsed and another runner holds it.
    struct Cancelled: Error {}

    /// Claims and carries out every waiting workflow request, one at a time.
    public func runWaiting() throws -> Outcome {
        let messages = AgentMessages(store: store, clock: clock)
        var outcome = Outcome()
        // In maintenance, requests wait in the queue unclaimed.
        guard try !PublishingSwitch(store: store, clock: clock).state().paused else { return outcome }
        for agent in Set(StandardWorkflows.names.map(StandardWorkflows.firstAgent)).sorted(by: { $0.rawValue < $1.rawValue }) {
            while let request = try messages.claim(for: agent, owner: owner) {
                guard request.type == "scheduled_workflow" else {
                    // Not a workflow: for the agent that consumes it, later; give the claim back.
                    try store.updateOne(AgentMessage.collection.rawValue, .id(request._id) && .eq("claimedBy", owner),
                                        Update.set("status", AgentMessage.Delivery.queued).unset("claimedUntil"))
                    break
                }
                do {
                    try run(request)
                    try messages.finish(request, owner: owner)
                    outcome.finished += 1
                } catch is Cancelled {
                    outcome.cancelled += 1
                } catch {
                    try messages.finish(request, owner: owner, error: SafeText.escapingControls(String(describing: error)))
                    outcome.failed += 1
                }
            }
        }
        return outcome
    }

    /// The request's steps after those already completed.
    func run(_ request: AgentMessage) throws {
        let workflow = request.payload["workflow"]?.stringValue ?? ""
        guard let steps = Self.steps[workflow], let org = request.organizationId else {
            throw CoreError.invalid("the request names no workflow this socialdeck knows (\(workflow))")
        }
        var completed = Self.completed(request)
        for step in steps where !completed.contains(step) {
            guard try store.findOne(AgentMessage.collection.rawValue, .id(request._id) && .eq("status", AgentMessage.Delivery.processing)
                                        && .eq("claimedBy", owner)) != nil else { throw Cancelled() }
            try store.updateOne(AgentMessage.collection.rawValue, .id(request._id) && .eq("claimedBy", owner), Update.set("payload.running", step))
            try perform(step, organizationId: org, request: request)
            completed.append(step)
            try store.updateOne(AgentMessage.collection.rawValue, .id(request._id) && .eq("claimedBy", owner),
                                Update.set("payload.completed", BSONValue.array(completed.map { BSONValue.string($0) })))
        }
    }

    public static func completed(_ request: AgentMessage) -> [String] {
        guard case .array(let done)? = request.payload["completed"] else { return [] }
        return done.compactMap(\.stringValue)
    }

    /// One step, as its agent, on behalf of the organization (the system acts; each step's
    /// own core checks still apply to what it writes).
    private func perform(_ step: String, organizationId: ObjectId, request: AgentMessage) throws {
        let system = Identity.localOperator()
        switch step {
        case _ where IntelligenceAgent.Task(rawValue: step) != nil:
            _ = try IntelligenceAgent(store: store, client: client, clock: clock).run(IntelligenceAgent.Task(rawValue: step)!,
                                                                                       organizationId: organizationId, by: system)
        case "fetch_comments":
            try recordComputed(.engagement, step, organizationId: organizationId) {
                guard let fetcher else { return ["skipped": .string("no secret key in this process: the comments already in are sorted")] }
                let outcome = try fetcher.fetch(organizationId, by: system)
                return ["added": .int32(Int32(outcome.added)), "alreadyThere": .int32(Int32(outcome.alreadyThere)),
                        "failures": .array(outcome.failures.map { .string($0) })]
            }
        case "triage_comments":
            _ = try EngagementAgent(store: store, client: client, clock: clock).triage(organizationId, by: system)
        case "build_daily_rollups":
            try AnalyticsAgent(store: store, client: client, clock: clock).buildDailyRollups(for: organizationId, by: system)
        case "weekly_report":
            _ = try AnalyticsAgent(store: store, client: client, clock: clock).weeklyReport(for: organizationId, by: system)
        case "update_strategy_from_insights":
            let revise = try StrategyAgent.current(organizationId, in: store) != nil
            _ = try StrategyAgent(store: store, client: client, clock: clock).writeStrategy(for: organizationId, revise: revise, by: system)
        case "optimize_posting_schedule":
            let zone = try OrganizationAdmin.timeZone(of: organizationId, in: store)
            _ = try PostingTimes(store: store, clock: clock).plan(for: organizationId, timeZone: zone, by: system)
        case "schedule_approved_content":
            let zone = try OrganizationAdmin.timeZone(of: organizationId, in: store)
            try recordComputed(.execution, step, organizationId: organizationId) {
                let placed = try SlotPlacement(store: store, clock: clock).place(for: organizationId, timeZone: zone, by: system)
                return ["placed": .int32(Int32(placed.count))]
            }
        case "generate_content":
            let content = ContentAgent(store: store, client: client, clock: clock)
            if let topic = request.payload["topic"]?.stringValue {
                _ = try content.draft(topic: topic, platforms: [.facebook, .twitter, .linkedin], organizationId: organizationId, by: system)
            } else {
                try draftFromPlan(organizationId, content: content, by: system)
            }
        default:
            throw CoreError.invalid("no agent does \(step) yet")
        }
    }

    /// Without a topic, content comes from the calendar plan: a strategy and a plan are
    /// made first when the organization has none, then the next planned posts are drafted.
    private func draftFromPlan(_ organizationId: ObjectId, content: ContentAgent, by system: Identity) throws {
        let strategy = StrategyAgent(store: store, client: client, clock: clock)
        if try StrategyAgent.current(organizationId, in: store) == nil { _ = try strategy.writeStrategy(for: organizationId, by: system) }
        let planned = try ModelCollection(store, ContentCalendarPlan.self).first(.eq("organizationId", organizationId) && .eq("status", RecordStatus.active))
        if planned == nil || (planned?.createdAt ?? .distantPast) < clock().addingTimeInterval(-7 * 86_400) {
            _ = try strategy.planCalendar(for: organizationId, by: system)
        }
        let batch = try content.draftPlanned(organizationId: organizationId, count: Self.plannedPerRound, by: system)
        if batch.made.isEmpty, let failure = batch.failed.first { throw CoreError.invalid("no planned post was drafted: \(failure.error)") }
    }

    /// A computed step recorded as its agent's run; its failure stops the workflow.
    private func recordComputed(_ agent: AgentType, _ task: String, organizationId: ObjectId, _ body: () throws -> Document) throws {
        let recorder = AgentRunRecorder(store: store, clock: clock)
        let doer = try recorder.agent(agent)
        try doer.ensureWorks(for: organizationId, in: store)
        _ = try recorder.computed(doer, task, organizationId: organizationId, body).get()
    }
}
