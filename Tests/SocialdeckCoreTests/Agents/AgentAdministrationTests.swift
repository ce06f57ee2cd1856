import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Staff configure the agents, and switch them per organization (issue #13): each change
/// is checked, audited, and changes what the next run does.
@Suite("Agent administration", .serialized)
struct AgentAdministrationTests {
    let p: PublishingWorld
    init() throws { p = try PublishingWorld(.sqlite) }

    var admin: AgentAdministration { AgentAdministration(store: p.store, clock: p.clock.closure) }
    var offline: LLMClient { LLMClient(provider: OfflineWriter(), settings: LLMSettings(), pause: { _ in }) }

    func boss() throws -> Identity { identity(of: try p.w.staff("boss@socialdeck.test", role: .superAdmin)) }
    func draft(by who: Identity? = nil, client: LLMClient? = nil) throws -> ContentAgent.Drafts {
        try ContentAgent(store: p.store, client: client ?? offline, clock: p.clock.closure)
            .draft(topic: "Cold brew season", platforms: [.linkedin], organizationId: p.org._id, by: who ?? identity(of: p.manager))
    }

    @Test func staffConfigureTheModelPromptAndToolsAndTheNextCallUsesThem() throws {
        let boss = try boss()
        let content = try admin.agent(named: "content", by: boss)
        #expect(content.configuration.tools == ["analytics_query", "content_search", "image_generation"])
        let changed = try admin.configure(content._id, .init(model: "gpt-4.1-mini", temperature: 0.2, maxTokens: 900,
                                                             systemPrompt: "You write for a roastery.\nShort sentences.",
                                                             tools: [.analyticsQuery]), reason: "tighter drafts", by: boss)
        #expect(changed.configuration.model == "gpt-4.1-mini" && changed.configuration.maxTokens == 900)
        #expect(changed.configuration.tools == ["analytics_query"])

        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"drafts":[{"platform":"linkedin","text":"Calm, useful words.","confidence":0.8}],"imageBrief":"a cup"}"##]])
        try p.w.workflow.reject(try draft().posts[0]._id, reason: "Too salesy", by: identity(of: p.manager))
        let model = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: LLMSettings(), pause: { _ in })
        _ = try draft(client: model)
        let sent = try #require(try server.received().last?.json)
        #expect(sent["model"] as? String == "gpt-4.1-mini" && sent["temperature"] as? Double == 0.2 && sent["max_tokens"] as? Int == 900)
        let messages = try #require(sent["messages"] as? [[String: String]])
        #expect(messages[0]["content"]?.hasPrefix("You write for a roastery.\nShort sentences.") == true)
        #expect(messages[0]["content"]?.contains("Too salesy") == false, "without content_search the agent reads no memory")

        let entry = try #require(try ModelCollection(p.store, AdminActivityLog.self).first(.eq("action", "agent_configure")))
        #expect(entry.details.reason == "tighter drafts")
        #expect(entry.details.after?["configuration"]?.documentValue?["model"] == .string("gpt-4.1-mini"))
        #expect(entry.details.before?["configuration"]?.documentValue?["model"] == .string(""))
    }

    @Test func badSettingsAreRefusedAndChangeNothing() throws {
        let boss = try boss()
        let id = try admin.agent(named: "strategy", by: boss)._id
        let before = try #require(try ModelCollection(p.store, AIAgent.self).get(id))
        for bad in [AgentAdministration.Settings(temperature: 2.5), .init(maxTokens: 3), .init(model: "gpt 4; rm -rf"),
                    .init(systemPrompt: "Hello \u{1B}]52;c;aGk=\u{07}"), .init(systemPrompt: String(repeating: "x", count: 8_001))] {
            #expect(throws: CoreError.self) { try admin.configure(id, bad, by: boss) }
        }
        #expect(try ModelCollection(p.store, AIAgent.self).get(id) == before)
        #expect(throws: CoreError.self) { try admin.agent(named: "marketing", by: boss) }
    }

    @Test func onlyStaffAdminsConfigureAndOnlyTheirOwnOrganizationForCustomers() throws {
        let id = try admin.agent(named: "content", by: try boss())._id
        let support = identity(of: try p.w.staff("help@socialdeck.test", role: .support))
        #expect(throws: AccessDenied.self) { try admin.configure(id, .init(temperature: 0.1), by: support) }
        #expect(throws: AccessDenied.self) { try admin.configure(id, .init(temperature: 0.1), by: identity(of: p.manager)) }
        #expect(throws: AccessDenied.self) { try admin.apply(.disable, to: id, by: identity(of: p.manager)) }

        let owner = try p.w.customer("owner@acme.test", in: p.org, role: .admin)
        try admin.setOrganization(id, organizationId: p.org._id, customPrompts: ["Mention the Tuesday roast."], by: identity(of: owner))
        let other = try p.w.organization("globex")
        #expect(throws: AccessDenied.self) {
            try admin.setOrganization(id, organizationId: other._id, enabled: false, by: identity(of: owner))
        }
        #expect(throws: AccessDenied.self) {
            try admin.setOrganization(id, organizationId: p.org._id, enabled: false, by: identity(of: p.manager))
        }
        let log = try #require(try ModelCollection(p.store, CustomerActivityLog.self).first(.eq("action", "agent_organization_settings")))
        #expect(log.organizationId == p.org._id)
    }

    @Test func anAgentOffForAnOrganizationRefusesItsWorkAndItsInstructionsReachThePrompt() throws {
        let boss = try boss()
        let id = try admin.agent(named: "content", by: boss)._id
        try admin.setOrganization(id, organizationId: p.org._id, enabled: false, reason: "customer asked", by: boss)
        #expect(throws: CoreError.self) { try draft() }
        try admin.setOrganization(id, organizationId: p.org._id, enabled: true, customPrompts: ["Always mention the Tuesday roast."], by: boss)

        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"drafts":[{"platform":"linkedin","text":"Tuesday roast.","confidence":0.8}],"imageBrief":"a cup"}"##]])
        let model = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: LLMSettings(), pause: { _ in })
        _ = try draft(client: model)
        let messages = try #require(try server.received().last?.json?["messages"] as? [[String: String]])
        #expect(messages[0]["content"]?.contains("Always mention the Tuesday roast.") == true)

        try admin.apply(.disable, to: id, by: boss)
        #expect(throws: CoreError.self) { try draft() }
        try admin.apply(.enable, to: id, by: boss)
        try p.store.updateOne(AIAgent.collection.rawValue, .id(id), Update.set("status", AgentStatus.error))
        #expect(throws: CoreError.self) { try draft() }
        try admin.apply(.restart, to: id, by: boss)
        #expect(try draft().posts.count == 1)
    }

    @Test func aStrategyAgentWithoutAnalyticsRefusesToScoreTimes() throws {
        let boss = try boss()
        let id = try admin.agent(named: "strategy", by: boss)._id
        try admin.configure(id, .init(tools: [.contentSearch]), by: boss)
        #expect(throws: CoreError.self) {
            try PostingTimes(store: p.store, clock: p.clock.closure).plan(for: p.org._id, timeZone: .gmt, by: identity(of: p.manager))
        }
    }
}
