import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Approving and rejecting drafts: the approval queue's commands. Every call checks
/// the permission matrix and the organization, writes atomically (a draft decided
/// by someone else in the meantime is a conflict, not a second decision), and is audited.
public struct ContentWorkflow: Sendable {
    let store: any DocumentStore
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    var posts: ModelCollection<Content> { ModelCollection(store) }

    /// A post the identity may see; another organization's post is "not found".
    public func post(_ id: ObjectId, for identity: Identity) throws -> Content {
        guard let post = try posts.first(.id(id) && AccessControl.scope(identity)) else {
            throw CoreError.notFound("post \(id.hex)")
        }
        try AccessControl.authorize(identity, .viewContent, organizationId: post.organizationId)
        return post
    }

    /// Pending drafts, soonest first; staff see every organization unless one is given.
    public func approvalQueue(for identity: Identity, organizationId: ObjectId? = nil, limit: Int = 200) throws -> [Content] {
        try AccessControl.authorize(identity, .viewContent, organizationId: organizationId ?? identity.organizationId)
        var filter = Filter.eq("approval.status", ApprovalStatus.pending) && AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        return try posts.find(filter, sort: [.asc("platforms.scheduledAt")], limit: limit)
    }

    @discardableResult
    public func approve(_ id: ObjectId, by identity: Identity) throws -> Content {
        try decide(id, by: identity, action: .approveContent) { post, now in
            post.approval.status = .approved
            post.approval.approvedBy = identity.actorId
            post.approval.approvedAt = now
            post.approval.rejectionReason = nil
            for i in post.platforms.indices where post.platforms[i].status == .draft && post.platforms[i].scheduledAt != nil {
                post.platforms[i].status = .scheduled
            }
        }
    }

    @discardableResult
    public func reject(_ id: ObjectId, reason: String, by identity: Identity) throws -> Content {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CoreError.invalid("a rejection needs a reason") }
        guard reason.count <= 500 else { throw CoreError.invalid("keep the reason under 500 characters") }
        return try decide(id, by: identity, action: .rejectContent, reason: reason) { post, _ in
            post.approval.status = .rejected
            post.approval.rejectionReason = reason
            post.approval.approvedBy = nil
            post.approval.approvedAt = nil
        }
    }

    private func decide(_ id: ObjectId, by identity: Identity, action: Action, reason: String? = nil,
                        _ change: (inout Content, Date) -> Void) throws -> Content {
        let before = try post(id, for: identity)
        try AccessControl.authorize(identity, action, organizationId: before.organizationId)
        guard before.approval.status == .pending else {
            throw CoreError.conflict("post \(id.hex) is already \(before.approval.status.rawValue)")
        }
        let now = clock()
        var after = before
        change(&after, now)
        after.updatedAt = now
        let encoder = DocumentEncoder()
        let newDoc = try encoder.encode(after)
        // Setting `approval` whole also drops a stale rejectionReason, which the encoder leaves out when nil.
        let update = Update().set("approval", newDoc["approval"]!).set("platforms", newDoc["platforms"]!).set("updatedAt", now)
        guard try store.findOneAndUpdate(Content.collection.rawValue,
                                         .id(id) && .eq("approval.status", ApprovalStatus.pending),
                                         sort: [], update, returnUpdated: true) != nil else {
            throw CoreError.conflict("post \(id.hex) was decided by someone else a moment ago")
        }
        try audit.record(.init(action: action == .approveContent ? "content_approved" : "content_rejected",
                               targetType: .content, targetId: id, organizationId: before.organizationId,
                               before: try encoder.encode(before.approval), after: try encoder.encode(after.approval),
                               reason: reason), by: identity)
        return after
    }
}

extension ContentWorkflow {
    /// Puts a decided draft back in the queue: the approval queue's undo.
    @discardableResult
    public func reopen(_ id: ObjectId, by identity: Identity) throws -> Content {
        let before = try post(id, for: identity)
        try AccessControl.authorize(identity, before.approval.status == .rejected ? .rejectContent : .approveContent,
                                    organizationId: before.organizationId)
        guard before.approval.status != .pending else { return before }
        guard !before.platforms.contains(where: { [.publishing, .published].contains($0.status) }) else {
            throw CoreError.conflict("post \(id.hex) is already going out; it cannot return to the queue")
        }
        let now = clock()
        var after = before
        after.approval = Content.Approval()
        for i in after.platforms.indices where after.platforms[i].status == .scheduled { after.platforms[i].status = .draft }
        after.updatedAt = now
        let encoder = DocumentEncoder()
        let doc = try encoder.encode(after)
        guard try store.findOneAndUpdate(Content.collection.rawValue, .id(id) && .eq("approval.status", before.approval.status),
                                         sort: [], Update.set("approval", doc["approval"]!).set("platforms", doc["platforms"]!)
                                            .set("updatedAt", now), returnUpdated: true) != nil else {
            throw CoreError.conflict("post \(id.hex) changed a moment ago")
        }
        try audit.record(.init(action: "content_reopened", targetType: .content, targetId: id, organizationId: before.organizationId,
                               before: try encoder.encode(before.approval), after: try encoder.encode(after.approval)), by: identity)
        return after
    }

    /// Replaces a draft's text. Over-limit text is allowed (the queue marks it) but not empty text.
    @discardableResult
    public func editText(_ id: ObjectId, to text: String, by identity: Identity) throws -> Content {
        let before = try post(id, for: identity)
        try AccessControl.authorize(identity, .editContent, organizationId: before.organizationId)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CoreError.invalid("the text cannot be empty") }
        guard text.utf8.count <= 100_000 else { throw CoreError.invalid("the text is too long") }
        guard before.platforms.allSatisfy({ ![.publishing, .published].contains($0.status) }) else {
            throw CoreError.conflict("post \(id.hex) is already published; edit it on the platform")
        }
        let now = clock()
        var after = before
        after.content.text = text
        after.updatedAt = now
        try store.updateOne(Content.collection.rawValue, .id(id), Update.set("content.text", text).set("updatedAt", now))
        try audit.record(.init(action: "content_edited", targetType: .content, targetId: id, organizationId: before.organizationId,
                               before: Document([.init("text", .string(before.content.text))]),
                               after: Document([.init("text", .string(text))])), by: identity)
        return after
    }
}
