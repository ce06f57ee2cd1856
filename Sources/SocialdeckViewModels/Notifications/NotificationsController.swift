import Foundation
import SocialdeckCore
import SocialdeckModel

/// The notifications list (`!` or `:notifications`), above the panes: up and down
/// choose, Enter marks the chosen one read, `d` deletes it, `a` marks all read, Esc
/// closes. `:notify KIND…` (or `:notify none`) chooses what also arrives by email.
/// Changes show at once and are sent to the core; the next refresh brings the truth.
public enum NotificationsController {
    /// The most the list shows, newest first.
    public static let listLimit = 30

    public static func key(_ key: Key, selected: Int, in model: inout DashboardModel) -> [DashboardEffect] {
        let notes = model.notifications
        let index = notes.isEmpty ? 0 : min(max(selected, 0), notes.count - 1)
        switch key.code {
        case .escape:
            model.prompt = nil
        case .up, .character("k"):
            model.prompt = .notifications(selected: max(0, index - 1))
        case .down, .character("j"):
            model.prompt = .notifications(selected: min(notes.count - 1, index + 1))
        case .enter:
            guard notes.indices.contains(index), !notes[index].isRead else { return [] }
            model.notifications[index].isRead = true
            model.unreadNotifications = max(0, model.unreadNotifications - 1)
            return [.run(.notifications(.markRead(notes[index]._id)))]
        case .character("d"):
            guard notes.indices.contains(index) else { return [] }
            if !notes[index].isRead { model.unreadNotifications = max(0, model.unreadNotifications - 1) }
            model.notifications.remove(at: index)
            model.prompt = .notifications(selected: min(index, max(0, model.notifications.count - 1)))
            return [.run(.notifications(.delete(notes[index]._id)))]
        case .character("a"):
            guard model.unreadNotifications > 0 else { return [] }
            for i in model.notifications.indices { model.notifications[i].isRead = true }
            model.unreadNotifications = 0
            return [.run(.notifications(.markAllRead))]
        case .character("q"), .character("!"):
            model.prompt = nil
        default:
            break
        }
        return []
    }

    /// `:notify failed limit reply`, `:notify all`, `:notify none`: the events that arrive by email.
    public static func palette(_ argument: String, in model: inout DashboardModel) -> [DashboardEffect] {
        guard !model.identity.isStaff else { return [.show("staff are notified in the dashboard only")] }
        let words = argument.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard !words.isEmpty else {
            return [.show("notify KIND… (approval, published, failed, expired, agent, billing, system, limit, reply), all or none")]
        }
        if words == ["none"] { return [.run(.notifications(.emailKinds([])))] }
        if words == ["all"] { return [.run(.notifications(.emailKinds(UserNotification.Kind.allCases)))] }
        var kinds: [UserNotification.Kind] = []
        for word in words {
            guard let kind = Self.kind(word) else { return [.show("no notification kind \"\(SafeText.escapingControls(word))\"")] }
            kinds.append(kind)
        }
        return [.run(.notifications(.emailKinds(kinds)))]
    }

    static func kind(_ word: String) -> UserNotification.Kind? {
        switch word {
        case "approval": return .approvalNeeded
        case "published": return .postPublished
        case "failed": return .postFailed
        case "expired": return .postExpired
        case "agent": return .agentError
        case "limit": return .limitReached
        case "reply": return .ticketReply
        default: return UserNotification.Kind(rawValue: word)
        }
    }
}
