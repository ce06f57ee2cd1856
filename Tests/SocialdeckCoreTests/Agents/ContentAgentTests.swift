import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The content agent (issue #13): drafts per platform within each platform's limits,
/// into the approval queue with their AI record; runs and totals recorded; rejections
/// taught back into the prompt and into the offline writer's words.
@Suite("Content agent", .serialized)
struct ContentAgentTests {
    let p: PublishingWorld
    init() throws { p = try PublishingWorld(.sqlite) }

    var offline: LLMClient { LLMClient(provider: OfflineWriter(), settings: LLMSettings(), pause: { _ in }) }
    func agent(_ client: LLMClient? = nil) -> ContentAgent { ContentAgent(store: p.store, client: client ?? offline, clock: p.clock.closure) }

    @Test func offlineDraftsFitEveryPlatformAndWaitForApproval() throws {
        let made = try agent().draft(topic: "Winter single-origin espresso", keyPoints: ["Roasted on Tuesdays"],
                                     platforms: Platform.allCases, organizationId: p.org._id, by: identity(of: p.manager))
        #expect(made.posts.count == 5 && made.refused.isEmpty)
        for post in made.posts {
            let platform = post.platforms[0].platform
            let check = PostCheck(text: post.content.text, media: ["https://cdn.example/a.jpg"], on: platform)
            #expect(check.canPost, "\(platform): \(check.reasons)")
            #expect(post.approval.status == .pending && post.platforms[0].status == .draft)
            #expect(post.aiGenerated?.provider == "offline" && post.aiGenerated?.model == OfflineWriter.model)
            #expect(post.aiGenerated?.runId == made.run._id && (post.aiGenerated?.confidence ?? 0) > 0.5)
            #expect(post.content.text.contains("Winter single-origin espresso") && post.content.text.contains("Roasted on Tuesdays"))
        }
        let queue = try p.w.workflow.approvalQueue(for: identity(of: p.manager)).map(\._id)
        #expect(Set(made.posts.map(\._id)).isSubset(of: Set(queue)))
        let run = try #require(try ModelCollection(p.store, AgentRun.self).get(made.run._id))
        #expect(run.status == .succeeded && run.provider == "offline" && run.promptTokens > 0 && run.completionTokens > 0)
        #expect(run.output?["drafts"] != nil && run.input?["topic"] == .string("Winter single-origin espresso"))
        let content = try #require(try ModelCollection(p.store, AIAgent.self).first(.eq("type", AgentType.content)))
        #expect(content.performance.totalExecutions == 1 && content.performance.successRate == 100)
        #expect(content.costs.totalTokensUsed == run.promptTokens + run.completionTokens)
    }

    @Test func theSameBriefGivesTheSameWordsAndDifferentBriefsDoNotReadAlike() throws {
        let a = try agent().draft(topic: "Cold brew season", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        let b = try agent().draft(topic: "Cold brew season", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        let c = try agent().draft(topic: "Barista training weekend for beginners", platforms: [.linkedin], organizationId: p.org._id,
                                  by: identity(of: p.manager))
        #expect(a.posts[0].content.text == b.posts[0].content.text)
        let words = { (t: String) in Set(t.lowercased().split { !$0.isLetter }.map(String.init)) }
        let (x, y) = (words(a.posts[0].content.text), words(c.posts[0].content.text))
        let shared = Double(x.intersection(y).count) / Double(x.union(y).count)
        #expect(shared < 0.5, "different briefs share \(Int(shared * 100))% of their words")
    }

    /// "Too salesy" on a rejected draft: the next prompt says so, and the offline writer
    /// drops every sales line.
    @Test func aRejectionReasonChangesTheNextDrafts() throws {
        let sales = ["Order today", "Shop now", "get yours now", "buy today"]
        let topics = ["Holiday gift boxes", "Spring blend launch", "Decaf that tastes right", "Our loyalty card", "Oat milk flat whites"]
        func salesLines(_ drafts: [ContentAgent.Drafts]) -> Int {
            drafts.flatMap(\.posts).filter { post in sales.contains { post.content.text.contains($0) } }.count
        }
        let before = try topics.map { try agent().draft(topic: $0, platforms: [.facebook, .twitter], organizationId: p.org._id, by: identity(of: p.manager)) }
        #expect(salesLines(before) > 0, "without a lesson some drafts sell")
        try p.w.workflow.reject(before[0].posts[0]._id, reason: "Too salesy", by: identity(of: p.manager))
        let after = try topics.map { try agent().draft(topic: $0, platforms: [.facebook, .twitter], organizationId: p.org._id, by: identity(of: p.manager)) }
        #expect(salesLines(after) == 0)

        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"drafts":[{"platform":"linkedin","text":"Calm, useful words.","confidence":0.8}],"imageBrief":"a cup"}"##]])
        let model = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: LLMSettings(), pause: { _ in })
        _ = try agent(model).draft(topic: "Gift cards", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        let sent = try #require(try server.received().last?.json?["messages"] as? [[String: String]])
        #expect(sent[0]["content"]?.contains("Reviewers rejected earlier drafts as: Too salesy") == true)
        #expect(sent[1]["content"]?.contains(##""avoid":["Too salesy"]"##) == true)
    }

    @Test func aModelsDraftOverALimitIsNotSavedAndAFailedRunIsRecorded() throws {
        let server = try FakePlatformServer("fake_llm.py")
        let long = String(repeating: "espresso ", count: 40)
        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"drafts":[{"platform":"twitter","text":"\##(long)","confidence":0.9},{"platform":"linkedin","text":"Fits fine.","confidence":0.7}],"imageBrief":""}"##]])
        var settings = LLMSettings()
        settings.repairs = 1
        let model = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: settings, pause: { _ in })
        let made = try agent(model).draft(topic: "Espresso", platforms: [.twitter, .linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        #expect(made.posts.map { $0.platforms[0].platform } == [.linkedin])
        #expect(made.refused.first?.hasPrefix("X: ") == true && made.refused.first?.contains("over the limit of 280") == true)

        try server.script(raw: [["match": "/chat/completions", "content": "I cannot do that."], ["match": "/chat/completions", "content": "{}"]])
        #expect(throws: LLMError.self) {
            try agent(model).draft(topic: "Latte art", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        }
        let failed = try #require(try ModelCollection(p.store, AgentRun.self).first(.eq("status", AgentRun.Outcome.failed)))
        #expect(failed.error?.contains("after 1 repairs") == true && failed.task == "generate_content")
        let totals = try #require(try ModelCollection(p.store, AIAgent.self).first(.eq("type", AgentType.content))).performance
        #expect(totals.totalExecutions == 2 && totals.errorCount == 1 && totals.successRate == 50)
    }

    @Test func thePlansAIGenerationsAreCountedAndRefusedPastTheLimit() throws {
        var subscription = Subscription()
        subscription.organizationId = p.org._id
        subscription.plan.limits.aiGenerations = 2
        subscription.createdAt = p.clock.now
        try ModelCollection(p.store, Subscription.self).insert(subscription)
        let first = try agent().draft(topic: "One", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        #expect(first.generationsUsed == 1 && first.generationsLimit == 2)
        _ = try agent().draft(topic: "Two", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        #expect { try agent().draft(topic: "Three", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager)) }
            throws: { "\($0)".contains("the plan's 2 AI generations this month are used (2 of 2)") }
        p.clock.advance(by: 3 * 86_400)
        #expect(throws: Never.self, "a new month starts again (29 Nov + 3 days)") {
            try agent().draft(topic: "Four", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        }
    }

    @Test func rememberedPreferencesAreBounded() throws {
        let preferences = AgentPreferences(store: p.store)
        for i in 0..<(AgentPreferences.bound + 5) {
            try preferences.remember("reason \(i)", organizationId: p.org._id, at: p.clock.now.addingTimeInterval(Double(i)))
        }
        #expect(try p.store.count(AgentMemoryItem.collection.rawValue, .eq("organizationId", p.org._id)) == AgentPreferences.bound)
        #expect(try preferences.of(p.org._id).avoid.first == "reason \(AgentPreferences.bound + 4)", "the newest first")
    }

    @Test func concurrentRunsLoseNoCounts() throws {
        let recorder = AgentRunRecorder(store: p.store, clock: p.clock.closure)
        let agentId = try recorder.agent(.content)._id
        let other = try Backend.sqlite.otherConnection(to: p.w.base)
        let globex = try p.w.organization("globex")._id
        @Sendable func run(_ n: Int, org: ObjectId, at: Date) -> AgentRun {
            var run = AgentRun()
            run.agentId = agentId
            run.agentType = .content
            run.organizationId = org
            run.durationMs = Double(100 + n)
            run.promptTokens = 10
            run.cost = 0.25
            run.startedAt = at
            run.status = n == 0 ? .failed : .succeeded
            return run
        }
        let now = p.clock.now
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r = AgentRunRecorder(store: i == 0 ? p.store : other, clock: p.clock.closure)
            for n in 0..<10 { try? r.record(run(n, org: n % 2 == 0 ? p.org._id : globex, at: now)) }
        }
        let agent = try #require(try ModelCollection(p.store, AIAgent.self).get(agentId))
        #expect(agent.performance.totalExecutions == 20 && agent.performance.errorCount == 2 && agent.costs.totalTokensUsed == 200)
        #expect(agent.performance.averageResponseTime > 100 && agent.performance.averageResponseTime < 110, "a mean, not the last value")
        #expect(agent.costs.totalCost == 5 && agent.costs.monthlyCost == 5)
        let byOrg = Dictionary(uniqueKeysWithValues: (agent.costs.byOrganization ?? []).map { ($0.organizationId, $0) })
        #expect(byOrg[p.org._id]?.monthlyCost == 2.5 && byOrg[globex]?.totalTokens == 100 && byOrg[globex]?.month == "2026-11")

        // The next month starts each organization's month at zero and keeps its total.
        try recorder.record(run(1, org: globex, at: now.addingTimeInterval(5 * 86_400)))
        let later = try #require(try ModelCollection(p.store, AIAgent.self).get(agentId)?.costs)
        let g = try #require(later.byOrganization?.first { $0.organizationId == globex })
        #expect(g.month == "2026-12" && g.monthlyCost == 0.25 && g.totalCost == 2.75 && later.monthlyCost == 0.25)
        #expect(later.byOrganization?.first { $0.organizationId == p.org._id }?.monthlyCost == 2.5, "until its own next run")
    }

    @Test func aTopicWithEscapeSequencesIsRefused() throws {
        #expect { try agent().draft(topic: "Evil \u{1b}[31mred", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager)) }
            throws: { "\($0)".contains("control characters") }
        #expect(throws: CoreError.self) {
            try agent().draft(topic: "Fine", keyPoints: ["bell\u{7}"], platforms: [.linkedin], organizationId: p.org._id, by: identity(of: p.manager))
        }
        #expect(try ModelCollection(p.store, Content.self).count(.exists("aiGenerated", true)) == 0)
    }

    @Test func aViewerCannotRunIt() throws {
        let viewer = try p.w.customer("viewer@acme.test", in: p.org, role: .viewer)
        #expect(throws: AccessDenied.self) {
            try agent().draft(topic: "x", platforms: [.linkedin], organizationId: p.org._id, by: identity(of: viewer))
        }
    }
}
