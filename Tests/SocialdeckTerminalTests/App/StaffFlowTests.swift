import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Staff at work (issue #10, items 6 and 7): an agent's errors explained from its runs,
/// pausing that keeps an error until a restart, and the organization in view always named.
@Suite("App flows in-process: staff")
struct StaffFlowTests {
    static let staff = "super-admin@socialdeck.example"

    /// Opens the agents pane with the cursor on the agent of `type`.
    func selectAgent(_ type: AgentType, _ app: AppHarness) throws {
        try app.press("4")
        let index = try #require(try app.dashboard().agents.rows.firstIndex { $0.agent.type == type })
        for _ in 0..<index { try app.press("j") }
        #expect(try app.dashboard().agents.selected?.agent.type == type)
    }

    func agent(_ type: AgentType, _ app: AppHarness) throws -> AIAgent {
        try #require(try ModelCollection(app.store, AIAgent.self).first(.eq("type", type)))
    }

    @Test func enterOnAnAgentShowsItsRunsWithEachFailuresMessageTimeAndDuration() throws {
        let app = try AppHarness(width: 120, height: 36)
        try app.signIn(Self.staff)
        try selectAgent(.engagement, app)
        try app.press("enter")
        app.refresh()
        let engagement = try agent(.engagement, app)
        let failed = try ModelCollection(app.store, AgentRun.self)
            .find(.eq("agentId", engagement._id) && .eq("status", AgentRun.Outcome.failed), sort: [.desc("startedAt")], limit: 1)
        let newest = try #require(failed.first)
        let context = PaneContext(palette: app.runtime.palette, now: app.now, timeZone: try app.dashboard().timeZone)
        let row = try #require(app.screen.split(separator: "\n").first { $0.contains(context.shortDateTime(newest.startedAt)) },
                               "the newest failure is listed by its time:\n\(app.screen)")
        #expect(row.contains(Figures.duration(milliseconds: newest.durationMs)), "\(row)")
        #expect(row.contains("failed"))
        #expect(app.screen.contains(try #require(newest.error)), "the selected run's message is shown whole")
        #expect(app.screen.contains("Engagement"))
        try app.press("esc")
        #expect(app.screen.contains("enter runs"), "Esc goes back to the agent table")
        #expect(!app.screen.contains(newest.error!))
    }

    @Test func pausingAndResumingKeepsTheErrorAndOnlyARestartClearsItAudited() throws {
        let app = try AppHarness()
        try app.signIn(Self.staff)
        try selectAgent(.engagement, app)
        #expect(try agent(.engagement, app).status == .error)
        try app.press("p")
        app.refresh()
        #expect(try agent(.engagement, app).status == .inactive)
        try app.press("p")
        app.refresh()
        #expect(try agent(.engagement, app).status == .error, "resuming brings the error back instead of clearing it")
        try app.press("R")
        app.refresh()
        #expect(try agent(.engagement, app).status == .active)
        #expect(app.screen.contains("Engagement restarted"))
        #expect(!app.screen.contains("restartd"))
        let audit = try ModelCollection(app.store, AdminActivityLog.self).find(.eq("action", "agent_restart"))
        #expect(audit.count == 1)
        #expect(audit.first?.targetId == (try agent(.engagement, app))._id)
    }

    @Test func theAgentsHintNamesTheKeysThatWork() throws {
        let app = try AppHarness()
        try app.signIn(Self.staff)
        try app.press("4")
        #expect(!app.screen.contains("e enable"), "there is no e key in the agents pane")
        #expect(!app.screen.contains("d disable"))
        #expect(app.screen.contains("p pause or resume"))
        #expect(app.screen.contains("R restart"))
        #expect(app.screen.contains("enter runs · w workflows"))
        try app.press("e")
        try app.press("d")
        #expect(try agent(.intelligence, app).status == .active, "e and d do nothing here")
    }

    @Test func theCrossOrganizationQueueHasAnOrganizationColumn() throws {
        let app = try AppHarness(width: 120, height: 36)
        try app.signIn(Self.staff)
        try app.press("2")
        let model = try app.dashboard()
        let organizations = Set(model.approvals.visible.compactMap(\.organization))
        #expect(organizations.count > 1, "the seed has drafts in two organizations")
        let lines = app.screen.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.contains(" pending") }, "\(app.screen)")
        for (offset, item) in model.approvals.visible.prefix(8).enumerated() {
            let row = lines[header + 1 + offset]
            #expect(row.contains(String(item.title.prefix(10))), "row \(offset) is \(item.title):\n\(app.screen)")
            #expect(row.contains(String(try #require(item.organization).prefix(7))), "\(row)")
        }
    }

    @Test func theHeaderNamesTheOrganizationAfterOrgSlug() throws {
        let app = try AppHarness()
        try app.signIn(Self.staff)
        let header = { app.screen.split(separator: "\n").first.map(String.init) ?? "" }
        #expect(header().contains("all organizations"))
        try app.press(":")
        app.type("org northwind")
        try app.press("enter")
        #expect(header().contains("Northwind Outdoor"), "\(header())")
        #expect(!header().contains("all organizations"))
        try app.press(":")
        app.type("org no-such-team")
        try app.press("enter")
        #expect(app.screen.contains("no organization 'no-such-team'"))
        #expect(!app.screen.contains("staff only"), "staff are told nothing about who the command is for")
        #expect(header().contains("Northwind Outdoor"), "a wrong slug keeps the organization in view")
    }

    @Test func aCustomerIsToldOrgIsForStaff() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press(":")
        app.type("org northwind")
        try app.press("enter")
        #expect(app.screen.contains("org is for platform staff"))
        #expect(app.screen.split(separator: "\n").first?.contains("Acme Coffee Roasters") == true)
    }

    /// Staff change the selected agent from the palette; the change is stored, audited and shown.
    @Test func theAgentVerbConfiguresTheSelectedAgent() throws {
        let app = try AppHarness()
        try app.signIn(Self.staff)
        try app.press("4")
        try selectAgent(.content, app)
        for line in ["agent temperature 0.25", "agent model gpt-4.1-mini", "agent tools content_search"] {
            try app.press(":")
            app.type(line)
            try app.press("enter")
        }
        app.refresh()
        let content = try agent(.content, app)
        #expect(content.configuration.temperature == 0.25 && content.configuration.model == "gpt-4.1-mini")
        #expect(content.configuration.tools == ["content_search"])
        #expect(app.screen.contains("Content: model gpt-4.1-mini · temperature 0.25"), "\(app.screen)")
        #expect(try ModelCollection(app.store, AdminActivityLog.self).count(.eq("action", "agent_configure")) == 3)
        try app.press(":")
        app.type("agent temperature 9")
        try app.press("enter")
        app.refresh()
        #expect(app.screen.contains("temperature is from 0 to 2"), "the core's refusal is shown")
        try app.press(":")
        app.type("agent off")
        try app.press("enter")
        #expect(app.screen.contains("choose the organization first: org SLUG"))
    }
}
