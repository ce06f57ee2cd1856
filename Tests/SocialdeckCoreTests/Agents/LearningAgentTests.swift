import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The learning agent (issue #13): an editor's changes to an agent's draft, approved,
/// change the next drafts: the lines cut never come back, the habits steer the offline
/// writer, and both reach the model's prompt.
@Suite("Learning agent", .serialized)
struct LearningAgentTests {
    let p: PublishingWorld
    init() throws { p = try PublishingWorld(.sqlite) }

    var offline: LLMClient { LLMClient(provider: OfflineWriter(), settings: LLMSettings(), pause: { _ in }) }
    func draft(_ topic: String, _ platforms: [Platform] = [.facebook], client: LLMClient? = nil) throws -> [Content] {
        try ContentAgent(store: p.store, client: client ?? offline, clock: p.clock.closure)
            .draft(topic: topic, platforms: platforms, organizationId: p.org._id, by: identity(of: p.manager)).posts
    }

    @Test func aLessonNamesTheLinesCutAndAddedAndTheHabits() {
        let lesson = EditLesson(draft: "Big news: oat lattes! ✨ Made with care. Shop now while it lasts. #OatLattes #oat #lattes",
                                approved: "Big news: oat lattes! Made with care.\nOpen 7 to 9 on Saturdays. #oat")
        #expect(lesson.cut == ["Shop now while it lasts."])
        #expect(lesson.added == ["Open 7 to 9 on Saturdays."])
        #expect(lesson.habits.contains("no emoji: editors remove them") && lesson.habits.contains("fewer hashtags: editors keep at most 1"))
        #expect(!lesson.habits.contains { $0.hasPrefix("too long") })
        #expect(EditLesson(draft: "Same words.", approved: "same  words").isEmpty, "case, spacing and punctuation are no lesson")
        let halved = EditLesson(draft: String(repeating: "A long line here. ", count: 6), approved: "A long line here.")
        #expect(halved.habits == ["too long: editors cut drafts by a third or more"])
    }

    @Test func aLineAnEditorCutIsNeverWrittenAgainAndReachesThePrompt() throws {
        let topics = ["Holiday gift boxes", "Spring blend launch", "Decaf that tastes right", "Our loyalty card", "Oat milk flat whites",
                      "Barista school", "Night market stall", "Single origin Kenya"]
        let before = try topics.flatMap { try draft($0) }
        let closings = before.compactMap { EditLesson.lines($0.content.text).last { !EditLesson.isTags($0) } }
        let closing = try #require(closings.first { c in closings.filter { $0 == c }.count >= 2 }, "\(closings)")
        let first = try #require(before.first { $0.content.text.contains(closing) })

        let edited = first.content.text.replacingOccurrences(of: closing, with: "See you at the counter.")
        try p.w.workflow.editText(first._id, to: edited, seen: first.content.text, by: identity(of: p.manager))
        try p.w.workflow.approve(first._id, by: identity(of: p.manager))
        let learned = try AgentPreferences(store: p.store).of(p.org._id)
        #expect(learned.cut == [closing] && learned.added == ["See you at the counter."])
        let runs = try ModelCollection(p.store, AgentRun.self).find(.eq("task", "learn_from_edit"))
        #expect(runs.count == 1 && runs[0].agentType == .learning && runs[0].status == .succeeded)

        let after = try topics.flatMap { try draft($0) }
        #expect(after.allSatisfy { !$0.content.text.contains(closing) })

        let server = try FakePlatformServer("fake_llm.py")
        try server.script(raw: [["match": "/chat/completions",
                                 "content": ##"{"drafts":[{"platform":"facebook","text":"From the model.","confidence":0.8}],"imageBrief":""}"##]])
        let model = LLMClient(provider: OpenAIChatProvider(baseURL: server.base + "/v1", apiKey: "k"), settings: LLMSettings(), pause: { _ in })
        _ = try draft("Gift cards", client: model)
        let sent = try #require(try server.received().last?.json?["messages"] as? [[String: String]])
        #expect(sent[0]["content"]?.contains("never write them again: \"\(closing)\"") == true)
        #expect(sent[0]["content"]?.contains("\"See you at the counter.\"") == true)
    }

    @Test func editorsWhoShortenAndStripHashtagsGetShorterDraftsWithOneTag() throws {
        let a = try draft("Winter single-origin espresso", [.linkedin])[0]
        let tags = PlatformRules.hashtags(in: a.content.text).count
        #expect(tags >= 2)
        let short = EditLesson.lines(a.content.text).first!
        try p.w.workflow.editText(a._id, to: short, seen: a.content.text, by: identity(of: p.manager))
        try p.w.workflow.approve(a._id, by: identity(of: p.manager))
        let b = try draft("Winter single-origin espresso", [.linkedin])[0]
        #expect(b.content.text.count < a.content.text.count)
        #expect(PlatformRules.hashtags(in: b.content.text).count <= 1)
    }

    @Test func anApprovalAsWrittenOrOfAPersonsPostTeachesNothing() throws {
        let post = try draft("Cold brew season")[0]
        try p.w.workflow.approve(post._id, by: identity(of: p.manager))
        let human = try p.pendingPost("Written by a person")
        try p.w.workflow.approve(human._id, by: identity(of: p.manager))
        #expect(try AgentPreferences(store: p.store).of(p.org._id) == AgentPreferences.Learned())
        #expect(try ModelCollection(p.store, AgentRun.self).count(.eq("agentType", AgentType.learning)) == 0)
    }
}
