import Foundation
import SocialdeckModel
import SocialdeckStorage

/// One customer as support opens them: the account, their organization and its plan
/// and usage, their social accounts (token state, never a token), recent activity and
/// tickets.
public struct CustomerProfile: Sendable {
    /// A connected account as staff may see it.
    public struct ConnectedAccount: Sendable, Equatable {
        public let platform: Platform
        public let accountName: String
        public let isActive: Bool
        public let live: Bool
        public let connectedAt: Date
        public let tokenExpiresAt: Date?
        public let canRefresh: Bool

        /// "valid", "expires in 3 days", "expired", "off".
        public func tokenState(at now: Date) -> String {
            guard isActive else { return "off" }
            guard let expires = tokenExpiresAt else { return "valid" }
            if expires <= now { return canRefresh ? "expired (renews at next use)" : "expired: reconnect" }
            let days = Int(expires.timeIntervalSince(now) / 86_400)
            return days < 7 ? "expires in \(days == 0 ? "under a day" : "\(days) day\(days == 1 ? "" : "s")")" : "valid"
        }
    }

    /// The account with its password hash, second factor and recovery codes removed.
    public let user: User
    public let organization: Organization?
    public let subscription: Subscription?
    public let usage: PlanUsage
    public let accounts: [ConnectedAccount]
    public let activity: [CustomerActivityLog]
    public let tickets: [SupportTicket]

    static let recent = 10

    static func read(_ user: User, from store: any DocumentStore, at now: Date) throws -> CustomerProfile {
        var safe = user
        safe.passwordHash = nil
        safe.authentication.twoFactorSecret = nil
        safe.authentication.recoveryCodes = nil
        safe.socialAccounts = []
        let accounts = user.socialAccounts.map {
            ConnectedAccount(platform: $0.platform, accountName: $0.accountName, isActive: $0.isActive, live: $0.live ?? false,
                             connectedAt: $0.connectedAt, tokenExpiresAt: $0.tokenExpiresAt, canRefresh: $0.refreshToken != nil)
        }
        return CustomerProfile(
            user: safe,
            organization: try ModelCollection(store, Organization.self).get(user.organizationId, includeDeleted: true),
            subscription: try PlanLimits.subscription(of: user.organizationId, in: store),
            usage: try PlanLimits(store: store).usage(user.organizationId, at: now),
            accounts: accounts,
            activity: try AuditTrail(store: store).opened(CustomerActivityLog.self, store.find(
                CustomerActivityLog.collection.rawValue, .eq("userId", user._id), sort: [.desc("timestamp")], limit: recent)),
            tickets: try ModelCollection(store, SupportTicket.self).find(.eq("userId", user._id), sort: [.desc("createdAt")], limit: recent))
    }
}
