import Foundation
import SocialdeckModel

extension ApprovalQueueModel {
    /// The keys the over-the-limit question answers to, as the footer says them.
    public static let limitHint = "y approve anyway · n or esc cancel"

    /// While approving waits for a yes: the question, naming each platform and count.
    /// One draft: "X: 295/280 characters — approve anyway? y/n". Several: a line that
    /// says how many are over, one line per offender, then the question.
    public var limitQuestion: [String]? {
        guard case .confirmingApproval(let targets, let offenders) = mode else { return nil }
        if targets.count == 1, let only = offenders.first {
            return [Self.counts(only.over) + " characters — approve anyway? y/n"]
        }
        let header = "\(offenders.count) of \(targets.count) drafts are over a platform's limit:"
        let lines = offenders.map { PostDeparture.quoted($0.title) + " " + Self.counts($0.over) }
        return [header] + lines + ["approve all \(targets.count) anyway? y/n"]
    }

    /// "X: 295/280, LinkedIn: 3100/3000".
    static func counts(_ over: [QueueItem.PlatformLength]) -> String {
        over.map { "\($0.platform.displayName): \($0.count)/\($0.limit)" }.joined(separator: ", ")
    }
}
