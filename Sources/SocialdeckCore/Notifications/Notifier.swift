import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Leaves in-app notifications, and marks an email copy for the outbox where the
/// recipient's settings ask for one (`User.NotificationChannels`). Staff get theirs in
/// the app only. A notification given an id derived from what it is about is made
/// once, however many processes notice the same thing.
struct Notifier: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    struct Message: Sendable {
        var kind: UserNotification.Kind
        var title: String
        var text: String
        var about: ObjectId?
        /// Set to make the notification once per recipient: the same key and time never make
        /// a second (the time is part of the id, so it must be the same in every process).
        var once: (key: String, at: Date)?
    }

    /// Notifies each of `recipients` (customer or staff ids) in `organizationId`.
    func notify(_ recipients: [ObjectId], in organizationId: ObjectId, _ message: Message) throws {
        guard !recipients.isEmpty else { return }
        let now = clock()
        let people = try ModelCollection(store, User.self).find(.isIn("_id", recipients.map { .objectId($0) }))
        let byId = Dictionary(people.map { ($0._id, $0) }, uniquingKeysWith: { a, _ in a })
        let notes = ModelCollection(store, UserNotification.self)
        for recipient in Set(recipients) {
            var note = UserNotification()
            note._id = message.once.map { Self.onceId($0.key, recipient, at: $0.at) } ?? ObjectId(date: now)
            note.organizationId = organizationId
            note.userId = recipient
            note.kind = message.kind
            note.title = String(SafeText.removingControls(message.title).prefix(200))
            note.message = String(SafeText.removingControls(message.text, keeping: ["\n"]).prefix(1_000))
            note.relatedId = message.about
            note.createdAt = now
            if let user = byId[recipient], user.deletedAt == nil, user.authentication.isActive,
               (user.preferences?.notifications ?? User.NotificationChannels()).emails(message.kind) {
                var email = UserNotification.EmailDelivery()
                email.to = user.email
                email.nextAttemptAt = now
                note.email = email
            }
            do {
                try notes.insert(note)
            } catch StoreError.duplicateKey where message.once != nil {
                // Made already, by this process or another.
            }
        }
    }

    /// The admins and managers of an organization: who approves its posts and watches its plan.
    func approvers(of organizationId: ObjectId, except: ObjectId? = nil) throws -> [ObjectId] {
        try store.find(User.collection.rawValue, .eq("organizationId", organizationId) && .isIn("role", anyOf: [UserRole.admin, .manager])
                           && .eq("authentication.isActive", true), projection: .include(["_id"]))
            .compactMap { $0["_id"]?.objectIdValue }.filter { $0 != except }
    }

    /// A draft is waiting for approval: its organization's approvers hear, not its author.
    func approvalRequested(_ post: Content) throws {
        let title = post.title.isEmpty ? String(post.content.text.prefix(60)) : post.title
        try notify(try approvers(of: post.organizationId, except: post.userId), in: post.organizationId,
                   Message(kind: .approvalNeeded, title: "Approval requested: \(title)",
                           text: "A draft for \(post.platforms.map(\.platform.displayName).joined(separator: ", ")) is waiting in the approval queue.",
                           about: post._id, once: ("approval/\(post._id.hex)", post.createdAt)))
    }

    /// An allowance used up: the organization's approvers hear once a month for each allowance.
    func limitReached(_ organizationId: ObjectId, what: String, limit: Int, at now: Date) throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let month = utc.dateInterval(of: .month, for: now)?.start ?? now
        try notify(try approvers(of: organizationId), in: organizationId,
                   Message(kind: .limitReached, title: "Plan limit reached: \(what)",
                           text: "The plan's \(limit) \(what) this month are used. They start again on the 1st, or an admin can upgrade the plan.",
                           about: organizationId, once: ("limit/\(organizationId.hex)/\(what)", month)))
    }

    /// One id per (key, recipient, time).
    static func onceId(_ key: String, _ recipient: ObjectId, at now: Date) -> ObjectId {
        .derived(at: now) { digest in
            digest.add(key.utf8)
            digest.add(bigEndian: recipient.high)
            digest.add(bigEndian: recipient.low)
        }
    }
}
