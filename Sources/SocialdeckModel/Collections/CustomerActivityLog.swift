import Foundation

/// What customers did (`customer_activity_logs`): approvals, rejections, sign-in
/// failures and lockouts. The same shape as the staff audit trail, kept apart so
/// an organization's admins can read their own log. Entries are only ever inserted.
public struct CustomerActivityLog: StoredModel, Equatable {
    public static let collection = CollectionName.customerActivityLogs

    public var _id = ObjectId()
    public var organizationId: ObjectId?
    /// The customer who acted, or whose account the event concerns.
    public var userId: ObjectId?
    public var action = ""
    public var targetType = AuditTargetType.user
    public var targetId: ObjectId?
    public var details = AdminActivityLog.Details()
    public var metadata = AdminActivityLog.Metadata()
    public var timestamp = Date(timeIntervalSince1970: 0)
    public var severity = Severity.info
    /// The entry's personal data, sealed with the key of the person it concerns; the
    /// fields it came from are left empty (see `PersonalKey`).
    public var sealed: [SealedPersonalData]?

    public init() {}
}
