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
        try revision(id, for: identity).before
    }

    /// Pending drafts, soonest first; staff see every organization unless one is given.
    public func approvalQueue(for identity: Identity, organizationId: ObjectId? = nil, limit: Int = 200) throws -> [Content] {
        try AccessControl.authorize(identity, .viewContent, organizationId: organizationId ?? identity.organizationId)
        var filter = Filter.eq("approval.status", ApprovalStatus.pending) && AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        // Drafts with a time first, soonest first; drafts without one fill what is left.
        // One query sorted by time would put every untimed draft first (a missing value
        // sorts lowest), so a queue with more of those than `limit` never showed the
        // drafts that are due.
        let timed = try posts.find(filter && .exists("platforms.scheduledAt", true), sort: [.asc("platforms.scheduledAt")],
                                   limit: limit)
        guard timed.count < limit else { return timed }
        return timed + (try posts.find(filter && .exists("platforms.scheduledAt", false), sort: [.asc("_id")],
                                       limit: limit - timed.count))
    }

    /// Approves a pending draft; what it changed comes back, for undo.
    @discardableResult
    public func approve(_ id: ObjectId, by identity: Identity) throws -> PostChange {
        let change = try decide(id, by: identity, action: .approveContent) { post, now in
            post.set("approval.status", ApprovalStatus.approved)
            post.set("approval.approvedBy", identity.actorId)
            post.set("approval.approvedAt", now)
            post.set("approval.rejectionReason", nil as BSONValue?)
            post.changePlatforms(where: { $0.status == .draft && $0.scheduledAt != nil }) { $0.status = .scheduled }
            // A reply to a comment goes out once approved: it answers someone waiting.
            if post.before.replyTo != nil {
                post.changePlatforms(where: { $0.status == .draft && $0.scheduledAt == nil }) { $0.status = .scheduled; $0.scheduledAt = now }
            }
        }
        // An agent's draft approved after an edit teaches the agents what the editor changed.
        if let post = try ModelCollection(store, Content.self).get(id) { try LearningAgent(store: store, clock: clock).learnFromApproval(post) }
        return change
    }

    /// Rejects a pending draft with the reason its author will read; what it changed comes back, for undo.
    @discardableResult
    public func reject(_ id: ObjectId, reason: String, by identity: Identity) throws -> PostChange {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw CoreError.invalid("a rejection needs a reason") }
        guard reason.count <= Self.rejectionReasonLimit else {
            throw CoreError.invalid("keep the reason under \(Self.rejectionReasonLimit) characters")
        }
        let change = try decide(id, by: identity, action: .rejectContent, reason: reason) { post, _ in
            post.set("approval.status", ApprovalStatus.rejected)
            post.set("approval.rejectionReason", reason)
            post.set("approval.approvedBy", nil as BSONValue?)
            post.set("approval.approvedAt", nil as BSONValue?)
        }
        // An agent's draft turned down teaches the agents what to avoid next time.
        if let post = try ModelCollection(store, Content.self).get(id) {
            try LearningAgent(store: store, clock: clock).learnFromRejection(post, reason: reason)
        }
        return change
    }

    public static let rejectionReasonLimit = 500

    private func decide(_ id: ObjectId, by identity: Identity, action: Action, reason: String? = nil,
                        _ change: (inout PostRevision, Date) -> Void) throws -> PostChange {
        var post = try revision(id, for: identity)
        try AccessControl.authorize(identity, action, organizationId: post.before.organizationId)
        guard post.before.approval.status == .pending else {
            throw CoreError.conflict("post \(id.hex) is already \(post.before.approval.status.rawValue)")
        }
        let now = clock()
        change(&post, now)
        guard try post.write(to: store, at: now) else {
            throw CoreError.conflict("post \(id.hex) was decided or changed by someone else a moment ago")
        }
        let after = try post.after()
        let encoder = DocumentEncoder()
        try audit.record(.init(action: action == .approveContent ? "content_approved" : "content_rejected",
                               targetType: .content, targetId: id, organizationId: after.organizationId,
                               before: try encoder.encode(post.before.approval), after: try encoder.encode(after.approval),
                               reason: reason), by: identity)
        return PostChange(action == .approveContent ? .approved : .rejected, before: post.before, after: after)
    }

    /// The post as stored, ready to change; another organization's post is "not found".
    func revision(_ id: ObjectId, for identity: Identity) throws -> PostRevision {
        guard let stored = try store.findOne(Content.collection.rawValue, .id(id) && AccessControl.scope(identity)) else {
            throw CoreError.notFound("post \(id.hex)")
        }
        let revision = try PostRevision(stored: stored)
        try AccessControl.authorize(identity, .viewContent, organizationId: revision.before.organizationId)
        return revision
    }
}
