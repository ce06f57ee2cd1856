import Foundation
import SocialdeckModel
import SocialdeckStorage

extension ContentWorkflow {
    /// Puts a post back as it was before `change`: its approval, its text and its
    /// platform entries' statuses and times, whichever the change touched.
    ///
    /// The undo needs what the change needed (and, for an edit that took back an
    /// approval, the right to approve). It is refused, with nothing written, when the
    /// post no longer reads as the change left it (someone decided, edited or moved it
    /// since), when it is going out, or when it would go back to a time that has
    /// passed. Like every write it is a compare-and-set on what it read.
    @discardableResult
    public func undo(_ change: PostChange, by identity: Identity) throws -> Content {
        var post = try revision(change.id, for: identity)
        let current = post.before
        try AccessControl.authorize(identity, change.action, organizationId: current.organizationId)
        let was = change.before
        if change.kind == .edited, was.approval != current.approval {
            try AccessControl.authorize(identity, .approveContent, organizationId: current.organizationId)
        }
        let title = "“\(current.title)”"
        guard current.hasSameWorkflowState(as: change.after), was.platforms.count == current.platforms.count else {
            throw CoreError.conflict("\(title) was changed by someone else since; nothing was undone")
        }
        // A post going out keeps its approval and text; its other entries' times may still move back.
        if was.approval != current.approval || was.content.text != current.content.text, current.isGoingOut {
            throw CoreError.conflict("\(title) is already going out; nothing was undone")
        }
        let now = clock()
        for (entry, old) in zip(current.platforms, was.platforms) where entry.scheduledAt != old.scheduledAt {
            if let time = old.scheduledAt, time < now {
                throw CoreError.conflict("\(title) would go back to \(ISODate.string(from: time)), which has passed; nothing was undone")
            }
        }

        if was.approval != current.approval {
            post.set("approval.status", was.approval.status)
            post.set("approval.approvedBy", was.approval.approvedBy)
            post.set("approval.approvedAt", was.approval.approvedAt)
            post.set("approval.rejectionReason", was.approval.rejectionReason)
        }
        if was.content.text != current.content.text {
            post.expect("content.text", .string(current.content.text))
            post.set("content.text", was.content.text)
        }
        for (index, old) in was.platforms.enumerated() {
            post.setPlatform(index, status: old.status, scheduledAt: old.scheduledAt)
        }
        guard !post.isEmpty else { return current }
        guard try post.write(to: store, at: now) else {
            throw CoreError.conflict("\(title) was changed by someone else a moment ago; nothing was undone")
        }
        let after = try post.after()
        try audit.record(.init(action: "content_undone", targetType: .content, targetId: change.id,
                               organizationId: current.organizationId,
                               before: try Self.workflowState(current), after: try Self.workflowState(after),
                               reason: "undo of \(change.auditAction)"), by: identity)
        return after
    }

    /// The fields an undo may put back, for the audit trail.
    private static func workflowState(_ post: Content) throws -> Document {
        let encoder = DocumentEncoder()
        return Document([.init("approval", try encoder.encodeValue(post.approval)), .init("text", .string(post.content.text)),
                         .init("platforms", try encoder.encodeValue(post.platforms))])
    }
}
