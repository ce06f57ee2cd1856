import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The content agent's other tasks (issue #13): hashtag suggestions within each
/// platform's limit, an improved copy of an existing post, batches, and the image brief.
@Suite("Content agent tasks", .serialized)
struct ContentTasksTests {
    let p: PublishingWorld
    init() throws { p = try PublishingWorld(.sqlite) }

    var agent: ContentAgent { ContentAgent(store: p.store, client: .offlineForTests, clock: p.clock.closure) }

    @Test func hashtagsPreferTheOrganizationsBestTagsAndKeepInstagramsLimit() throws {
        let posts = (0..<3).map { publishedPost(p.org, by: p.manager, at: date("2026-11-10T10:00:00Z").addingTimeInterval(Double($0) * 86_400),
                                                engagement: 150, platform: .instagram, title: "Brew \($0)", tags: ["#coldbrew", "#morning"]) }
            + [publishedPost(p.org, by: p.manager, at: date("2026-11-12T10:00:00Z"), engagement: 10, platform: .instagram, title: "Slow", tags: ["#decaf"])]
        try insertPosts(posts, into: p.store, now: p.clock.now)
        let text = "Our coldbrew is back: slow steeped overnight, bright and smooth, with oat milk or without, served every single morning."
        let (tags, run) = try agent.suggestHashtags(for: text, on: .instagram, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(tags.count == 5 && Set(tags.map { $0.tag.lowercased() }).count == 5, "\(tags)")
        #expect(Set(tags.prefix(2).map(\.tag)) == ["#coldbrew", "#morning"] && tags[0].reason.contains("in the post's words"), "\(tags)")
        #expect(!tags.contains { $0.tag == "#decaf" || $0.tag == "#without" })
        #expect(tags.allSatisfy { PlatformRules.hashtags(in: $0.tag).count == 1 })
        #expect(run.task == "suggest_hashtags" && run.status == .succeeded)
        let x = try agent.suggestHashtags(for: text, on: .twitter, organizationId: p.org._id, by: identity(of: p.manager)).tags
        #expect(x.count == 3)
    }

    @Test func anImprovedCopyFollowsTheLessonsAndWaitsForApproval() throws {
        let original = try p.w.workflow.compose(PostDraft(text: "New autumn blend. Shop now while it lasts. #a #b #c #d #e #f #g",
                                                          platforms: [.facebook]), by: identity(of: p.manager))
        let draft = try agent.draft(topic: "Autumn", platforms: [.facebook], organizationId: p.org._id, by: identity(of: p.manager))
        try p.w.workflow.reject(draft.posts[0]._id, reason: "too salesy", by: identity(of: p.manager))

        let made = try agent.optimize(original._id, by: identity(of: p.manager))
        let copy = try #require(made.post)
        #expect(!copy.content.text.contains("Shop now") && copy.content.text.contains("New autumn blend."))
        #expect(PlatformRules.hashtags(in: copy.content.text).count == 5 && copy.content.text.contains("What do you think?"))
        #expect(made.changes.contains("Kept 5 of 7 hashtags") && made.changes.contains { $0.hasPrefix("Dropped the sales line") })
        #expect(copy.approval.status == .pending && copy.aiGenerated?.prompt == "optimise \(original._id.hex)")
        #expect(try ModelCollection(p.store, Content.self).get(original._id)?.content.text == original.content.text)
        #expect(throws: CoreError.self) { try agent.optimize(original._id, platform: .tiktok, by: identity(of: p.manager)) }
        let stranger = try p.w.customer("m@globex.test", in: try p.w.organization("globex"), role: .manager)
        #expect(throws: (any Error).self) { try agent.optimize(original._id, by: identity(of: stranger)) }
    }

    @Test func aBatchDraftsEachTopicReportsFailuresAndStopsAtThePlansLimit() throws {
        let batch = try agent.batch(topics: ["Cold brew", "Bad \u{1b}[31m topic", "Latte art"], platforms: [.linkedin], organizationId: p.org._id,
                                    by: identity(of: p.manager))
        #expect(batch.made.count == 2 && batch.failed.count == 1 && batch.failed[0].error.contains("control characters"))
        #expect(batch.made.allSatisfy { $0.posts[0].aiGenerated?.imageBrief?.hasPrefix("A photo about") == true })

        var subscription = Subscription()
        subscription.organizationId = p.org._id
        subscription.plan.limits.aiGenerations = 3
        subscription.createdAt = p.clock.now
        try ModelCollection(p.store, Subscription.self).insert(subscription)
        let capped = try agent.batch(topics: ["One", "Two", "Three"], platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        #expect(capped.made.count == 1 && capped.stoppedAtLimit)
    }
}

/// Images (issue #13): where an image model is configured, the drafts' image brief becomes
/// an image, kept, recorded and attached; a provider that fails leaves the drafts standing.
@Suite("Content agent images", .serialized)
struct ContentImageTests {
    let p: PublishingWorld
    init() throws { p = try PublishingWorld(.sqlite) }

    func client(_ server: FakePlatformServer, directory: String) -> LLMClient {
        var settings = LLMSettings()
        settings.provider = .openai
        settings.imageModel = "gpt-image-1"
        settings.imageDirectory = directory
        return LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: settings, pause: { _ in })
    }

    @Test func theImageBriefBecomesAnImageOnEveryDraft() throws {
        let server = try FakePlatformServer("fake_llm.py")
        let directory = TemporaryDirectory.make() + "/media"
        try server.script(raw: [["match": "/chat/completions", "content": ##"{"drafts":[{"platform":"instagram","text":"Winter roast is here.","confidence":0.8},{"platform":"linkedin","text":"Winter roast.","confidence":0.7}],"imageBrief":"A cup of winter roast on oak, morning light"}"##]])
        let made = try ContentAgent(store: p.store, client: client(server, directory: directory), clock: p.clock.closure)
            .draft(topic: "Winter roast", platforms: [.instagram, .linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        let image = try #require(made.image)
        #expect(image.url.hasPrefix(directory) && FileManager.default.contents(atPath: image.url)?.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(image.prompt == "A cup of winter roast on oak, morning light")
        for post in made.posts {
            #expect(try ModelCollection(p.store, Content.self).get(post._id)?.content.images == [image.url])
        }
        let run = try #require(try ModelCollection(p.store, AgentRun.self).first(.eq("task", "generate_image")))
        #expect(run.status == .succeeded && run.cost == 0.04 && run.model == "gpt-image-1")
        let sent = try #require(try server.received().first { $0.path.hasSuffix("/images/generations") }?.json)
        #expect(sent["prompt"] as? String == "A cup of winter roast on oak, morning light" && sent["model"] as? String == "gpt-image-1")
    }

    @Test func aFailedImageLeavesTheDraftsAndSaysWhy() throws {
        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions", "content": ##"{"drafts":[{"platform":"linkedin","text":"Winter roast.","confidence":0.7}],"imageBrief":"A cup"}"##],
                                ["match": "/images/generations", "status": 400, "body": ["error": ["message": "Your prompt was refused"]]]])
        let made = try ContentAgent(store: p.store, client: client(server, directory: TemporaryDirectory.make()), clock: p.clock.closure)
            .draft(topic: "Winter roast", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        #expect(made.posts.count == 1 && made.image == nil && made.imageError?.contains("Your prompt was refused") == true)
        #expect(try ModelCollection(p.store, AgentRun.self).first(.eq("task", "generate_image"))?.status == .failed)
    }
}
