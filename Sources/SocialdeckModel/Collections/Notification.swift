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
    /// socialdeck: the email copy, where the person's settings ask for one.
    public var email: EmailDelivery?

    public init() {}

    /// The email copy of a notification: it waits here, in the store, until it is sent
    /// or given up on, so no email is lost to a server that is down or a process that stops.
    public struct EmailDelivery: Codable, Sendable, Equatable {
        public var state = State.pending
        public var to = ""
        public var attempts = 0
        /// Not tried again before this.
        public var nextAttemptAt = Date(timeIntervalSince1970: 0)
        /// `host:pid:random` of the process sending it, and until when.
        public var leaseOwner: String?
        public var leaseUntil: Date?
        public var sentAt: Date?
        /// The server's or libcurl's words on the last failure.
        public var lastError: String?
        public init() {}

        public enum State: String, Codable, Sendable, CaseIterable, BSONRepresentable {
            /// Waiting for its first or next attempt.
            case pending
            case sent
            /// The server refused the recipient or the message (a 5xx reply): trying again would not help.
            case refused
            /// Retried until it was too old to matter; the in-app notification stays.
            case expired
            /// No longer needed before it was sent: its invitation was accepted or revoked.
            case withdrawn
        }
    }

    public enum Kind: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case approvalNeeded = "approval_needed"
        case postPublished = "post_published"
        case postFailed = "post_failed"
        /// Still awaiting approval at its time, so not published.
        case postExpired = "post_expired"
        case agentError = "agent_error"
        case billing, system
        /// A plan's allowance for the month is used up.
        case limitReached = "limit_reached"
        /// Someone answered a support ticket.
        case ticketReply = "ticket_reply"

        /// What people call it in settings.
        public var label: String {
            switch self {
            case .approvalNeeded: return "approval requested"
            case .postPublished: return "post published"
            case .postFailed: return "post failed or needs checking"
            case .postExpired: return "post expired unapproved"
            case .agentError: return "agent error"
            case .billing: return "billing"
            case .system: return "reports and system"
            case .limitReached: return "plan limit reached"
            case .ticketReply: return "ticket reply"
            }
        }
    }
}
