import Foundation
import SocialdeckModel
import SocialdeckStorage

extension ContentWorkflow {
    /// Puts a decided draft back in the queue: the approval queue's undo.
    @discardableResult
    public func reopen(_ id: ObjectId, by identity: Identity) throws -> Content {
        var post = try revision(id, for: identity)
        let before = post.before
        try AccessControl.authorize(identity, before.approval.status == .rejected ? .rejectContent : .approveContent,
                                    organizationId: before.organizationId)
        guard before.approval.status != .pending else { return before }
        guard !before.isGoingOut else {
            throw CoreError.conflict("post \(id.hex) is already going out; it cannot return to the queue")
        }
        Self.returnToPending(&post)
        let now = clock()
        guard try post.write(to: store, at: now) else { throw CoreError.conflict("post \(id.hex) changed a moment ago") }
        let after = try post.after()
        let encoder = DocumentEncoder()
        try audit.record(.init(action: "content_reopened", targetType: .content, targetId: id, organizationId: before.organizationId,
                               before: try encoder.encode(before.approval), after: try encoder.encode(after.approval)), by: identity)
        return after
    }

    /// Replaces a post's text, if it still reads `seen` (the text the editor opened
    /// with): someone else's change in the meantime is a conflict, not overwritten.
    /// Over-limit text is allowed (the queue marks it) but not empty text. An approved
    /// post goes back to pending, since nobody approved the new text; a post that is
    /// published or going out cannot be edited here.
    @discardableResult
    public func editText(_ id: ObjectId, to text: String, seen: String, by identity: Identity) throws -> PostChange {
        var post = try revision(id, for: identity)
        let before = post.before
        try AccessControl.authorize(identity, .editContent, organizationId: before.organizationId)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw CoreError.invalid("the text cannot be empty") }
        guard text.utf8.count <= 100_000 else { throw CoreError.invalid("the text is too long") }
        guard !before.isGoingOut else {
            throw CoreError.conflict("post \(id.hex) is already published; edit it on the platform")
        }
        guard before.content.text == seen else {
            throw CoreError.conflict("someone changed this post while you were editing it; your text was not saved over theirs")
        }
        post.expect("content.text", .string(seen))
        post.set("content.text", text)
        let wasApproved = before.approval.status == .approved
        if wasApproved { Self.returnToPending(&post) }
        let now = clock()
        guard try post.write(to: store, at: now) else {
            throw CoreError.conflict("someone changed this post while you were editing it; your text was not saved over theirs")
        }
        var changedBefore = Document([.init("text", .string(before.content.text))])
        var changedAfter = Document([.init("text", .string(text))])
        if wasApproved {
            changedBefore.setValue(.string(ApprovalStatus.approved.rawValue), at: "approval.status")
            changedAfter.setValue(.string(ApprovalStatus.pending.rawValue), at: "approval.status")
        }
        try audit.record(.init(action: "content_edited", targetType: .content, targetId: id, organizationId: before.organizationId,
                               before: changedBefore, after: changedAfter,
                               reason: wasApproved ? "edited after approval: back to pending" : nil), by: identity)
        return PostChange(.edited, before: before, after: try post.after())
    }

    /// Pending again: the approval cleared, scheduled entries back to drafts (they keep their times).
    private static func returnToPending(_ post: inout PostRevision) {
        post.set("approval.status", ApprovalStatus.pending)
        for path in ["approval.approvedBy", "approval.approvedAt", "approval.rejectionReason"] { post.set(path, nil as BSONValue?) }
        post.changePlatforms(where: { $0.status == .scheduled }) { $0.status = .draft }
    }
}

extension Content {
    /// Some platform entry is publishing or published: the post can no longer change here.
    var isGoingOut: Bool { platforms.contains { [.publishing, .published].contains($0.status) } }
}
