import Foundation
import SocialdeckModel
import SocialdeckStorage

extension ContentAgent {
    /// What an optimisation made: the improved copy as a new draft for approval (nil when
    /// nothing needed changing), the changes named, and the run.
    public struct Optimized: Sendable {
        public var post: Content?
        public var changes: [String]
        public var run: AgentRun
    }

    /// Improves an existing post for one of its platforms, from what the organization's
    /// reviewers taught the agents and its best posts. The original is left as it is; the
    /// improved copy waits in the approval queue.
    public func optimize(_ postId: ObjectId, platform: Platform? = nil, by identity: Identity) throws -> Optimized {
        let original = try ContentWorkflow(store: store, clock: clock).post(postId, for: identity)
        try AccessControl.authorize(identity, .createContent, organizationId: original.organizationId)
        guard let target = platform ?? original.platforms.first?.platform, original.platforms.contains(where: { $0.platform == target }) else {
            throw CoreError.invalid("the post is not for \(platform?.displayName ?? "any platform")")
        }
        let text = original.platforms.first { $0.platform == target }?.text ?? original.content.text
        let rules = PlatformRules.of(target)
        let learned = try AgentPreferences(store: store).of(original.organizationId)
        let history = try PublishedHistory(store: store, organizationId: original.organizationId, since: clock().addingTimeInterval(-90 * 86_400))
        let brief = OptimizeBrief(text: text, platform: target.rawValue, limit: rules.textLimit, maxHashtags: rules.hashtagLimit,
                                  counting: ContentBrief.Target(target).counting, avoid: learned.avoid, cut: learned.cut,
                                  bestPosts: history.posts.sorted { $0.rate > $1.rate }.prefix(3).map(\.title))
        var made = Optimized(post: nil, changes: [], run: AgentRun())
        let ask = ModelTask.Ask(agent: .content, task: "optimize_content", organizationId: original.organizationId,
                                instruction: "Improve this \(target.displayName) post within its limit. Keep its meaning and facts; name each change.",
                                brief: ModelTask.json(brief), schema: (OptimizeBrief.schemaName, OptimizeBrief.schema),
                                systemLines: Self.lessons(learned), input: ["contentId": .objectId(postId), "platform": .string(target.rawValue)])
        made.run = try ModelTask(store: store, client: client, clock: clock).run(ask) { answer, run in
            let object = ModelTask.object(answer)
            made.changes = ((object["changes"] as? [Any]) ?? []).prefix(10).compactMap { ModelTask.clean($0, limit: 300) }
            guard let better = ModelTask.clean(object["text"], limit: 63_206), better != text else { return ["changed": .bool(false)] }
            let check = PostCheck(text: better, on: target)
            let blocking = check.reasons.filter { if case .needsMedia = $0 { return false }; return true }
            guard blocking.isEmpty else {
                throw CoreError.invalid("the improved text would be refused by \(target.displayName): " + blocking.map(\.description).joined(separator: ", "))
            }
            try PlanLimits(store: store).check(.posts, original.organizationId, at: clock())
            var post = Content()
            post.organizationId = original.organizationId
            post.userId = identity.actorId ?? original.userId
            post.title = String(original.title.prefix(74)) + " (improved)"
            post.content.text = better
            post.content.images = original.content.images
            post.content.videos = original.content.videos
            post.content.hashtags = PlatformRules.hashtags(in: better).map(String.init)
            post.platforms = [Content.PlatformPost(platform: target, status: .draft)]
            post.aiGenerated = ModelTask.aiRecord(answer, run: run, prompt: "optimise \(postId.hex)", text: better,
                                                  confidence: object["confidence"], at: clock())
            post.createdAt = clock()
            post.updatedAt = clock()
            try ContentWorkflow.insertMade(post, store: store, clock: clock)
            made.post = post
            return ["changed": .bool(true), "draft": .objectId(post._id), "changes": .array(made.changes.map { .string($0) })]
        }
        return made
    }
}
