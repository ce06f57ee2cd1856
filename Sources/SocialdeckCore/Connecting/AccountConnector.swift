import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Connects a person's account on a platform, as `gh auth login` does: OAuth 2.0 with
/// PKCE through a redirect to 127.0.0.1, or a token pasted by hand. The platform is
/// asked whose token it is, and the tokens are stored sealed on the user.
public struct AccountConnector {
    let tokens: SocialAccountTokens
    let settings: PlatformSettings
    let timeout: TimeInterval
    let http: LivePlatformClient.Send
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, vault: SecretVault, settings: PlatformSettings, timeout: TimeInterval = 30,
                http: @escaping LivePlatformClient.Send = HTTPExchange.send, clock: @escaping @Sendable () -> Date = { Date() }) {
        tokens = SocialAccountTokens(store: store, vault: vault)
        self.settings = settings
        self.timeout = timeout
        self.http = http
        self.clock = clock
    }

    /// An authorization under way: the address to open, and the listener waiting for the answer.
    public struct Pending {
        public let platform: Platform
        public let url: String
        let redirect: LoopbackRedirect
        let pkce: PKCE
        let state: String
    }

    /// What was connected; never the tokens.
    public struct Connected: Sendable, Equatable {
        public var accountId: String
        public var accountName: String
        public var expiresAt: Date?
        public var renewable: Bool
        /// Other accounts the token could have posted as (Facebook Pages, Instagram accounts).
        public var alternatives: [String]
    }

    /// Starts listening on the loopback redirect and builds the consent address.
    public func begin(_ platform: Platform) throws -> Pending {
        guard let oauth = settings.oauth[platform] else { throw CoreError.invalid(PlatformOAuth.missingClient(platform)) }
        let redirect = try LoopbackRedirect(port: settings.redirectPorts[platform] ?? 0)
        let pkce = try PKCE.random()
        let state = try PKCE.state()
        let url = try oauth.authorizationURL(redirect: redirect.redirectURI, pkce: pkce, state: state)
        return Pending(platform: platform, url: url, redirect: redirect, pkce: pkce, state: state)
    }

    /// Waits for the browser's answer, trades the code for tokens and stores the account.
    public func finish(_ pending: Pending, waiting: TimeInterval, userId: ObjectId, pick: String?, live: Bool?,
                       by identity: Identity) throws -> Connected {
        let platform = pending.platform
        try tokens.authorizeConnect(userId: userId, live: live, by: identity)
        let code = try pending.redirect.waitForCode(state: pending.state, timeout: waiting, platform: platform.displayName)
        let oauth = settings.oauth[platform]!
        let request = try oauth.codeRequest(code: code, redirect: pending.redirect.redirectURI, pkce: pending.pkce)
        var issued = try OAuthTokens(http(request, timeout), platform: platform, now: clock())
        if oauth.exchangesAccessToken, oauth.clientSecret != nil {
            // Meta's code gives an hour-long token; the long-lived one lasts 60 days.
            issued = try OAuthTokens(http(try oauth.refreshRequest(refreshToken: nil, accessToken: issued.access), timeout),
                                     platform: platform, now: clock())
        }
        return try store(issued, platform: platform, userId: userId, pick: pick, named: nil, live: live, by: identity)
    }

    /// Stores a token pasted by hand. Without `accountId` the platform is asked whose it is.
    public func connectPasted(_ platform: Platform, accessToken: String, refreshToken: String?, expiresIn: TimeInterval?,
                              accountId: String?, accountName: String?, userId: ObjectId, live: Bool?,
                              by identity: Identity) throws -> Connected {
        guard !accessToken.isEmpty, !accessToken.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw CoreError.invalid("the token is empty or holds spaces; paste it as the platform gave it")
        }
        try tokens.authorizeConnect(userId: userId, live: live, by: identity)
        let issued = OAuthTokens(access: accessToken, refresh: refreshToken, expiresAt: expiresIn.map { clock().addingTimeInterval($0) })
        if let accountId {
            try tokens.connect(userId: userId, platform: platform, accountId: accountId, accountName: accountName ?? accountId,
                               accessToken: accessToken, refreshToken: refreshToken, expiresAt: issued.expiresAt, live: live,
                               at: clock(), by: identity)
            return Connected(accountId: accountId, accountName: accountName ?? accountId, expiresAt: issued.expiresAt,
                             renewable: refreshToken != nil, alternatives: [])
        }
        return try store(issued, platform: platform, userId: userId, pick: nil, named: accountName, live: live, by: identity)
    }

    private func store(_ issued: OAuthTokens, platform: Platform, userId: ObjectId, pick: String?, named: String?,
                       live: Bool?, by identity: Identity) throws -> Connected {
        let found = try AccountIdentity.lookUp(platform, token: issued.access, openId: issued.openId, endpoints: settings.endpoints,
                                               timeout: timeout, http: http)
        guard !found.isEmpty else {
            throw CoreError.invalid(platform == .instagram
                ? "the token reaches no Instagram professional account: link one to a Facebook Page first"
                : "the token reaches no \(platform.displayName) \(platform == .facebook ? "Page" : "account")")
        }
        let chosen: AccountIdentity
        if let pick {
            let wanted = pick.lowercased()
            guard let match = found.first(where: { $0.accountId == pick || $0.accountName.lowercased() == wanted
                || $0.accountName.lowercased() == "@" + wanted }) else {
                throw CoreError.notFound("\(pick) among \(found.map(\.accountName).joined(separator: ", "))")
            }
            chosen = match
        } else {
            chosen = found[0]
        }
        let name = named ?? chosen.accountName
        let renewable = issued.refresh != nil || (platform == .instagram && settings.oauth[platform]?.clientSecret != nil)
        let expiresAt = chosen.pageToken == nil ? issued.expiresAt : nil
        try tokens.connect(userId: userId, platform: platform, accountId: chosen.accountId, accountName: name,
                           accessToken: chosen.pageToken ?? issued.access, refreshToken: chosen.pageToken == nil ? issued.refresh : nil,
                           expiresAt: expiresAt, live: live, at: clock(), by: identity)
        return Connected(accountId: chosen.accountId, accountName: name, expiresAt: expiresAt, renewable: renewable || chosen.pageToken != nil,
                         alternatives: found.filter { $0 != chosen }.map(\.accountName))
    }
}
