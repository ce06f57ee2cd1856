import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The learning agent: turns what people do with the agents' drafts into the
/// organization's preferences (``AgentPreferences``) that the next prompts and the
/// offline writer use. A rejection's reason is remembered as it was given; an approval
/// of an edited draft teaches the lines cut, the lines added and the habits behind them
/// (``EditLesson``). Each lesson is a learning agent run. The agent switched off, or off
/// for the organization, learns nothing, and the person's action stands either way.
struct LearningAgent {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    func learnFromRejection(_ post: Content, reason: String) throws {
        guard post.aiGenerated?.isAiGenerated == true, let agent = try working(for: post) else { return }
        try record(agent, task: "learn_from_rejection", post: post, lessons: 1) {
            try AgentPreferences(store: store).remember(reason, organizationId: post.organizationId, at: clock())
        }
    }

    /// An approved agent draft: what the editor changed, if anything.
    func learnFromApproval(_ post: Content) throws {
        guard let ai = post.aiGenerated, ai.isAiGenerated, let draft = ai.draftText, draft != post.content.text,
              let agent = try working(for: post) else { return }
        let lesson = EditLesson(draft: draft, approved: post.content.text)
        guard !lesson.isEmpty else { return }
        let preferences = AgentPreferences(store: store)
        let now = clock()
        try record(agent, task: "learn_from_edit", post: post, lessons: lesson.cut.count + lesson.added.count + lesson.habits.count) {
            for line in lesson.cut { try preferences.remember(line, line: true, organizationId: post.organizationId, at: now) }
            for line in lesson.added { try preferences.remember(line, prefer: true, line: true, organizationId: post.organizationId, at: now) }
            for habit in lesson.habits { try preferences.remember(habit, organizationId: post.organizationId, at: now) }
        }
    }

    private func working(for post: Content) throws -> AIAgent? {
        let agent = try AgentRunRecorder(store: store, clock: clock).agent(.learning)
        return agent.isEnabled(for: post.organizationId) ? agent : nil
    }

    /// A lesson recorded as a learning run; a lesson that fails is recorded as failed and
    /// the person's action stands.
    private func record(_ agent: AIAgent, task: String, post: Content, lessons: Int, _ body: () throws -> Void) throws {
        _ = try AgentRunRecorder(store: store, clock: clock).computed(agent, task, organizationId: post.organizationId,
                                                                       input: ["contentId": .objectId(post._id)]) {
            try body()
            return ["lessons": .int32(Int32(lessons))]
        }
    }
}
