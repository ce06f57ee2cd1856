import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The content agent's drafting task: one draft per platform for a topic, within each
/// platform's limits, into the approval queue as pending drafts with their `aiGenerated`
/// record (agent, model, provider, run, confidence). Nothing it writes is published
/// before a person approves it. The organization's voice, industry and audience come
/// from its admin's business profile; what people taught the agent comes from its
/// memory (``AgentPreferences``).
public struct ContentAgent: Sendable {
    let store: any DocumentStore
    let client: LLMClient
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, client: LLMClient, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.client = client
        self.clock = clock
    }

    /// What a run made.
    public struct Drafts: Sendable {
        public var posts: [Content]
        public var run: AgentRun
        /// Drafts the model wrote that a platform would refuse, and why; they were not saved.
        public var refused: [String]
        /// AI generations used this month, this run included, and the plan's limit (nil: none).
        public var generationsUsed = 0
        public var generationsLimit: Int?
        /// The image made from the drafts' image brief, where an image model is configured.
        public var image: GeneratedMedia?
        /// Why no image was made although one was asked for; the drafts stand without it.
        public var imageError: String?
    }

    /// Where a draft belongs when a calendar plan asked for it: its planned time, and the
    /// plan entry ("planId:index"), so that an entry is drafted once.
    public struct Planned: Sendable, Equatable {
        public var at: Date
        public var entry: String
    }

    public func draft(topic: String, keyPoints: [String] = [], platforms: [Platform], organizationId: ObjectId, planned: Planned? = nil,
                      by identity: Identity) throws -> Drafts {
        try AccessControl.authorize(identity, .createContent, organizationId: organizationId)
        let clean = topic.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty, clean.count <= 500 else { throw CoreError.invalid("give a topic of 1 to 500 characters") }
        // A topic goes into the prompt and into every draft: no terminal escapes ride along.
        guard !SafeText.hasControls(clean + keyPoints.joined()) else {
            throw CoreError.invalid("the topic holds control characters (an escape sequence?); type it as plain text")
        }
        guard !platforms.isEmpty else { throw CoreError.invalid("choose at least one platform") }
        guard try store.findOne(Organization.collection.rawValue, .id(organizationId)) != nil else {
            throw CoreError.notFound("organization \(organizationId.hex)")
        }
        let limits = PlanLimits(store: store)
        let quota = try limits.check(.aiGenerations, organizationId, at: clock())
        let postsLeft = try limits.check(.posts, organizationId, at: clock()).left
        let agent = try AgentRunRecorder(store: store, clock: clock).agent(.content)
        var brief = ContentBrief(topic: clean, platforms: platforms)
        brief.keyPoints = keyPoints
        let profile = try OrganizationAdmin.first(of: organizationId, in: store)?.profile.businessProfile
        brief.brandVoice = profile?.brandVoice
        brief.industry = profile?.industry
        brief.audience = profile?.targetAudience
        let learned = agent.uses(.contentSearch) ? try AgentPreferences(store: store).of(organizationId) : AgentPreferences.Learned()
        brief.avoid = learned.avoid
        brief.prefer = learned.prefer
        brief.cut = learned.cut
        brief.added = learned.added
        let recalled = agent.uses(.contentSearch)
            ? try AgentMemory(store: store, client: client, clock: clock).recall(([clean] + keyPoints).joined(separator: " "), organizationId: organizationId,
                                                                  kinds: ["winner", "insight"])
            : []
        brief.known = recalled.map(\.text)

        let ask = ModelTask.Ask(agent: .content, task: "generate_content", organizationId: organizationId,
                                instruction: "Write one post per platform for this brief. Keep each within its limit, counted as the brief says.",
                                brief: brief.json, schema: (ContentBrief.schemaName, ContentBrief.schema),
                                systemLines: Self.lessons(learned) + (recalled.isEmpty ? [] : ["What the team knows that bears on this topic: "
                                                                                                + Self.quoted(brief.known)]),
                                input: ["topic": .string(clean), "platforms": .array(platforms.map { .string($0.rawValue) }),
                                        "avoid": .array(learned.avoid.map { .string($0) }), "recalled": .array(recalled.map { .objectId($0._id) })])
        var made = Drafts(posts: [], run: AgentRun(), refused: [], generationsUsed: quota.used + 1, generationsLimit: quota.limit)
        made.run = try ModelTask(store: store, client: client, clock: clock).run(ask) { answer, run in
            (made.posts, made.refused) = try save(answer, platforms: platforms, organizationId: organizationId, topic: clean, run: run,
                                                  planned: planned, postsLeft: postsLeft, by: identity)
            return ["drafts": .array(made.posts.map { .objectId($0._id) }), "refused": .array(made.refused.map { .string($0) })]
        }
        try illustrate(&made, organizationId: organizationId, agent: agent)
        return made
    }

    /// What people taught the agent, as lines of the system prompt.
    static func lessons(_ learned: AgentPreferences.Learned) -> [String] {
        var lines: [String] = []
        if !learned.avoid.isEmpty { lines.append("Reviewers rejected earlier drafts as: " + learned.avoid.joined(separator: "; ") + ". Avoid that.") }
        if !learned.prefer.isEmpty { lines.append("Reviewers liked: " + learned.prefer.joined(separator: "; ") + ".") }
        if !learned.cut.isEmpty { lines.append("Editors cut these lines from earlier drafts; never write them again: " + quoted(learned.cut)) }
        if !learned.added.isEmpty { lines.append("Editors added lines like these; this is how the organization speaks: " + quoted(learned.added)) }
        return lines
    }

    static func quoted(_ lines: [String]) -> String {
        lines.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// Keeps the drafts every target platform can take, as pending drafts, as many as
    /// the plan's posts this month leave room for.
    private func save(_ answer: LLMClient.Answer, platforms: [Platform], organizationId: ObjectId, topic: String, run: AgentRun,
                      planned: Planned?, postsLeft: Int?, by identity: Identity) throws -> ([Content], [String]) {
        let drafts = ((answer.json?.value as? [String: Any])?["drafts"] as? [[String: Any]]) ?? []
        var posts: [Content] = []
        var refused: [String] = []
        let now = clock()
        for draft in drafts {
            guard let platform = (draft["platform"] as? String).flatMap(Platform.init(rawValue:)), platforms.contains(platform),
                  !posts.contains(where: { $0.platforms.first?.platform == platform }), let text = draft["text"] as? String else { continue }
            let check = PostCheck(text: text, on: platform)
            let blocking = check.reasons.filter { if case .needsMedia = $0 { return false }; return true }
            guard blocking.isEmpty else {
                refused.append("\(platform.displayName): " + blocking.map(\.description).joined(separator: ", "))
                continue
            }
            if let postsLeft, posts.count >= postsLeft {
                refused.append("\(platform.displayName): the plan's posts this month are used")
                continue
            }
            var post = Content()
            post.organizationId = organizationId
            post.userId = identity.actorId ?? ObjectId(high: 0, low: 0)
            post.title = String(topic.prefix(80))
            post.content.text = text
            post.content.hashtags = PlatformRules.hashtags(in: text).map(String.init)
            post.platforms = [Content.PlatformPost(platform: platform, status: .draft)]
            post.platforms[0].scheduledAt = planned?.at
            var ai = ModelTask.aiRecord(answer, run: run, prompt: topic, text: text, confidence: draft["confidence"], at: now)
            ai.planEntry = planned?.entry
            ai.imageBrief = ModelTask.clean(ModelTask.object(answer)["imageBrief"], limit: 2_000)
            post.aiGenerated = ai
            post.createdAt = now
            post.updatedAt = now
            try ContentWorkflow.insertMade(post, store: store, clock: clock)
            posts.append(post)
        }
        guard !posts.isEmpty else {
            throw CoreError.invalid("the model wrote no draft a platform would take" + (refused.isEmpty ? "" : ": " + refused.joined(separator: "; ")))
        }
        return (posts, refused)
    }
}
