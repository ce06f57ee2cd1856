import Foundation
import SocialdeckModel

/// One change the core made to a post, as the post read just before and just after
/// the write. It is what an undo needs: the state to put back, and the state the post
/// must still be in for the undo to go through. Only the core makes these, so an undo
/// never writes a state a caller made up; the caller can only hand one back.
public struct PostChange: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case approved, rejected, edited, rescheduled, unscheduled
    }

    public let kind: Kind
    public let before: Content
    public let after: Content

    init(_ kind: Kind, before: Content, after: Content) {
        self.kind = kind
        self.before = before
        self.after = after
    }

    public var id: ObjectId { after._id }

    /// What the change needed; undoing it needs the same.
    var action: Action {
        switch kind {
        case .approved: return .approveContent
        case .rejected: return .rejectContent
        case .edited: return .editContent
        case .rescheduled, .unscheduled: return .scheduleContent
        }
    }

    /// The audit trail's name for the change.
    var auditAction: String {
        switch kind {
        case .approved: return "content_approved"
        case .rejected: return "content_rejected"
        case .edited: return "content_edited"
        case .rescheduled: return "content_rescheduled"
        case .unscheduled: return "content_unscheduled"
        }
    }
}

extension Content {
    /// The parts of a post the dashboard's writes change (the approval, the text, and each
    /// platform entry's status and time) read the same in both. Metrics and other fields a
    /// sync may update meanwhile do not count.
    func hasSameWorkflowState(as other: Content) -> Bool {
        approval == other.approval && content.text == other.content.text && platforms.count == other.platforms.count
            && zip(platforms, other.platforms).allSatisfy {
                $0.platform == $1.platform && $0.status == $1.status && $0.scheduledAt == $1.scheduledAt
            }
    }
}
