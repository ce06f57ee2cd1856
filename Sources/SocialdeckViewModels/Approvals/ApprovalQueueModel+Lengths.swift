import Foundation
import SocialdeckCore
import SocialdeckModel

extension ApprovalQueueModel {
    /// While editing, the text as it stands measured on each of the draft's platforms,
    /// as each platform counts it (X weighs characters): the editor's live "X 295/280".
    public var editorLengths: [QueueItem.PlatformLength]? {
        guard case .editing(let editor, let target, _) = mode, let item = all.first(where: { $0.id == target }) else { return nil }
        let text = editor.text
        return item.platforms.map { QueueItem.PlatformLength(platform: $0, count: PostLength.count(text, on: $0)) }
    }

    /// While rejecting, the reason's length as the core counts it, against the core's limit.
    public var reasonLength: (count: Int, limit: Int)? {
        guard case .rejecting(let reason, _) = mode else { return nil }
        return (reason.text.trimmingCharacters(in: .whitespacesAndNewlines).count, ContentWorkflow.rejectionReasonLimit)
    }
}
