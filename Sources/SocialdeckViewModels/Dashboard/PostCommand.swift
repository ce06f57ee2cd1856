import Foundation
import SocialdeckCore
import SocialdeckModel

/// Actions on a whole post from the calendar or the approval queue: `D` duplicates it
/// as a new draft, `d` deletes it (softly, as the core does) once the person says yes.
public enum PostCommand: Sendable, Equatable {
    case duplicate(ObjectId, title: String)
    case delete(ObjectId, title: String)
    /// `:repeat …` on the selected post.
    case repeatPost(ObjectId, title: String, rule: RecurrenceRule)

    var id: ObjectId {
        switch self {
        case .duplicate(let id, _), .delete(let id, _), .repeatPost(let id, _, _): return id
        }
    }
}

extension DashboardModel {
    /// The post `d` and `D` act on: the queue's current draft, or the calendar's selected post.
    var selectedPost: (id: ObjectId, title: String)? {
        switch pane {
        case .approvals: return approvals.current.map { ($0.id, $0.title) }
        case .calendar: return calendar.selectedEntry.map { ($0.postId, $0.title) }
        default: return nil
        }
    }

    /// Why `d` or `D` cannot act here, or nil.
    func postActionUnavailable(_ action: KeyAction) -> String? {
        let needed: Action = action == .duplicate ? .createContent : .deleteContent
        guard identity.allowedActions.contains(needed) else { return "your role cannot \(action == .duplicate ? "write" : "delete") posts" }
        return selectedPost == nil ? (pane == .approvals ? "no draft selected" : "select a post in the day first") : nil
    }

    /// `D` duplicates at once; `d` asks first.
    mutating func postAction(_ action: KeyAction) -> [DashboardEffect] {
        if let reason = postActionUnavailable(action) { return [.show(reason)] }
        guard let post = selectedPost else { return [] }
        if action == .duplicate { return [.run(.post(.duplicate(post.id, title: post.title)))] }
        prompt = .confirmDelete(post.id, title: post.title)
        return []
    }

    /// The core's answer to a post command.
    mutating func postFinished(_ command: PostCommand, failure: CommandFailure?, now: Date) {
        if let failure { return show(failure.message, now: now) }
        switch command {
        case .duplicate(_, let title): show("\(PostDeparture.quoted(title)) copied as a new draft for approval", now: now)
        case .delete(_, let title): show("\(PostDeparture.quoted(title)) deleted", now: now)
        case .repeatPost(_, let title, let rule):
            show("\(PostDeparture.quoted(title)) repeats \(rule.summary); each run appears a day ahead", now: now)
        }
    }
}
