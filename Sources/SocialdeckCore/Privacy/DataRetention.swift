import Foundation
import SocialdeckModel
import SocialdeckStorage

/// An organization's `settings.dataRetentionDays`, enforced. Past that many days:
/// notifications are deleted, resolved and closed tickets lose their words (their
/// dates, status and message count stay for the support figures), comments fetched
/// from the platforms (other people's words) are deleted, and accounts deleted that
/// long ago are erased as `PersonalDataErasure` erases them. The audit trail is kept:
/// its personal parts go with each person's key.
///
/// A daily `retention` schedule per organization runs it through the publisher's
/// recurring runs (`StandardWorkflows`), so it survives restarts and runs once however
/// many processes serve the store; running it twice is harmless.
public struct DataRetention: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public static let allowedDays = 30...3650
    /// Who the job acts as in the audit trail.
    static let actor = Identity(principal: .localOperator(name: "data-retention"), grants: [], sessionId: "data-retention",
                                context: ConnectionContext(ipAddress: ConnectionContext.localAddress, userAgent: "socialdeck"))

    public struct Outcome: Sendable, Equatable {
        public var notificationsDeleted = 0
        public var ticketsEmptied = 0
        public var commentsDeleted = 0
        public var accountsErased = 0
        public var isEmpty: Bool { self == Outcome() }
    }

    @discardableResult
    public func apply(to organizationId: ObjectId, at now: Date) throws -> Outcome {
        guard let org = try ModelCollection(store, Organization.self).get(organizationId, includeDeleted: true) else { return Outcome() }
        let days = org.settings.dataRetentionDays
        guard days > 0 else { return Outcome() }
        let cutoff = now.addingTimeInterval(-Double(days) * 86_400)
        let mine = Filter.eq("organizationId", organizationId)
        var outcome = Outcome()
        outcome.notificationsDeleted = try store.deleteMany(UserNotification.collection.rawValue, mine && .lt("createdAt", cutoff))
        outcome.ticketsEmptied = try PersonalDataErasure(store: store, clock: clock).emptyTickets(
            mine && .isIn("status", [.string(SupportTicket.Status.resolved.rawValue), .string(SupportTicket.Status.closed.rawValue)])
                && .lt("updatedAt", cutoff) && .ne("subject", PersonalDataErasure.erasedText), at: now)
        outcome.commentsDeleted = try store.deleteMany(SocialComment.collection.rawValue, mine && .lt("receivedAt", cutoff))
        let erasure = PersonalDataErasure(store: store, clock: clock)
        for user in try ModelCollection(store, User.self).find(mine && .lt("deletedAt", cutoff) && .ne("gdpr.rightToBeDeleted", true),
                                                               includeDeleted: true) {
            _ = try erasure.erase(user, reason: "deleted more than \(days) days ago (data retention)", by: Self.actor)
            outcome.accountsErased += 1
        }
        if !outcome.isEmpty {
            try AuditTrail(store: store, clock: clock).record(
                .init(action: "data_retention_applied", targetType: .organization, targetId: organizationId, organizationId: organizationId,
                      info: Document([.init("days", .int64(Int64(days))),
                                      .init("notifications", .int64(Int64(outcome.notificationsDeleted))),
                                      .init("tickets", .int64(Int64(outcome.ticketsEmptied))),
                                      .init("comments", .int64(Int64(outcome.commentsDeleted))),
                                      .init("accounts", .int64(Int64(outcome.accountsErased)))])), by: Self.actor)
        }
        return outcome
    }

    /// Sets how long the organization's personal data is kept: its admin, or staff who manage organizations.
    public func setDays(_ days: Int, for organizationId: ObjectId, by identity: Identity) throws {
        try OrganizationSettings(store: store, clock: clock).apply(.retentionDays(days), to: organizationId, by: identity)
    }
}
