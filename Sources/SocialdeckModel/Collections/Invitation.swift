import Foundation

/// An invitation to join an organization (`invitations`): an admin names an email and a
/// role, the person receives a one-time code by email and accepts it by choosing a
/// password, which makes their account. Only the code's SHA-256 is kept to check it;
/// the code itself waits sealed under the store's secret key until its email is sent,
/// and is removed then.
public struct Invitation: StoredModel, Equatable {
    public static let collection = CollectionName.invitations

    public var _id = ObjectId(high: 0, low: 0)
    public var organizationId = ObjectId(high: 0, low: 0)
    public var email = ""
    public var role = UserRole.user
    /// The admin or staff member who invited; nil for the command line's operator.
    public var invitedBy: ObjectId?
    /// Hex SHA-256 of the code.
    public var codeHash = ""
    /// The code sealed under the store's key, until its email is sent or given up on.
    public var sealedCode: String?
    /// The email carrying the code, sent by `EmailOutbox` like a notification's copy.
    public var delivery: UserNotification.EmailDelivery?
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var expiresAt = Date(timeIntervalSince1970: 0)
    public var acceptedAt: Date?
    /// The account the acceptance made.
    public var userId: ObjectId?
    public var revokedAt: Date?

    public init() {}

    public enum State: String, Sendable, Equatable {
        case pending, accepted, revoked, expired
    }

    public func state(at now: Date) -> State {
        if acceptedAt != nil { return .accepted }
        if revokedAt != nil { return .revoked }
        return now >= expiresAt ? .expired : .pending
    }
}
