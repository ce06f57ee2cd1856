import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The workflows (issue #13): each step an agent run, the steps done kept in the request,
/// a crashed runner's request resumed after its last completed step, a failed step
/// leaving the earlier results.
@Suite("Workflows")
struct WorkflowRunnerTests {
    var offline: LLMClient { LLMClient(provider: OfflineWriter(), settings: LLMSettings(), pause: { _ in }) }

    func requests(_ p: PublishingWorld) -> WorkflowRequests { WorkflowRequests(store: p.store, clock: p.clock.closure) }

    func runs(_ p: PublishingWorld, _ task: String) throws -> [AgentRun] {
        try ModelCollection(p.store, AgentRun.self).find(.eq("task", task))
    }

    @Test(arguments: Backend.enabled)
    func strategyOptimisationRunsEachStepAsAnAgentRun(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let runner = WorkflowRunner(store: p.store, client: offline, owner: "runner", clock: p.clock.closure)
        let request = try requests(p).request(StandardWorkflows.strategyOptimisation, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(try runner.runWaiting() == WorkflowRunner.Outcome(finished: 1, failed: 0))
        let done = try #require(try ModelCollection(p.store, AgentMessage.self).get(request._id))
        #expect(done.status == .done && WorkflowRunner.completed(done) == ["generate_insights", "optimize_posting_schedule", "update_strategy_from_insights"])
        #expect(try runs(p, "generate_insights").map(\.agentType) == [.intelligence])
        #expect(try runs(p, "optimize_posting_schedule").map(\.agentType) == [.strategy])
        #expect(try runs(p, "create_content_strategy").map(\.agentType) == [.strategy], "the first round writes the strategy")
        #expect(try ModelCollection(p.store, AgentMemoryItem.self).count(.eq("kind", "insight") && .eq("organizationId", p.org._id)) == 1)
        #expect(try ModelCollection(p.store, Strategy.self).count(.eq("type", "posting_schedule")) == 1)
        #expect(try ModelCollection(p.store, Strategy.self).count(.eq("type", "content_strategy")) == 1)
        #expect(try runner.runWaiting() == WorkflowRunner.Outcome(), "nothing twice")
    }

    /// A runner died after the first step: its claim lapses and the next runner does only the rest.
    @Test func aCrashedWorkflowResumesAfterItsLastCompletedStep() throws {
        let p = try PublishingWorld(.sqlite)
        let request = try requests(p).request(StandardWorkflows.strategyOptimisation, organizationId: p.org._id, by: identity(of: p.manager))
        try p.store.updateOne(AgentMessage.collection.rawValue, .id(request._id),
                              Update.set("status", AgentMessage.Delivery.processing).set("claimedBy", "dead").set("attempts", Int64(1))
                                  .set("claimedUntil", p.clock.now.addingTimeInterval(300))
                                  .set("payload.completed", BSONValue.array([.string("generate_insights")])))
        let next = WorkflowRunner(store: p.store, client: offline, owner: "next", clock: p.clock.closure)
        #expect(try next.runWaiting() == WorkflowRunner.Outcome(), "held while the dead runner's claim lasts")
        p.clock.advance(by: 301)
        #expect(try next.runWaiting().finished == 1)
        #expect(try runs(p, "generate_insights").isEmpty, "the completed step is not run again")
        #expect(try runs(p, "optimize_posting_schedule").count == 1)
        #expect(try ModelCollection(p.store, AgentMessage.self).get(request._id)?.status == .done)
    }

    @Test func aFailedStepKeepsTheEarlierResults() throws {
        let p = try PublishingWorld(.sqlite)
        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions", "content": ##"{"summary":"Quiet month.","insights":[],"recommendations":[]}"##],
                                ["match": "/chat/completions", "status": 401, "body": ["error": ["message": "Invalid key"]]]])
        let model = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "bad"), settings: LLMSettings(), pause: { _ in })
        let runner = WorkflowRunner(store: p.store, client: model, owner: "runner", clock: p.clock.closure)
        let request = try requests(p).request(StandardWorkflows.contentCreation, organizationId: p.org._id, topic: "Cold brew kits", by: identity(of: p.manager))
        #expect(try runner.runWaiting() == WorkflowRunner.Outcome(finished: 0, failed: 1))
        let failed = try #require(try ModelCollection(p.store, AgentMessage.self).get(request._id))
        #expect(failed.status == .failed && failed.error?.contains("Invalid key") == true)
        #expect(WorkflowRunner.completed(failed) == ["analyze_content_performance", "optimize_posting_schedule"])
        #expect(try runs(p, "generate_content").first?.status == .failed)

        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"drafts":[{"platform":"linkedin","text":"Cold brew kits are here.","confidence":0.8}],"imageBrief":""}"##]])
        #expect(try requests(p).retry(request._id, by: identity(of: p.manager)).status == .queued)
        #expect(try runner.runWaiting().finished == 1)
        let retried = try #require(try ModelCollection(p.store, AgentMessage.self).get(request._id))
        #expect(retried.status == .done && WorkflowRunner.completed(retried).suffix(2) == ["generate_content", "schedule_approved_content"])
        #expect(try runs(p, "analyze_content_performance").count == 1, "it resumed at the failed step")
        #expect(throws: CoreError.self, "only a failed one") { try requests(p).retry(request._id, by: identity(of: p.manager)) }
        #expect(try requests(p).list(for: identity(of: p.manager)).map(\._id) == [request._id])
        #expect(throws: CoreError.self) { try requests(p).request("nope", organizationId: p.org._id, by: identity(of: p.manager)) }
        let viewer = try p.w.customer("viewer@acme.test", in: p.org, role: .viewer)
        #expect(throws: AccessDenied.self) { try requests(p).request(StandardWorkflows.analytics, organizationId: p.org._id, by: identity(of: viewer)) }
    }

    /// Without a topic, content creation drafts from the calendar plan, writing a strategy and a plan first.
    @Test func contentCreationWithoutATopicDraftsThePlannedPosts() throws {
        let p = try PublishingWorld(.sqlite)
        let runner = WorkflowRunner(store: p.store, client: offline, owner: "runner", clock: p.clock.closure)
        _ = try requests(p).request(StandardWorkflows.contentCreation, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(try runner.runWaiting() == WorkflowRunner.Outcome(finished: 1, failed: 0))
        #expect(try runs(p, "create_content_strategy").count == 1 && runs(p, "plan_content_calendar").count == 1)
        let drafts = try ModelCollection(p.store, Content.self).find(.exists("aiGenerated.planEntry", true))
        #expect(drafts.count == WorkflowRunner.plannedPerRound && drafts.allSatisfy { $0.platforms[0].scheduledAt != nil })
        _ = try requests(p).request(StandardWorkflows.contentCreation, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(try runner.runWaiting().finished == 1)
        #expect(try runs(p, "plan_content_calendar").count == 1, "a plan under a week old is kept")
        #expect(try ModelCollection(p.store, Content.self).count(.exists("aiGenerated.planEntry", true)) == 2 * WorkflowRunner.plannedPerRound)
    }

    /// A cancelled request is never run; one cancelled mid-run stops before its next step.
    @Test func aCancelledWorkflowStopsAndItsProgressSaysSo() throws {
        let p = try PublishingWorld(.sqlite)
        let runner = WorkflowRunner(store: p.store, client: offline, owner: "runner", clock: p.clock.closure)
        let waiting = try requests(p).request(StandardWorkflows.analytics, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(try requests(p).cancel(waiting._id, by: identity(of: p.manager)).status == .cancelled)
        #expect(try runner.runWaiting() == WorkflowRunner.Outcome())
        #expect(throws: CoreError.self, "only once") { try requests(p).cancel(waiting._id, by: identity(of: p.manager)) }

        let running = try requests(p).request(StandardWorkflows.analytics, organizationId: p.org._id, by: identity(of: p.manager))
        let claimed = try #require(try AgentMessages(store: p.store, clock: p.clock.closure).claim(for: StandardWorkflows.firstAgent(of: StandardWorkflows.analytics), owner: "runner"))
        try p.store.updateOne(AgentMessage.collection.rawValue, .id(running._id),
                              Update.set("payload.completed", BSONValue.array([.string("build_daily_rollups"), .string("analyze_content_performance")]))
                                  .set("payload.running", "analyze_user_behavior"))
        let before = WorkflowProgress(try #require(try ModelCollection(p.store, AgentMessage.self).get(running._id)))
        #expect(before.steps.map(\.state) == [.done, .done, .running, .waiting, .waiting] && before.isActive)
        _ = try requests(p).cancel(running._id, by: identity(of: p.manager))
        #expect(throws: WorkflowRunner.Cancelled.self) { try runner.run(claimed) }
        #expect(try runs(p, "analyze_user_behavior").isEmpty)
        let after = try WorkflowProgress.recent(store: p.store, for: identity(of: p.manager))
        #expect(after.map(\.status) == [.cancelled, .cancelled])
        #expect(after.first { $0.id == running._id }?.steps.map(\.state) == [.done, .done, .skipped, .skipped, .skipped])

        let viewer = try p.w.customer("viewer@acme.test", in: p.org, role: .viewer)
        let third = try requests(p).request(StandardWorkflows.analytics, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(throws: AccessDenied.self) { try requests(p).cancel(third._id, by: identity(of: viewer)) }
        let support = identity(of: try p.w.staff("help@socialdeck.test", role: .support))
        #expect(throws: AccessDenied.self) { try requests(p).cancel(third._id, by: support) }
    }
}
