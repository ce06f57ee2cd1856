import Foundation

/// How much of its plan an organization has used: posts and AI generations this
/// calendar month (UTC), the social accounts connected now, and the seats: users
/// and invitations still open.
public struct PlanUsage: Sendable, Equatable {
    public enum Resource: String, Sendable, CaseIterable {
        case posts, aiGenerations, socialAccounts, users

        public var label: String {
            switch self {
            case .posts: return "posts this month"
            case .aiGenerations: return "AI generations this month"
            case .socialAccounts: return "social accounts"
            case .users: return "users (with open invitations)"
            }
        }

        /// The header's short name.
        public var shortLabel: String {
            switch self {
            case .posts: return "posts"
            case .aiGenerations: return "AI"
            case .socialAccounts: return "accounts"
            case .users: return "users"
            }
        }
    }

    public struct Meter: Sendable, Equatable {
        public let resource: Resource
        public let used: Int
        /// Nil for an organization without a subscription (or a negative limit): no limit.
        public let limit: Int?

        public init(resource: Resource, used: Int, limit: Int?) {
            self.resource = resource
            self.used = used
            self.limit = limit
        }

        public var left: Int? { limit.map { max(0, $0 - used) } }
        public var fraction: Double? { limit.map { $0 > 0 ? Double(used) / Double($0) : 1 } }
        public var isReached: Bool { limit.map { used >= $0 } ?? false }
        /// The dashboard warns from 80% of the limit.
        public var needsWarning: Bool { (fraction ?? 0) >= PlanUsage.warningFraction }
    }

    public static let warningFraction = 0.8

    /// The plan's name, nil without a subscription.
    public let plan: String?
    public let meters: [Meter]

    public init(plan: String?, meters: [Meter]) {
        self.plan = plan
        self.meters = meters
    }

    public subscript(resource: Resource) -> Meter {
        meters.first { $0.resource == resource } ?? Meter(resource: resource, used: 0, limit: nil)
    }

    public var warnings: [Meter] { meters.filter(\.needsWarning) }
}
