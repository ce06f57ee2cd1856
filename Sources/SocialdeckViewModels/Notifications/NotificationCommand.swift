import Foundation
import SocialdeckCore
import SocialdeckModel

/// What the notifications list asks the core for.
public enum NotificationCommand: Sendable, Equatable {
    case markRead(ObjectId)
    case markAllRead
    case delete(ObjectId)
    /// The events that also arrive by email; empty turns email off.
    case emailKinds([UserNotification.Kind])

    var done: String {
        switch self {
        case .markRead: return "marked read"
        case .markAllRead: return "all marked read"
        case .delete: return "notification deleted"
        case .emailKinds(let kinds):
            return kinds.isEmpty ? "no email for notifications" : "by email: " + kinds.map(\.label).joined(separator: ", ")
        }
    }

    func run(in store: any StoreHandle, as identity: Identity, clock: @escaping @Sendable () -> Date) throws {
        let inbox = NotificationInbox(store: store, clock: clock)
        switch self {
        case .markRead(let id): try inbox.markRead(id, by: identity)
        case .markAllRead: try inbox.markAllRead(by: identity)
        case .delete(let id): try inbox.delete(id, by: identity)
        case .emailKinds(let kinds): try inbox.setEmailKinds(kinds, by: identity)
        }
    }
}
