import Foundation
import SocialdeckCore
import SocialdeckModel

/// Changes to posts in words, for the undo offer and for what an undo says it did:
/// "approved “Compostable bags”", "undid: moved “X” back to Tue 3 Dec 09:00".
public enum ChangeDescription {
    /// What `changes` (one command's) did.
    public static func done(_ changes: [PostChange], zone: TimeZone) -> String {
        guard let first = changes.first else { return "nothing" }
        switch first.kind {
        case .approved: return "approved " + subject(changes)
        case .rejected: return "rejected " + subject(changes)
        case .edited: return "edited " + subject(changes)
        case .rescheduled: return "moved \(subject(changes))" + (time(first.after, zone).map { " to \($0)" } ?? "")
        case .unscheduled: return "unscheduled " + subject(changes)
        }
    }

    /// What undoing `changes` did.
    public static func undone(_ changes: [PostChange], zone: TimeZone) -> String {
        guard let first = changes.first else { return "nothing to undo" }
        switch first.kind {
        case .approved: return "undid: approved \(subject(changes)); back in the queue"
        case .rejected: return "undid: rejected \(subject(changes)); back in the queue"
        case .edited: return "undid: edited \(subject(changes)); the earlier text is back"
        case .rescheduled: return "undid: moved \(subject(changes)) back" + (time(first.before, zone).map { " to \($0)" } ?? "")
        case .unscheduled: return "undid: unscheduled \(subject(changes))" + (time(first.before, zone).map { "; back on \($0)" } ?? "")
        }
    }

    /// "“Title”" for one post, "3 drafts" for several.
    static func subject(_ changes: [PostChange]) -> String {
        changes.count == 1 ? PostDeparture.quoted(changes[0].after.title) : "\(changes.count) drafts"
    }

    /// The post's soonest planned time, "Tue 3 Dec 09:00" in `zone`.
    static func time(_ post: Content, _ zone: TimeZone) -> String? {
        post.platforms.compactMap(\.scheduledAt).min().map { CalendarModel.dateText($0, in: .gregorian(in: zone)) }
    }
}
