import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The right to be deleted (GDPR article 17) for one customer.
///
/// What is erased: the account's personal fields (email, name, phone, picture, business
/// profile, password, second factor, connected social accounts and their tokens,
/// preferences), the subject and messages of their tickets, their notifications, the
/// invitations sent to their address, and,
/// by destroying their `PersonalKey`, every personal part of the audit trail's entries
/// about them. What stays, anonymised: the account as a tombstone (id, organization,
/// role, dates) so posts, runs, rollups and audit entries still add up; the posts they
/// wrote, which are their organization's; the audit entries themselves. The erasure is
/// audited with the reason and counts only. On SQLite the freed space is zeroed and the
/// write-ahead log emptied, so nothing erased can be read back from the files.
public struct PersonalDataErasure: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// What one erasure did.
    public struct Receipt: Sendable, Equatable {
        public let userId: ObjectId
        public let ticketsErased: Int
        public let notificationsDeleted: Int
        /// Audit entries whose personal parts became unreadable.
        public let auditEntriesShredded: Int
        /// True when the store's files were purged of the old bytes (SQLite); false where
        /// the server keeps its own files (MongoDB).
        public let filesPurged: Bool
    }

    static let erasedText = "[erased]"

    /// The address an erased account keeps: unique, unroutable, and naming no one.
    static func erasedEmail(_ id: ObjectId) -> String { "erased-\(id.hex)@erased.invalid" }

    public func erase(email: String, reason: String, by identity: Identity) throws -> Receipt {
        let normalized = try AccountRules.normalizedEmail(email)
        guard let user = try ModelCollection(store, User.self).first(.eq("email", normalized) && AccessControl.scope(identity),
                                                                     includeDeleted: true) else {
            throw CoreError.notFound("customer \(normalized)")
        }
        try AccessControl.authorize(identity, .manageUsers, organizationId: user.organizationId)
        guard identity.actorId != user._id else {
            throw CoreError.invalid("you cannot erase your own account; ask your organization's admin or support")
        }
        let why = try Self.checkedReason(reason, naming: user)
        if user.role == .admin, user.deletedAt == nil,
           try ModelCollection(store, Organization.self).get(user.organizationId) != nil {
            guard try UserAdministration.otherActiveAdmins(besides: user, in: store) > 0 else {
                throw CoreError.conflict("\(normalized) is the organization's only active admin; make another admin first, or delete the organization")
            }
        }
        return try erase(user, reason: why, by: identity)
    }

    /// Erases an account the caller has already found and may erase (the retention job's
    /// deleted accounts come here).
    func erase(_ user: User, reason: String, by identity: Identity) throws -> Receipt {
        let now = clock()
        let tickets = try emptyTickets(.eq("userId", user._id), at: now)
        let notifications = try store.deleteMany(UserNotification.collection.rawValue, .eq("userId", user._id))
        // Invitations to the address, and the keys their audit entries are sealed with (an
        // accepted one's key is the account's own: it became the account's id).
        let keys = PersonalKeys(store: store, clock: clock)
        for invitation in try store.find(Invitation.collection.rawValue, .eq("email", user.email), projection: .include(["_id"])) {
            if let id = invitation["_id"]?.objectIdValue { _ = try keys.shred(id) }
        }
        _ = try store.deleteMany(Invitation.collection.rawValue, .eq("email", user.email))
        try store.updateOne(User.collection.rawValue, .id(user._id), Self.anonymising(user, at: now), includeDeleted: true)
        let shredded = try [CollectionName.adminActivityLogs, .customerActivityLogs].reduce(0) {
            $0 + (try store.count($1.rawValue, .eq("sealed.owner", user._id), includeDeleted: true))
        }
        try keys.shred(user._id)
        var event = AuditTrail.Event(action: "personal_data_erased", targetType: .user, targetId: user._id,
                                     organizationId: user.organizationId, reason: reason, severity: .critical,
                                     info: Document([.init("tickets", .int64(Int64(tickets))),
                                                     .init("notifications", .int64(Int64(notifications))),
                                                     .init("auditEntries", .int64(Int64(shredded)))]))
        event.sealsPersonalData = false
        try AuditTrail(store: store, clock: clock).record(event, by: identity)
        let purged = try store.purgeDeletedData()
        return Receipt(userId: user._id, ticketsErased: tickets, notificationsDeleted: notifications,
                       auditEntriesShredded: shredded, filesPurged: purged)
    }

    /// The account as a tombstone: nothing that names or reaches the person, and it can
    /// never sign in again.
    static func anonymising(_ user: User, at now: Date) -> Update {
        var update = Update.set("email", erasedEmail(user._id))
            .set("profile", Document([.init("firstName", "Erased"), .init("lastName", "person"), .init("timezone", "UTC")]))
            .set("socialAccounts", BSONValue.array([]))
            .set("permissions", BSONValue.array([]))
            .set("authentication", Document([.init("isActive", false), .init("emailVerified", false),
                                             .init("loginAttempts", .int32(0)), .init("twoFactorEnabled", false)]))
            .set("gdpr", Document([.init("consentGiven", false), .init("rightToBeDeleted", true), .init("erasedAt", .date(now))]))
            .set("updatedAt", now)
            .unset("passwordHash").unset("preferences").unset("subscription")
        if user.deletedAt == nil { update = update.set("deletedAt", now) }
        return update
    }

    /// The tickets keep status, priority, dates and the number of messages; the words go.
    func emptyTickets(_ filter: Filter, at now: Date) throws -> Int {
        let tickets = ModelCollection(store, SupportTicket.self)
        var erased = 0
        for var ticket in try tickets.find(filter) {
            ticket.subject = Self.erasedText
            ticket.body = Self.erasedText
            for i in ticket.messages.indices { ticket.messages[i].text = Self.erasedText }
            ticket.updatedAt = now
            erased += try store.updateOne(SupportTicket.collection.rawValue, .id(ticket._id),
                                          Update.set("subject", ticket.subject).set("body", ticket.body)
                                              .set("messages", BSONValue.array(try ticket.messages.map { .document(try DocumentEncoder().encode($0)) }))
                                              .set("updatedAt", now))
        }
        return erased
    }

    /// A reason is required, one line of plain text, and must not itself name the person:
    /// the record of the erasure outlives them.
    static func checkedReason(_ reason: String, naming user: User) throws -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...500).contains(trimmed.count), !SafeText.hasControls(trimmed) else {
            throw CoreError.invalid("a reason is required: 1 to 500 characters of plain text on one line (such as the request's reference)")
        }
        let lowered = trimmed.lowercased()
        let names = [user.email, user.profile.firstName, user.profile.lastName, user.profile.phoneNumber ?? ""]
            .map { $0.lowercased() }.filter { $0.count >= 3 }
        guard !names.contains(where: lowered.contains) else {
            throw CoreError.invalid("the reason must not name the person (it is kept after the erasure); give the request's reference instead")
        }
        return trimmed
    }
}
