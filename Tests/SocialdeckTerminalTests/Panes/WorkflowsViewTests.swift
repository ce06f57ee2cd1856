import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// The agents' workflows in the agents pane (issue #13): the latest under the agent
/// table, step by step, and (`w`) the whole list with the selected one's error.
@Suite("Workflows in the agents pane")
struct WorkflowsViewTests {
    private static let staff = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))

    static func request(_ workflow: String, _ status: AgentMessage.Delivery, done: [String], running: String? = nil,
                        error: String? = nil, topic: String? = nil, minutesAgo: Double) -> WorkflowProgress {
        var m = AgentMessage()
        m._id = ObjectId(date: Date(timeIntervalSince1970: 1_800_000_000 - minutesAgo * 60))
        m.type = "scheduled_workflow"
        m.status = status
        m.payload = ["workflow": .string(workflow), "completed": .array(done.map { .string($0) })]
        if let running { m.payload["running"] = .string(running) }
        if let topic { m.payload["topic"] = .string(topic) }
        m.error = error
        m.createdAt = PaneFixture.context.now.addingTimeInterval(-minutesAgo * 60)
        if status != .queued && status != .processing { m.processedAt = m.createdAt.addingTimeInterval(40) }
        return WorkflowProgress(m)
    }

    static let workflows = [
        request("content-creation", .processing, done: ["analyze_content_performance", "optimize_posting_schedule"], running: "generate_content",
                topic: "Winter roast", minutesAgo: 2),
        request("analytics", .queued, done: [], minutesAgo: 1),
        request("strategy-optimisation", .failed, done: ["generate_insights"],
                error: "openai gave no answer that follows the schema after 2 repairs: $.pillars is missing", minutesAgo: 60),
        request("analytics", .done, done: ["build_daily_rollups", "analyze_content_performance", "analyze_user_behavior", "identify_trends",
                                           "weekly_report"], minutesAgo: 1_440),
    ]

    private func model(_ rows: [AgentHealth], open: Bool, cursor: Int = 0) -> AgentsModel {
        var model = AgentsModel(identity: Self.staff)
        model.load(rows)
        model.loadWorkflows(Self.workflows, organizationNames: [:])
        if open { model.toggleWorkflows() }
        model.moveWorkflow(cursor)
        return model
    }

    private func render(_ model: AgentsModel, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        AgentsPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    @Test("Golden: the latest workflows under the agents at 100×30")
    func summary() throws {
        let fixture = try PaneFixture.shared.get()
        let screen = render(model(fixture.agents, open: false), width: 100, height: 30)
        GoldenFile.assertMatches(screen, named: "agents-workflows-100x30")
        #expect(screen.text().contains("content-creation       ✓ performance › ✓ best times › ▸ drafts › · scheduling  running"))
    }

    @Test("Golden: the workflow list with the selected failure at 100×30")
    func list() throws {
        let fixture = try PaneFixture.shared.get()
        let screen = render(model(fixture.agents, open: true, cursor: 2), width: 100, height: 30)
        GoldenFile.assertMatches(screen, named: "workflows-100x30")
        let text = screen.text()
        #expect(text.contains("Error: openai gave no answer that follows the schema"))
        #expect(text.contains("✓ insights › ✗ best times › · strategy"))
        #expect(!text.contains("x cancel"), "an ended workflow has nothing to cancel")
        #expect(render(model(fixture.agents, open: true, cursor: 0), width: 100, height: 30).text().contains("x cancel · w back to the agents"))
    }

    @Test func tooShortATerminalKeepsTheAgentsAndDropsTheSummary() throws {
        let fixture = try PaneFixture.shared.get()
        let text = render(model(fixture.agents, open: false), width: 80, height: 11).text()
        #expect(!text.contains("running or waiting") && text.contains("Analytics"))
    }
}
