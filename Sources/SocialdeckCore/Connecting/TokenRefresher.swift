import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Keeps live accounts' access tokens usable: renewed ahead of expiry, and once after a
/// platform refuses one. X and TikTok spend a refresh token when it is used, so of all
/// the processes sending for an account only the holder of its `token-refresh` lease
/// renews it; the others wait for the result in the store.
public struct TokenRefresher: Sendable {
    let store: any DocumentStore
    let tokens: SocialAccountTokens
    let clients: [Platform: PlatformOAuth]
    let timeout: TimeInterval
    let http: LivePlatformClient.Send
    let clock: @Sendable () -> Date
    let owner: String
    /// A token that lapses within this is renewed before it is used.
    let margin: TimeInterval

    public init(store: any DocumentStore, vault: SecretVault, clients: [Platform: PlatformOAuth], timeout: TimeInterval = 30,
                http: @escaping LivePlatformClient.Send = HTTPExchange.send, clock: @escaping @Sendable () -> Date = { Date() },
                owner: String = PublishScheduler.processOwner(), margin: TimeInterval = 600) {
        self.store = store
        self.tokens = SocialAccountTokens(store: store, vault: vault)
        self.clients = clients
        self.timeout = timeout
        self.http = http
        self.clock = clock
        self.owner = owner
        self.margin = margin
    }

    /// The token to send with, renewed first when it is about to lapse. A renewal that
    /// fails still leaves the current token to try while it lasts.
    public func currentToken(_ account: PublishJob.Account, _ platform: Platform) throws -> String {
        let stored = try tokens.stored(userId: account.userId, platform: platform, accountId: account.accountId)
        guard isDue(stored.expiresAt), canRenew(platform) else { return stored.access }
        do {
            return try renew(account, platform) { isDue($0.expiresAt) }
        } catch where stored.expiresAt.map({ $0 > clock() }) ?? false {
            return stored.access
        }
    }

    /// After a 401: a new token, unless another process has already replaced the refused one.
    public func tokenAfterRefusal(_ account: PublishJob.Account, _ platform: Platform, refused: String) throws -> String? {
        guard canRenew(platform) else { return nil }
        return try renew(account, platform) { $0.access == refused }
    }

    private func isDue(_ expiresAt: Date?) -> Bool {
        expiresAt.map { $0.timeIntervalSince(clock()) < margin } ?? false
    }

    /// Facebook Page tokens do not lapse and cannot be renewed; a revoked one needs a reconnect.
    private func canRenew(_ platform: Platform) -> Bool { platform != .facebook }

    private func renew(_ account: PublishJob.Account, _ platform: Platform,
                       stillNeeded: (SocialAccountTokens.Stored) -> Bool) throws -> String {
        guard let oauth = clients[platform], oauth.clientId != nil else { throw CoreError.invalid(PlatformOAuth.missingClient(platform)) }
        let lease = StoreLease(store: store, name: "token-refresh:\(account.userId.hex):\(platform.rawValue):\(account.accountId)",
                               owner: owner, duration: timeout + 15)
        let giveUp = Date().addingTimeInterval(timeout + 20)
        while try !lease.acquire(at: clock()) {
            guard Date() < giveUp else { throw StoreError.busy("the \(platform.displayName) token of \(account.accountName)") }
            Thread.sleep(forTimeInterval: 0.2)
            let current = try tokens.stored(userId: account.userId, platform: platform, accountId: account.accountId)
            if !stillNeeded(current) { return current.access }
        }
        defer { try? lease.release() }
        let current = try tokens.stored(userId: account.userId, platform: platform, accountId: account.accountId)
        guard stillNeeded(current) else { return current.access }
        let request = try oauth.refreshRequest(refreshToken: current.refresh, accessToken: current.access)
        let fresh = try OAuthTokens(http(request, timeout), platform: platform, now: clock())
        try tokens.storeRenewed(fresh, userId: account.userId, platform: platform, accountId: account.accountId, at: clock())
        return fresh.access
    }
}
