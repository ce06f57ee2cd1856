import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The append-only record of who changed what. Staff and operator actions go to
/// `admin_activity_logs`, customer events to `customer_activity_logs`. Snapshots
/// are stored with every secret removed, and a customer's personal data in an entry is
/// sealed with that person's key (`AuditSealing`), so erasing them leaves the entry and
/// destroys only what it said about them. This type can only add entries and read
/// them; nothing in the core can change or remove one (see `AppendOnlyStore`).
public struct AuditTrail: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public struct Event: Sendable {
        public var action: String
        public var targetType: AuditTargetType
        public var targetId: ObjectId?
        public var organizationId: ObjectId?
        public var before: Document?
        public var after: Document?
        public var reason: String?
        public var severity: Severity
        public var info: Document?
        /// The customer the details are about, where that is not the target account (a
        /// ticket's customer); their key seals the details.
        public var subject: ObjectId?
        /// False only for an entry that must stay readable after its subject is erased:
        /// the record of the erasure itself, which holds nothing personal.
        public var sealsPersonalData = true

        public init(action: String, targetType: AuditTargetType, targetId: ObjectId?, organizationId: ObjectId? = nil,
                    before: Document? = nil, after: Document? = nil, reason: String? = nil,
                    severity: Severity = .info, info: Document? = nil, subject: ObjectId? = nil) {
            self.action = action
            self.targetType = targetType
            self.targetId = targetId
            self.organizationId = organizationId
            self.before = before
            self.after = after
            self.reason = reason
            self.severity = severity
            self.info = info
            self.subject = subject
        }

        /// Whose personal data the details hold, if a customer's.
        var person: ObjectId? {
            guard sealsPersonalData else { return nil }
            return subject ?? (targetType == .user ? targetId : nil)
        }
    }

    /// Records what `identity` did. Customers' events go to their organization's log.
    public func record(_ event: Event, by identity: Identity) throws {
        var details = AdminActivityLog.Details()
        details.before = event.before.map(SecretRedaction.redact)
        details.after = event.after.map(SecretRedaction.redact)
        details.reason = event.reason
        var info = event.info ?? Document()
        if case .localOperator(let name) = identity.principal { info["operator"] = .string(name) }
        details.additionalInfo = info.isEmpty ? nil : SecretRedaction.redact(info)
        var metadata = AdminActivityLog.Metadata()
        metadata.ipAddress = identity.context.ipAddress
        metadata.userAgent = identity.context.userAgent
        metadata.sessionId = identity.sessionId
        if case .customer(let userId, let orgId, _) = identity.principal {
            try recordCustomerEvent(event, userId: userId, organizationId: orgId, details: details, metadata: metadata)
            return
        }
        try recordStaffEvent(event, adminUserId: identity.actorId, details: details, metadata: metadata)
    }

    /// An event about a customer account that no signed-in identity caused, such as
    /// a failed sign-in: recorded with the connection it came from.
    public func recordAnonymous(_ event: Event, userId: ObjectId?, context: ConnectionContext, staff: Bool) throws {
        var metadata = AdminActivityLog.Metadata()
        metadata.ipAddress = context.ipAddress
        metadata.userAgent = context.userAgent
        var details = AdminActivityLog.Details()
        details.reason = event.reason
        details.additionalInfo = event.info.map(SecretRedaction.redact)
        if staff {
            try recordStaffEvent(event, adminUserId: userId, details: details, metadata: metadata)
        } else {
            try recordCustomerEvent(event, userId: userId, organizationId: event.organizationId, details: details, metadata: metadata)
        }
    }

    private func recordStaffEvent(_ event: Event, adminUserId: ObjectId?, details: AdminActivityLog.Details,
                                  metadata: AdminActivityLog.Metadata) throws {
        let now = clock()
        var entry = AdminActivityLog()
        entry._id = ObjectId(date: now)
        entry.adminUserId = adminUserId
        entry.action = event.action
        entry.targetType = event.targetType
        entry.targetId = event.targetId
        entry.details = details
        entry.metadata = metadata
        entry.timestamp = now
        entry.severity = event.severity
        if let person = event.person {
            entry.sealed = try AuditSealing(store: store, clock: clock).seal(
                entryId: entry._id, details: &entry.details, metadata: &entry.metadata, detailsOwner: person, metadataOwner: nil)
        }
        try ModelCollection(store, AdminActivityLog.self).insert(entry)
    }

    private func recordCustomerEvent(_ event: Event, userId: ObjectId?, organizationId: ObjectId?,
                                     details: AdminActivityLog.Details, metadata: AdminActivityLog.Metadata) throws {
        var entry = CustomerActivityLog()
        entry._id = ObjectId(date: clock())
        entry.organizationId = event.organizationId ?? organizationId
        entry.userId = userId
        entry.action = event.action
        entry.targetType = event.targetType
        entry.targetId = event.targetId
        entry.details = details
        entry.metadata = metadata
        entry.timestamp = clock()
        entry.severity = event.severity
        if event.sealsPersonalData {
            entry.sealed = try AuditSealing(store: store, clock: clock).seal(
                entryId: entry._id, details: &entry.details, metadata: &entry.metadata, detailsOwner: event.person ?? userId, metadataOwner: userId)
        }
        try ModelCollection(store, CustomerActivityLog.self).insert(entry)
    }

    /// Staff entries, newest first; needs `audit.view`.
    public func staffEntries(for identity: Identity, limit: Int = 100) throws -> [AdminActivityLog] {
        try AccessControl.authorize(identity, .viewAuditLogs, organizationId: nil)
        guard identity.isStaff else { throw AccessDenied(action: .viewAuditLogs, reason: "the staff log is for staff") }
        return try opened(AdminActivityLog.self, try store.find(AdminActivityLog.collection.rawValue, sort: [.desc("timestamp")], limit: limit))
    }

    /// Customer entries of one organization, newest first; customers see only their own.
    public func customerEntries(organizationId: ObjectId, for identity: Identity, limit: Int = 100) throws -> [CustomerActivityLog] {
        try AccessControl.authorize(identity, .viewAuditLogs, organizationId: organizationId)
        return try opened(CustomerActivityLog.self, try store.find(CustomerActivityLog.collection.rawValue, .eq("organizationId", organizationId),
                                                                 sort: [.desc("timestamp")], limit: limit))
    }

    /// Entries as models, their sealed personal data opened where the key still exists.
    public func opened<Entry: StoredModel>(_ type: Entry.Type, _ docs: [Document]) throws -> [Entry] {
        let decoder = DocumentDecoder()
        return try AuditSealing(store: store, clock: clock).open(docs).map { try decoder.decode(Entry.self, from: $0) }
    }
}
