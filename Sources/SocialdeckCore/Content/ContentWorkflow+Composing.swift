import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Writing posts: a new one from the composer, a copy of one, and taking one away.
/// Each checks the permission matrix and the organization, keeps the daily rollups,
/// and is audited.
extension ContentWorkflow {
    /// Saves a composed post. Every target platform must accept it (its count within
    /// the limit, the media it needs): a post that cannot go somewhere is refused with
    /// each platform's reason rather than saved to fail at publishing time. `.schedule`
    /// needs a role that may publish and approves the post as its author's decision.
    @discardableResult
    public func compose(_ draft: PostDraft, by identity: Identity) throws -> Content {
        let now = clock()
        var draft = draft
        if draft.intent == .publishNow { draft.scheduledAt = now }
        guard let org = draft.organizationId ?? identity.organizationId else {
            throw CoreError.invalid("choose the organization the post is for")
        }
        try AccessControl.authorize(identity, .createContent, organizationId: org)
        if draft.intent != .forApproval { try AccessControl.authorize(identity, .publishContent, organizationId: org) }
        guard try store.findOne(CollectionName.organizations.rawValue, .id(org)) != nil else {
            throw CoreError.notFound("organization \(org.hex)")
        }
        try Self.check(draft, at: now)

        var post = Content()
        post.organizationId = org
        post.userId = identity.actorId ?? ObjectId(high: 0, low: 0)
        post.title = draft.listTitle
        post.content.text = draft.text
        post.content.hashtags = PlatformRules.hashtags(in: draft.text).map(String.init)
        (post.content.images, post.content.videos) = draft.mediaByKind
        let status: PostStatus = draft.intent == .forApproval ? .draft : .scheduled
        post.platforms = draft.platforms.map { platform in
            var entry = Content.PlatformPost(platform: platform, status: status, scheduledAt: draft.scheduledAt)
            if let variant = draft.variants[platform], variant != draft.text { entry.text = variant }
            return entry
        }
        if draft.intent != .forApproval {
            post.approval.status = .approved
            post.approval.approvedBy = identity.actorId
            post.approval.approvedAt = now
        }
        post.createdAt = now
        post.updatedAt = now
        try insert(post, action: "content_created", by: identity)
        return post
    }

    /// A copy of a post as a new draft for approval: the same words, media and
    /// platforms, off the calendar, with none of the original's figures or decisions.
    @discardableResult
    public func duplicate(_ id: ObjectId, by identity: Identity) throws -> Content {
        let original = try post(id, for: identity)
        try AccessControl.authorize(identity, .createContent, organizationId: original.organizationId)
        let now = clock()
        var copy = Content()
        copy.organizationId = original.organizationId
        copy.userId = identity.actorId ?? original.userId
        copy.type = original.type
        copy.title = original.title.hasSuffix(" (copy)") ? original.title : original.title + " (copy)"
        copy.content = original.content
        copy.platforms = original.platforms.map { entry in
            var fresh = Content.PlatformPost(platform: entry.platform, status: .draft)
            fresh.text = entry.text
            return fresh
        }
        copy.createdAt = now
        copy.updatedAt = now
        try insert(copy, action: "content_duplicated", info: Document([.init("from", .objectId(id))]), by: identity)
        return copy
    }

    /// Takes a post away (a soft delete: it stays in the store with `deletedAt`, out of
    /// every list). A post on its way out cannot be taken back here.
    public func delete(_ id: ObjectId, by identity: Identity) throws {
        var post = try revision(id, for: identity)
        let before = post.before
        try AccessControl.authorize(identity, .deleteContent, organizationId: before.organizationId)
        guard !before.platforms.contains(where: { $0.status == .publishing }) else {
            throw CoreError.conflict("“\(before.title)” is being published right now; delete it once that has finished")
        }
        let now = clock()
        post.set("deletedAt", now)
        guard try post.write(to: store, at: now) else { throw CoreError.conflict("post \(id.hex) changed a moment ago; look again") }
        try audit.record(.init(action: "content_deleted", targetType: .content, targetId: id, organizationId: before.organizationId,
                               before: Document([.init("title", .string(before.title))])), by: identity)
    }

    private func insert(_ post: Content, action: String, info: Document? = nil, by identity: Identity) throws {
        try PlanLimits(store: store).check(.posts, post.organizationId, at: clock())
        try Self.insertMade(post, store: store, clock: clock)
        let summary = Document([.init("title", .string(post.title)), .init("approval", .string(post.approval.status.rawValue)),
                                .init("platforms", .array(post.platforms.map { .string($0.platform.rawValue) }))])
        try audit.record(.init(action: action, targetType: .content, targetId: post._id, organizationId: post.organizationId,
                               after: summary, info: info), by: identity)
    }

    /// Stores a new post with its calendar counts; the recurring runs make posts this way
    /// too, with no person behind each one.
    static func insertMade(_ post: Content, store: any DocumentStore, clock: @escaping @Sendable () -> Date) throws {
        let doc = try DocumentEncoder().encode(post)
        try ContentRollups(store: store, clock: clock).writing(ContentRollups.keys(of: doc)) {
            try store.insertOne(doc, into: Content.collection.rawValue)
        }
        if post.approval.status == .pending { try Notifier(store: store, clock: clock).approvalRequested(post) }
    }

    /// Why a draft cannot be saved, every reason at once.
    static func check(_ draft: PostDraft, at now: Date) throws {
        guard !draft.platforms.isEmpty else { throw CoreError.invalid("choose at least one platform") }
        guard Set(draft.platforms).count == draft.platforms.count else { throw CoreError.invalid("a platform is chosen twice") }
        let texts = [draft.text] + Array(draft.variants.values)
        guard texts.allSatisfy({ $0.utf8.count <= 100_000 }) else { throw CoreError.invalid("the text is too long") }
        let refused = draft.checks.filter { !$0.canPost }
        if !refused.isEmpty {
            let reasons = refused.map { check in
                "\(check.platform.displayName): " + check.reasons.map(\.description).joined(separator: ", ")
            }
            throw CoreError.invalid("the post cannot go out as it is: " + reasons.joined(separator: "; "))
        }
        if let at = draft.scheduledAt, at < now {
            throw CoreError.invalid("\(ISODate.string(from: at)) has passed: a post cannot be scheduled in the past")
        }
        if draft.intent == .schedule && draft.scheduledAt == nil {
            throw CoreError.invalid("a time is needed to schedule the post")
        }
    }
}
