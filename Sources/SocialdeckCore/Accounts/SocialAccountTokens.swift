import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Connected network accounts and their OAuth tokens, which are stored sealed,
/// each bound to its user, platform and field.
public struct SocialAccountTokens: Sendable {
    let store: any DocumentStore
    let vault: SecretVault
    let audit: AuditTrail

    public init(store: any DocumentStore, vault: SecretVault) {
        self.store = store
        self.vault = vault
        self.audit = AuditTrail(store: store)
    }

    /// The account with its tokens sealed, ready to store.
    public func sealed(_ account: User.SocialAccount, accessToken: String, refreshToken: String?, userId: ObjectId) throws -> User.SocialAccount {
        var a = account
        a.accessToken = try vault.seal(accessToken, associatedData: SecretVault.tokenContext(userId, a.platform, "accessToken"))
        a.refreshToken = try refreshToken.map { try vault.seal($0, associatedData: SecretVault.tokenContext(userId, a.platform, "refreshToken")) }
        return a
    }

    /// Connects (or reconnects) a network account. A reconnect that brings no refresh token keeps the old one.
    public func connect(userId: ObjectId, platform: Platform, accountId: String, accountName: String,
                        accessToken: String, refreshToken: String?, at now: Date, by identity: Identity) throws {
        let users = ModelCollection(store, User.self)
        guard let user = try users.first(.id(userId) && AccessControl.scope(identity)) else { throw CoreError.notFound("user \(userId.hex)") }
        if identity.actorId != userId { try AccessControl.authorize(identity, .manageUsers, organizationId: user.organizationId) }
        var accounts = user.socialAccounts
        let previous = accounts.firstIndex { $0.platform == platform && $0.accountId == accountId }
        var account = try sealed(User.SocialAccount(platform: platform, accountId: accountId, accountName: accountName, connectedAt: now),
                                 accessToken: accessToken, refreshToken: refreshToken, userId: userId)
        if let previous {
            if refreshToken == nil { account.refreshToken = accounts[previous].refreshToken }
            accounts[previous] = account
        } else {
            accounts.append(account)
        }
        try store.updateOne(User.collection.rawValue, .id(userId),
                            Update.set("socialAccounts", try DocumentEncoder().encodeValue(accounts)).set("updatedAt", now))
        try audit.record(.init(action: "social_account_connected", targetType: .user, targetId: userId, organizationId: user.organizationId,
                               info: ["platform": .string(platform.rawValue), "account": .string(accountName)]), by: identity)
    }

    /// The clear tokens of one account, for the publisher; never shown or logged.
    public func tokens(userId: ObjectId, platform: Platform, accountId: String) throws -> (access: String, refresh: String?) {
        guard let user = try ModelCollection(store, User.self).get(userId),
              let account = user.socialAccounts.first(where: { $0.platform == platform && $0.accountId == accountId }),
              let access = account.accessToken else {
            throw CoreError.notFound("\(platform.displayName) account \(accountId)")
        }
        return (try vault.open(access, associatedData: SecretVault.tokenContext(userId, platform, "accessToken")),
                try account.refreshToken.map { try vault.open($0, associatedData: SecretVault.tokenContext(userId, platform, "refreshToken")) })
    }
}
