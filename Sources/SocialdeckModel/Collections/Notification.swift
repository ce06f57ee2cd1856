import Foundation

/// An in-app notification for one user (`notifications`), from `GET /api/notifications`.
public struct UserNotification: StoredModel, Equatable {
    public static let collection = CollectionName.notifications

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    public var userId = ObjectId(high: 0, low: 0)
    public var kind = Kind.system
    public var title = ""
    public var message = ""
    /// The content, agent or subscription the notification is about.
    public var relatedId: ObjectId?
    public var isRead = false
    public var readAt: Date?
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var deletedAt: Date?

    public init() {}

    public enum Kind: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case approvalNeeded = "approval_needed"
        case postPublished = "post_published"
        case postFailed = "post_failed"
        /// Still awaiting approval at its time, so not published.
        case postExpired = "post_expired"
        case agentError = "agent_error"
        case billing, system
    }
}
