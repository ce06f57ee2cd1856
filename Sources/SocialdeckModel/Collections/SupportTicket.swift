import Foundation

/// A customer support ticket (`support_tickets`), from `/api/admin/support/tickets`.
public struct SupportTicket: StoredModel, Equatable {
    public static let collection = CollectionName.supportTickets

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    public var userId: ObjectId?
    public var subject = ""
    public var body = ""
    public var status = Status.open
    public var priority = Priority.normal
    /// The staff member working on it.
    public var assignedTo: ObjectId?
    public var messages: [Message] = []
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt = Date(timeIntervalSince1970: 0)
    public var resolvedAt: Date?

    public init() {}

    public enum Status: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case open, pending, resolved, closed
    }

    public enum Priority: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case low, normal, high, urgent
    }

    public struct Message: Codable, Sendable, Equatable {
        public var authorId: ObjectId?
        /// True when staff wrote it, false for the customer.
        public var fromStaff = false
        public var text = ""
        public var createdAt = Date(timeIntervalSince1970: 0)
        public init() {}
    }
}
