import Foundation
import SocialdeckModel
import SocialdeckStorage

/// One person's notifications (`GET /api/notifications`, `PUT …/:id/read`, `DELETE …/:id`)
/// and their settings (`/api/settings/notifications`): which events also arrive by email.
/// Everyone reads and changes only their own; a deleted notification is soft-deleted.
public struct NotificationInbox: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    private var collection: String { UserNotification.collection.rawValue }

    private func owner(_ identity: Identity) throws -> ObjectId {
        guard let id = identity.actorId else {
            throw AccessDenied(action: .viewContent, reason: "notifications belong to a signed-in person")
        }
        return id
    }

    /// Newest first.
    public func list(unreadOnly: Bool = false, limit: Int = 50, for identity: Identity) throws -> [UserNotification] {
        var filter = Filter.eq("userId", try owner(identity))
        if unreadOnly { filter = filter && .eq("isRead", false) }
        return try ModelCollection(store, UserNotification.self).find(filter, sort: [.desc("createdAt"), .desc("_id")],
                                                                      limit: max(1, min(limit, 500)))
    }

    public func unreadCount(for identity: Identity) throws -> Int {
        try store.count(collection, .eq("userId", try owner(identity)) && .eq("isRead", false))
    }

    public func markRead(_ id: ObjectId, by identity: Identity) throws {
        let changed = try store.updateOne(collection, .id(id) && .eq("userId", try owner(identity)),
                                          Update.set("isRead", true).set("readAt", clock()))
        guard changed == 1 else { throw CoreError.notFound("notification \(id.hex)") }
    }

    @discardableResult
    public func markAllRead(by identity: Identity) throws -> Int {
        try store.updateMany(collection, .eq("userId", try owner(identity)) && .eq("isRead", false),
                             Update.set("isRead", true).set("readAt", clock()))
    }

    public func delete(_ id: ObjectId, by identity: Identity) throws {
        let changed = try store.updateOne(collection, .id(id) && .eq("userId", try owner(identity)), Update.set("deletedAt", clock()))
        guard changed == 1 else { throw CoreError.notFound("notification \(id.hex)") }
    }

    /// The events that arrive by email, for a customer (staff are told in the app only).
    public func emailKinds(for identity: Identity) throws -> [UserNotification.Kind] {
        let channels = try account(identity).preferences?.notifications ?? User.NotificationChannels()
        return UserNotification.Kind.allCases.filter(channels.emails)
    }

    /// Sets which events arrive by email; none turns email off.
    public func setEmailKinds(_ kinds: [UserNotification.Kind], by identity: Identity) throws {
        let user = try account(identity)
        var preferences = user.preferences ?? User.Preferences()
        preferences.notifications.email = !kinds.isEmpty
        preferences.notifications.emailKinds = UserNotification.Kind.allCases.filter(kinds.contains)
        try store.updateOne(User.collection.rawValue, .id(user._id),
                            Update.set("preferences", try DocumentEncoder().encode(preferences)).set("updatedAt", clock()))
    }

    private func account(_ identity: Identity) throws -> User {
        guard case .customer(let id, _, _) = identity.principal,
              let user = try ModelCollection(store, User.self).get(id) else {
            throw CoreError.invalid("email settings are for customer accounts; staff are notified in the dashboard")
        }
        return user
    }
}
