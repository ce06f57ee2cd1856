import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The agents' memory (issue #13): recalled by relevance to the task, on both backends;
/// bounded, the least useful going first; what did well reaching the next prompt.
@Suite("Agent memory", .serialized)
struct AgentMemoryTests {
    func item(_ org: ObjectId, _ text: String, kind: String = "insight", at: Date) -> AgentMemoryItem {
        var i = AgentMemoryItem()
        i.organizationId = org
        i.kind = kind
        i.text = text
        i.createdAt = at
        return i
    }

    @Test(arguments: Backend.enabled)
    func recallFindsWhatBearsOnTheTaskWithinTheOrganization(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let other = try p.w.organization("globex")._id
        let memory = AgentMemory(store: p.store, clock: p.clock.closure)
        for text in ["Cold brew posts draw twice the saves", "Evenings beat mornings on Instagram", "Barista school sign-ups peak in January"] {
            try memory.remember(item(p.org._id, text, at: p.clock.now), keep: 50)
        }
        try memory.remember(item(other, "Cold brew is their best subject too", at: p.clock.now), keep: 50)
        let found = try memory.recall("cold brew launch", organizationId: p.org._id, kinds: ["insight"])
        #expect(found.map(\.text) == ["Cold brew posts draw twice the saves"])
        #expect(try ModelCollection(p.store, AgentMemoryItem.self).get(found[0]._id)?.uses == 1)
        #expect(try memory.recall("cold brew", organizationId: p.org._id, kinds: ["winner"]).isEmpty, "only the kinds asked for")
    }

    @Test func whenFullTheLeastUsefulGoesFirst() throws {
        let p = try PublishingWorld(.sqlite)
        let memory = AgentMemory(store: p.store, clock: p.clock.closure)
        try memory.remember(item(p.org._id, "Oldest but useful: cold brew", at: p.clock.now.addingTimeInterval(-300)), keep: 3)
        try memory.remember(item(p.org._id, "Old and never used", at: p.clock.now.addingTimeInterval(-200)), keep: 3)
        try memory.remember(item(p.org._id, "Newer, never used", at: p.clock.now.addingTimeInterval(-100)), keep: 3)
        _ = try memory.recall("cold brew", organizationId: p.org._id, kinds: ["insight"])
        try memory.remember(item(p.org._id, "Newest", at: p.clock.now), keep: 3)
        let kept = try ModelCollection(p.store, AgentMemoryItem.self).find(.eq("organizationId", p.org._id)).map(\.text).sorted()
        #expect(kept == ["Newer, never used", "Newest", "Oldest but useful: cold brew"])
    }

    @Test func aPostThatDidWellOnTheSubjectReachesTheNextPrompt() throws {
        let p = try PublishingWorld(.sqlite)
        let posts = [publishedPost(p.org, by: p.manager, at: date("2026-11-20T10:00:00Z"), engagement: 140, title: "Cold brew at home"),
                     publishedPost(p.org, by: p.manager, at: date("2026-11-21T10:00:00Z"), engagement: 20, title: "Decaf notes")]
        try insertPosts(posts, into: p.store, now: p.clock.now)
        _ = try IntelligenceAgent(store: p.store, client: .offlineForTests, clock: p.clock.closure)
            .run(.analyzeContentPerformance, organizationId: p.org._id, by: identity(of: p.manager))
        let winners = try ModelCollection(p.store, AgentMemoryItem.self).find(.eq("kind", "winner"))
        #expect(winners.count == 2 && winners.contains { $0.text.hasPrefix("“Cold brew at home” did well (14.0% per view on LinkedIn)") })

        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"drafts":[{"platform":"linkedin","text":"Cold brew, again.","confidence":0.8}],"imageBrief":""}"##]])
        let model = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: LLMSettings(), pause: { _ in })
        _ = try ContentAgent(store: p.store, client: model, clock: p.clock.closure)
            .draft(topic: "Cold brew kits for summer", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        let sent = try #require(try server.received().last?.json?["messages"] as? [[String: String]])
        #expect(sent[0]["content"]?.contains("What the team knows that bears on this topic: \"“Cold brew at home” did well") == true)
        #expect(sent[0]["content"]?.contains("“Decaf notes” did well") == false, "only what bears on the topic")
    }

    /// With an embeddings model configured, items carry vectors and recall ranks by cosine;
    /// an item the provider could not embed is still kept and found by text.
    @Test func embeddingsRankWhereAModelIsConfigured() throws {
        let p = try PublishingWorld(.sqlite)
        let server = try FakePlatformServer("fake_llm.py")
        var settings = LLMSettings()
        settings.provider = .openai
        settings.embeddingModel = "text-embedding-3-small"
        let client = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: settings, pause: { _ in })
        let memory = AgentMemory(store: p.store, client: client, clock: p.clock.closure)
        try memory.remember(item(p.org._id, "Cold brew posts draw twice the saves", at: p.clock.now), keep: 50)
        try memory.remember(item(p.org._id, "Evenings beat mornings on Instagram", at: p.clock.now), keep: 50)
        try server.script(raw: [["match": "/embeddings", "status": 500, "body": ["error": ["message": "down"]]],
                                ["match": "/embeddings", "status": 500, "body": ["error": ["message": "down"]]],
                                ["match": "/embeddings", "status": 500, "body": ["error": ["message": "down"]]],
                                ["match": "/embeddings", "status": 500, "body": ["error": ["message": "down"]]]])
        try memory.remember(item(p.org._id, "Latte art videos lead on TikTok", at: p.clock.now), keep: 50)
        let stored = try ModelCollection(p.store, AgentMemoryItem.self).find(.eq("organizationId", p.org._id), sort: [.asc("_id")])
        #expect(stored.map { $0.embeddingModel } == ["text-embedding-3-small", "text-embedding-3-small", nil])
        #expect(stored[0].embedding?.count == 64)

        let found = try memory.recall("a cold brew launch", organizationId: p.org._id, kinds: ["insight"], limit: 1)
        #expect(found.map(\.text) == ["Cold brew posts draw twice the saves"])
        let tiktok = try memory.recall("tiktok latte art", organizationId: p.org._id, kinds: ["insight"], limit: 3)
        #expect(tiktok.contains { $0.text == "Latte art videos lead on TikTok" }, "the item without a vector is found by text")
        let paths = try server.received().map(\.path)
        #expect(paths.filter { $0.hasSuffix("/v1/embeddings") }.count >= 5)
    }
}
