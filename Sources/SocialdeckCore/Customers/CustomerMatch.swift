import Foundation
import SocialdeckModel

/// One customer account as search lists it.
public struct CustomerMatch: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable {
        case active, suspended, locked, deleted
    }

    public let userId: ObjectId
    public let email: String
    public let name: String
    public let role: String
    public let status: Status
    public let organizationId: ObjectId
    public let organizationName: String
    public let organizationSlug: String
    public let plan: String
    public let organizationDeleted: Bool

    public var id: ObjectId { userId }
}
