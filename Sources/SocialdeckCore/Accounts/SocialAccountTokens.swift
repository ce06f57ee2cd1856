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

    /// Connects (or reconnects) a network account. A reconnect that brings no refresh
    /// token keeps the old one; a reconnect never silently changes sandbox to live.
    public func connect(userId: ObjectId, platform: Platform, accountId: String, accountName: String,
                        accessToken: String, refreshToken: String?, expiresAt: Date? = nil, live: Bool? = nil,
                        at now: Date, by identity: Identity) throws {
        let user = try authorizeConnect(userId: userId, live: live, by: identity)
        var accounts = user.socialAccounts
        let previous = accounts.firstIndex { $0.platform == platform && $0.accountId == accountId }
        var account = try sealed(User.SocialAccount(platform: platform, accountId: accountId, accountName: accountName, connectedAt: now),
                                 accessToken: accessToken, refreshToken: refreshToken, userId: userId)
        account.tokenExpiresAt = expiresAt
        account.live = live ?? previous.flatMap { accounts[$0].live }
        if let previous {
            if refreshToken == nil { account.refreshToken = accounts[previous].refreshToken }
            accounts[previous] = account
        } else {
            try PlanLimits(store: store).check(.socialAccounts, user.organizationId, at: now)
            accounts.append(account)
        }
        try save(accounts, of: userId, at: now)
        try audit.record(.init(action: "social_account_connected", targetType: .user, targetId: userId, organizationId: user.organizationId,
                               info: ["platform": .string(platform.rawValue), "account": .string(accountName),
                                      "live": .bool(account.live ?? false)]), by: identity)
    }

    /// Removes a user's accounts on a platform (one of them, given `accountId`); their
    /// tokens go with them. Returns how many went.
    @discardableResult
    public func disconnect(userId: ObjectId, platform: Platform, accountId: String? = nil, at now: Date, by identity: Identity) throws -> Int {
        let user = try owner(userId, by: identity)
        let kept = user.socialAccounts.filter { $0.platform != platform || (accountId != nil && $0.accountId != accountId) }
        let removed = user.socialAccounts.count - kept.count
        guard removed > 0 else { throw CoreError.notFound("\(platform.displayName) account\(accountId.map { " \($0)" } ?? "") of \(user.email)") }
        try save(kept, of: userId, at: now)
        try audit.record(.init(action: "social_account_disconnected", targetType: .user, targetId: userId, organizationId: user.organizationId,
                               info: ["platform": .string(platform.rawValue), "accounts": .int64(Int64(removed))]), by: identity)
        return removed
    }

    /// Switches accounts between the sandbox and the real platform. Going live needs the
    /// right to publish, as the posts will then be public.
    @discardableResult
    public func setLive(_ live: Bool, userId: ObjectId, platform: Platform, accountId: String? = nil, at now: Date, by identity: Identity) throws -> Int {
        let user = try owner(userId, by: identity)
        if live { try AccessControl.authorize(identity, .publishContent, organizationId: user.organizationId) }
        var accounts = user.socialAccounts
        var changed = 0
        for i in accounts.indices where accounts[i].platform == platform && (accountId == nil || accounts[i].accountId == accountId) {
            if live && accounts[i].accessToken == nil {
                throw CoreError.invalid("\(accounts[i].accountName) has no token to publish with: connect it first")
            }
            accounts[i].live = live
            changed += 1
        }
        guard changed > 0 else { throw CoreError.notFound("\(platform.displayName) account\(accountId.map { " \($0)" } ?? "") of \(user.email)") }
        try save(accounts, of: userId, at: now)
        try audit.record(.init(action: live ? "social_account_live" : "social_account_sandboxed", targetType: .user, targetId: userId,
                               organizationId: user.organizationId, info: ["platform": .string(platform.rawValue)]), by: identity)
        return changed
    }

    /// Whether the caller may connect an account for the user (checked before anyone is
    /// sent to a browser): the user in reach, and the right to publish to go live.
    @discardableResult
    func authorizeConnect(userId: ObjectId, live: Bool?, by identity: Identity) throws -> User {
        let user = try owner(userId, by: identity)
        if live == true { try AccessControl.authorize(identity, .publishContent, organizationId: user.organizationId) }
        return user
    }

    /// The user, in the caller's reach; someone else's accounts need the right to manage users.
    private func owner(_ userId: ObjectId, by identity: Identity) throws -> User {
        guard let user = try ModelCollection(store, User.self).first(.id(userId) && AccessControl.scope(identity)) else {
            throw CoreError.notFound("user \(userId.hex)")
        }
        if identity.actorId != userId { try AccessControl.authorize(identity, .manageUsers, organizationId: user.organizationId) }
        return user
    }

    private func save(_ accounts: [User.SocialAccount], of userId: ObjectId, at now: Date) throws {
        try store.updateOne(User.collection.rawValue, .id(userId),
                            Update.set("socialAccounts", try DocumentEncoder().encodeValue(accounts)).set("updatedAt", now))
    }

    /// One account's clear tokens and when the access token lapses; for the publisher,
    /// never shown or logged.
    public struct Stored: Sendable {
        public var access: String
        public var refresh: String?
        public var expiresAt: Date?
    }

    public func stored(userId: ObjectId, platform: Platform, accountId: String) throws -> Stored {
        guard let user = try ModelCollection(store, User.self).get(userId),
              let account = user.socialAccounts.first(where: { $0.platform == platform && $0.accountId == accountId }),
              let access = account.accessToken else {
            throw CoreError.notFound("\(platform.displayName) account \(accountId)")
        }
        return Stored(access: try vault.open(access, associatedData: SecretVault.tokenContext(userId, platform, "accessToken")),
                      refresh: try account.refreshToken.map { try vault.open($0, associatedData: SecretVault.tokenContext(userId, platform, "refreshToken")) },
                      expiresAt: account.tokenExpiresAt)
    }

    /// Stores renewed tokens; an answer without a refresh token keeps the old one.
    func storeRenewed(_ fresh: OAuthTokens, userId: ObjectId, platform: Platform, accountId: String, at now: Date) throws {
        guard var accounts = try ModelCollection(store, User.self).get(userId)?.socialAccounts,
              let i = accounts.firstIndex(where: { $0.platform == platform && $0.accountId == accountId }) else {
            throw CoreError.notFound("\(platform.displayName) account \(accountId)")
        }
        let renewed = try sealed(accounts[i], accessToken: fresh.access, refreshToken: fresh.refresh, userId: userId)
        accounts[i].accessToken = renewed.accessToken
        if fresh.refresh != nil { accounts[i].refreshToken = renewed.refreshToken }
        accounts[i].tokenExpiresAt = fresh.expiresAt
        accounts[i].lastSync = now
        try save(accounts, of: userId, at: now)
    }
}
