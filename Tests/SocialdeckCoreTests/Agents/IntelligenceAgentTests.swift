import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The intelligence agent (issue #13): findings computed from the organization's own
/// published posts, worded by the model (the offline writer here), kept in memory.
@Suite("Intelligence agent", .serialized)
struct IntelligenceAgentTests {
    let p: PublishingWorld
    init() throws { p = try PublishingWorld(.sqlite) }

    func agent(_ client: LLMClient = .offlineForTests) -> IntelligenceAgent { IntelligenceAgent(store: p.store, client: client, clock: p.clock.closure) }

    /// LinkedIn on Tuesday mornings does five times better than X on Thursday evenings.
    func seedBehaviour() throws {
        let tuesday = date("2026-11-03T08:00:00Z"), thursday = date("2026-11-05T18:00:00Z")
        var posts = (0..<6).map { publishedPost(p.org, by: p.manager, at: tuesday.addingTimeInterval(Double($0 % 3) * 7 * 86_400), engagement: 100,
                                                platform: .linkedin, title: "Guide \($0)") }
        posts += (0..<6).map { publishedPost(p.org, by: p.manager, at: thursday.addingTimeInterval(Double($0 % 3) * 7 * 86_400), engagement: 20,
                                             platform: .twitter, title: "Note \($0)") }
        try insertPosts(posts, into: p.store, now: p.clock.now)
    }

    @Test func userBehaviourNamesThePlatformDayAndTimeThatEngageAndIsRemembered() throws {
        try seedBehaviour()
        let report = try agent().run(.analyzeUserBehavior, organizationId: p.org._id, by: identity(of: p.manager))
        let titles = report.insights.map(\.title)
        #expect(titles.contains("LinkedIn engages best") && titles.contains("Tuesdays are the strongest day"), "\(titles)")
        #expect(titles.contains("The audience is most active in the mornings"), "\(titles)")
        #expect(report.insights.first { $0.title == "LinkedIn engages best" }?.detail.contains("10.0% engagement per view over 6 posts, against 6.0% overall") == true)
        #expect(report.summary.hasPrefix("Acme, last 30 days:") && report.recommendations.contains("Give LinkedIn more of the week's posts."))
        #expect(report.run.task == "analyze_user_behavior" && report.run.provider == "offline" && report.run.status == .succeeded)
        let memory = try IntelligenceAgent.recent(p.org._id, in: p.store)
        #expect(memory.count == 1 && memory[0].contains("Give LinkedIn more"))
    }

    @Test func trendsCompareThePeriodWithTheOneBefore() throws {
        let recent = (0..<3).map { publishedPost(p.org, by: p.manager, at: date("2026-11-10T10:00:00Z").addingTimeInterval(Double($0) * 86_400),
                                                 engagement: 90, title: "Cold brew \($0)", tags: ["#coldbrew"]) }
        let earlier = (0..<3).map { publishedPost(p.org, by: p.manager, at: date("2026-10-10T10:00:00Z").addingTimeInterval(Double($0) * 86_400),
                                                  engagement: 30, title: "Pumpkin \($0)", tags: ["#pumpkin"]) }
        try insertPosts(recent + earlier + [publishedPost(p.org, by: p.manager, at: date("2026-11-20T10:00:00Z"), engagement: 10)], into: p.store, now: p.clock.now)
        let report = try agent().run(.identifyTrends, organizationId: p.org._id, by: identity(of: p.manager))
        let rising = try #require(report.insights.first { $0.title == "#coldbrew is rising" })
        #expect(rising.detail.contains("3 posts in the period, 0 in the one before"))
        #expect(report.insights.contains { $0.title == "Fading tags" && $0.detail.contains("#pumpkin") })
    }

    @Test func nothingPublishedSaysSoInsteadOfInventing() throws {
        let report = try agent().run(.analyzeContentPerformance, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(report.insights.map(\.title) == ["Nothing to learn from yet"])
        #expect(throws: AccessDenied.self) {
            try agent().run(.generateInsights, organizationId: try p.w.organization("globex")._id, by: identity(of: p.manager))
        }
    }

    /// A model gets the computed findings; what it writes back is cleaned before it is kept.
    @Test func aModelWordsTheFindingsAndItsEscapesAreCleaned() throws {
        try seedBehaviour()
        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"summary":"LinkedIn leads.\u001b[2J","insights":[{"title":"LinkedIn","detail":"10%","confidence":0.9}],"recommendations":["Post more on LinkedIn"]}"##,
                                 "usage": ["prompt": 500, "completion": 80]]])
        var settings = LLMSettings()
        settings.provider = .openai
        settings.prices = ["gpt-4o-mini": LLMPrice(inputPerMillion: 1, outputPerMillion: 2)]
        let model = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: settings, pause: { _ in })
        let report = try agent(model).run(.generateInsights, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(report.summary == "LinkedIn leads.[2J" && abs(report.run.cost - 0.00066) < 1e-9, "\(report.run.cost)")
        let sent = try #require(try server.received().last?.json?["messages"] as? [[String: String]])
        #expect(sent[1]["content"]?.contains("10.0% engagement per view over 6 posts") == true, "the model is given the numbers")
        #expect(!(try IntelligenceAgent.recent(p.org._id, in: p.store)[0].contains("\u{1b}")))
    }
}
