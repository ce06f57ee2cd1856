import Foundation

/// One audit-trail entry (`admin_activity_logs`). Entries are only ever inserted.
public struct AdminActivityLog: StoredModel, Equatable {
    public static let collection = CollectionName.adminActivityLogs

    public var _id = ObjectId()
    /// The staff member who acted; customer events carry the customer's user id here.
    public var adminUserId: ObjectId?
    public var action = ""
    public var targetType = AuditTargetType.system
    public var targetId: ObjectId?
    public var details = Details()
    public var metadata = Metadata()
    public var timestamp = Date(timeIntervalSince1970: 0)
    public var severity = Severity.info
    /// The entry's personal data, sealed with the key of the person it concerns; the
    /// fields it came from are left empty (see `PersonalKey`).
    public var sealed: [SealedPersonalData]?

    public init() {}

    public struct Details: Codable, Sendable, Equatable {
        public var before: Document?
        public var after: Document?
        public var reason: String?
        public var additionalInfo: Document?
        public init() {}
    }

    public struct Metadata: Codable, Sendable, Equatable {
        public var ipAddress: String?
        public var userAgent: String?
        public var location: String?
        public var sessionId: String?
        public init() {}
    }
}
