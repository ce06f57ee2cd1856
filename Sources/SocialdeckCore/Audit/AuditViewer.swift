import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Reading the audit trail, newest first, a page at a time: `socialdeck audit` and the
/// staff panes. Staff with `audit.view` read the staff log and every organization's
/// customer log; an organization's admin reads their own organization's customer log.
/// Pages follow a (timestamp, id) cursor, so the next page costs the same as the first
/// however long the trail is.
public struct AuditViewer: Sendable {
    let store: any DocumentStore

    public init(store: any DocumentStore) { self.store = store }

    public enum Log: String, Sendable, CaseIterable { case staff, customers }

    public struct Query: Sendable, Equatable {
        public var log: Log
        /// The staff member (staff log) or customer (customer log) who acted.
        public var actor: ObjectId?
        public var target: ObjectId?
        public var action: String?
        public var severity: Severity?
        /// Customer log only.
        public var organizationId: ObjectId?
        public var limit: Int

        public init(log: Log = .staff, actor: ObjectId? = nil, target: ObjectId? = nil, action: String? = nil,
                    severity: Severity? = nil, organizationId: ObjectId? = nil, limit: Int = 50) {
            self.log = log
            self.actor = actor
            self.target = target
            self.action = action
            self.severity = severity
            self.organizationId = organizationId
            self.limit = limit
        }
    }

    /// Where the next page starts: just older than the last entry shown.
    public struct Cursor: Sendable, Equatable {
        public let timestamp: Date
        public let id: ObjectId
    }

    public struct Page: Sendable {
        public let entries: [AuditEntry]
        /// Nil on the last page.
        public let next: Cursor?
    }

    public func page(_ query: Query, after cursor: Cursor? = nil, by identity: Identity) throws -> Page {
        let scope: Filter
        switch query.log {
        case .staff:
            guard identity.isStaff else { throw AccessDenied(action: .viewAuditLogs, reason: "the staff log is for staff") }
            try AccessControl.authorize(identity, .viewAuditLogs, organizationId: nil)
            scope = .all
        case .customers:
            let org = query.organizationId ?? identity.organizationId
            try AccessControl.authorize(identity, .viewAuditLogs, organizationId: org)
            scope = AccessControl.scope(identity) && (org.map { .eq("organizationId", $0) } ?? .all)
        }
        var filter = scope
        if let actor = query.actor { filter = filter && .eq(query.log == .staff ? "adminUserId" : "userId", actor) }
        if let target = query.target { filter = filter && .eq("targetId", target) }
        if let action = query.action { filter = filter && .eq("action", action) }
        if let severity = query.severity { filter = filter && .eq("severity", severity) }
        if let cursor {
            filter = filter && (.lt("timestamp", cursor.timestamp) || (.eq("timestamp", cursor.timestamp) && .lt("_id", cursor.id)))
        }
        let limit = max(1, min(query.limit, 500))
        let collection = query.log == .staff ? AdminActivityLog.collection : CustomerActivityLog.collection
        let docs = try store.find(collection.rawValue, filter, sort: [.desc("timestamp"), .desc("_id")], limit: limit + 1)
        let opened = try AuditSealing(store: store, clock: { Date() }).open(Array(docs.prefix(limit)))
        let entries = try opened.map { try AuditEntry(document: $0, log: query.log) }
        let next = docs.count > limit ? entries.last.map { Cursor(timestamp: $0.timestamp, id: $0.id) } : nil
        return Page(entries: entries, next: next)
    }

    /// The emails of the people a page names, as `identity` may see them: staff see staff
    /// and customers, a customer admin their own organization's people only.
    public func emails(of ids: Set<ObjectId>, for identity: Identity) throws -> [ObjectId: String] {
        guard !ids.isEmpty else { return [:] }
        var emails: [ObjectId: String] = [:]
        let people: [(CollectionName, Filter, Bool)] = (identity.isStaff ? [(.adminUsers, .all, false)] : [])
            + [(.users, AccessControl.scope(identity), true)]
        for (collection, scope, deleted) in people {
            for doc in try store.find(collection.rawValue, .isIn("_id", anyOf: Array(ids)) && scope, projection: .include(["email"]),
                                      includeDeleted: deleted) {
                if let id = doc["_id"]?.objectIdValue { emails[id] = doc["email"]?.stringValue }
            }
        }
        return emails
    }

    /// The staff member (staff log) or customer (customers' log) with this email, for a
    /// filter by who acted; nil when there is none `identity` may see.
    public func actor(email: String, in log: Log, for identity: Identity) throws -> ObjectId? {
        let normalized = email.trimmingCharacters(in: .whitespaces).lowercased()
        if log == .staff {
            guard identity.isStaff else { return nil }
            return try store.findOne(CollectionName.adminUsers.rawValue, .eq("email", normalized))?["_id"]?.objectIdValue
        }
        return try store.findOne(CollectionName.users.rawValue, .eq("email", normalized) && AccessControl.scope(identity),
                                 includeDeleted: true)?["_id"]?.objectIdValue
    }
}
