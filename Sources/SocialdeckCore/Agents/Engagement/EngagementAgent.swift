import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The engagement agent: sorts the organization's new comments and mentions (question,
/// complaint, praise, feedback, spam), ranks them, and drafts a reply for each that
/// needs one. A reply is a pending draft in the approval queue, tied to its comment
/// (`replyTo`): approved, it goes out at once as a reply on the platform, never as a
/// post of its own. LinkedIn and TikTok comments are sorted only: socialdeck answers
/// comments where the platform's API takes replies (``PlatformRequests/takesReplies``).
public struct EngagementAgent: Sendable {
    let store: any DocumentStore
    let client: LLMClient
    let clock: @Sendable () -> Date
    /// Comments one run sorts.
    static let perRun = 25

    public init(store: any DocumentStore, client: LLMClient, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.client = client
        self.clock = clock
    }

    public struct Outcome: Sendable {
        public var triaged: [ObjectId: SocialComment.Category] = [:]
        public var replies: [Content] = []
        /// New comments still waiting after this run.
        public var waiting = 0
        public var run: AgentRun?
    }

    public func triage(_ organizationId: ObjectId, by identity: Identity) throws -> Outcome {
        try AccessControl.authorize(identity, .createContent, organizationId: organizationId)
        guard let org = try ModelCollection(store, Organization.self).get(organizationId) else {
            throw CoreError.notFound("organization \(organizationId.hex)")
        }
        let fresh: Filter = .eq("organizationId", organizationId) && .eq("status", SocialComment.Status.new)
        let comments = try ModelCollection(store, SocialComment.self).find(fresh, sort: [.asc("receivedAt"), .asc("_id")], limit: Self.perRun)
        var outcome = Outcome()
        guard !comments.isEmpty else { return outcome }
        let learned = try AgentPreferences(store: store).of(organizationId)
        let brief = TriageBrief(organization: org.name, brandVoice: try OrganizationAdmin.first(of: organizationId, in: store)?.profile.businessProfile?.brandVoice,
                                avoid: learned.avoid, cut: learned.cut,
                                comments: comments.map { .init(id: $0._id.hex, platform: $0.platform.rawValue, kind: $0.kind.rawValue, author: $0.author, text: $0.text) })
        let ask = ModelTask.Ask(agent: .engagement, task: "triage_comments", organizationId: organizationId,
                                instruction: "Sort each comment, rank it (1 answers first) and write a short reply for each that needs one, "
                                    + "in the organization's voice and within the platform's limit. Never promise what the brief does not say.",
                                brief: ModelTask.json(brief), schema: (TriageBrief.schemaName, TriageBrief.schema),
                                systemLines: ContentAgent.lessons(learned), input: ["comments": .int32(Int32(comments.count))])
        outcome.run = try ModelTask(store: store, client: client, clock: clock).run(ask) { answer, run in
            let byId = Dictionary(uniqueKeysWithValues: comments.map { ($0._id.hex, $0) })
            for item in (ModelTask.object(answer)["items"] as? [[String: Any]]) ?? [] {
                guard let id = item["id"] as? String, let comment = byId[id], outcome.triaged[comment._id] == nil,
                      let category = (item["category"] as? String).flatMap(SocialComment.Category.init(rawValue:)) else { continue }
                var triage = SocialComment.Triage()
                triage.category = category
                triage.priority = min(3, max(1, (item["priority"] as? NSNumber)?.intValue ?? 3))
                triage.sentiment = min(1, max(-1, (item["sentiment"] as? NSNumber)?.doubleValue ?? 0))
                triage.needsReply = (item["needsReply"] as? Bool) ?? false
                triage.triagedAt = clock()
                triage.runId = run._id
                let reply = triage.needsReply && PlatformRequests.takesReplies.contains(comment.platform)
                    ? try draftReply(to: comment, text: ModelTask.clean(item["reply"], limit: 2_000), answer: answer, run: run) : nil
                if let reply { outcome.replies.append(reply) }
                var update = Update.set("status", category == .spam ? SocialComment.Status.dismissed : .triaged)
                    .set("triage", try DocumentEncoder().encodeValue(triage))
                if let reply { update = update.set("replyContentId", reply._id) }
                try store.updateOne(SocialComment.collection.rawValue, .id(comment._id) && .eq("status", SocialComment.Status.new), update)
                outcome.triaged[comment._id] = category
            }
            guard !outcome.triaged.isEmpty else { throw CoreError.invalid("the model sorted none of the \(comments.count) comments") }
            return ["triaged": .int32(Int32(outcome.triaged.count)), "replies": .array(outcome.replies.map { .objectId($0._id) })]
        }
        outcome.waiting = try store.count(SocialComment.collection.rawValue, fresh)
        return outcome
    }

    /// A reply the platform would take, as a pending draft; nil when the model wrote none that fits.
    private func draftReply(to comment: SocialComment, text: String?, answer: LLMClient.Answer, run: AgentRun) throws -> Content? {
        guard let text, PostCheck(text: text, on: comment.platform).reasons.allSatisfy({ if case .needsMedia = $0 { return true }; return false })
        else { return nil }
        var post = Content()
        post.organizationId = comment.organizationId
        post.userId = ObjectId(high: 0, low: 0)
        post.title = String("Reply to \(comment.author)".prefix(80))
        post.content.text = text
        post.platforms = [Content.PlatformPost(platform: comment.platform, status: .draft)]
        var target = Content.ReplyTarget()
        target.commentId = comment._id
        target.externalId = comment.externalId
        target.author = comment.author
        post.replyTo = target
        post.aiGenerated = ModelTask.aiRecord(answer, run: run, prompt: "reply to \(comment.platform.rawValue) comment \(comment.externalId)",
                                              text: text, at: clock())
        post.createdAt = clock()
        post.updatedAt = clock()
        try ContentWorkflow.insertMade(post, store: store, clock: clock)
        return post
    }
}
