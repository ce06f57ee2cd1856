import Foundation
import SocialdeckModel

/// One customer account as search lists it.
public struct CustomerMatch: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable {
        case active, suspended, locked, deleted

        /// Deleted before suspended before locked: what keeps the person out first.
        public init(deleted: Bool, active: Bool, lockedUntil: Date?, at now: Date) {
            self = deleted ? .deleted : !active ? .suspended : (lockedUntil.map { $0 > now } ?? false) ? .locked : .active
        }

        public init(_ user: User, at now: Date) {
            self.init(deleted: user.deletedAt != nil, active: user.authentication.isActive,
                      lockedUntil: user.authentication.lockedUntil, at: now)
        }
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
