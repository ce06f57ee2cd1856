import Foundation
import SocialdeckModel

/// socialdeck's OAuth 2.0 registration with one platform: where a person authorizes it,
/// where codes and refresh tokens become access tokens, and the client's id and secret.
/// The defaults are each platform's real endpoints; `[platforms.NAME]` in config.toml
/// sets the client and may move them (a proxy, or a fake in tests).
public struct PlatformOAuth: Sendable, Equatable {
    public var platform: Platform
    public var authorizeURL: String
    public var tokenURL: String
    public var scopes: [String]
    public var clientId: String?
    /// Read from a 0600 file or the environment; never printed, logged or stored.
    public var clientSecret: String?

    public init(platform: Platform, authorizeURL: String, tokenURL: String, scopes: [String],
                clientId: String? = nil, clientSecret: String? = nil) {
        self.platform = platform
        self.authorizeURL = authorizeURL
        self.tokenURL = tokenURL
        self.scopes = scopes
        self.clientId = clientId
        self.clientSecret = clientSecret
    }

    public static func standard(_ platform: Platform) -> PlatformOAuth {
        let metaDialog = "https://www.facebook.com/v21.0/dialog/oauth"
        let metaToken = "https://graph.facebook.com/v21.0/oauth/access_token"
        switch platform {
        case .facebook:
            return PlatformOAuth(platform: platform, authorizeURL: metaDialog, tokenURL: metaToken,
                                 scopes: ["pages_show_list", "pages_manage_posts", "pages_read_engagement"])
        case .instagram:
            return PlatformOAuth(platform: platform, authorizeURL: metaDialog, tokenURL: metaToken,
                                 scopes: ["instagram_basic", "instagram_content_publish", "pages_show_list", "business_management"])
        case .twitter:
            return PlatformOAuth(platform: platform, authorizeURL: "https://x.com/i/oauth2/authorize",
                                 tokenURL: "https://api.x.com/2/oauth2/token",
                                 scopes: ["tweet.read", "tweet.write", "users.read", "offline.access"])
        case .linkedin:
            return PlatformOAuth(platform: platform, authorizeURL: "https://www.linkedin.com/oauth/v2/authorization",
                                 tokenURL: "https://www.linkedin.com/oauth/v2/accessToken",
                                 scopes: ["openid", "profile", "w_member_social"])
        case .tiktok:
            return PlatformOAuth(platform: platform, authorizeURL: "https://www.tiktok.com/v2/auth/authorize/",
                                 tokenURL: "https://open.tiktokapis.com/v2/oauth/token/",
                                 scopes: ["user.info.basic", "video.publish"])
        }
    }

    /// Every platform's authorize and token endpoints on one base URL: a local fake in tests.
    public static func allAt(_ base: String, _ platform: Platform) -> PlatformOAuth {
        var oauth = standard(platform)
        oauth.authorizeURL = base + "/oauth/authorize"
        oauth.tokenURL = base + "/oauth/token"
        return oauth
    }

    /// TikTok names the client `client_key` and separates scopes with commas.
    var clientParameter: String { platform == .tiktok ? "client_key" : "client_id" }
    var scopeSeparator: String { platform == .tiktok ? "," : " " }
    /// Meta issues no refresh tokens: a long-lived token is exchanged for a new one instead.
    var exchangesAccessToken: Bool { platform == .facebook || platform == .instagram }

    /// Where to send the person: the consent page, with the PKCE challenge and `state`.
    public func authorizationURL(redirect: String, pkce: PKCE, state: String) throws -> String {
        guard let clientId else { throw CoreError.invalid(Self.missingClient(platform)) }
        return authorizeURL + (authorizeURL.contains("?") ? "&" : "?") + FormEncoding.encode([
            ("response_type", "code"), (clientParameter, clientId), ("redirect_uri", redirect),
            ("scope", scopes.joined(separator: scopeSeparator)), ("state", state),
            ("code_challenge", pkce.challenge), ("code_challenge_method", "S256"),
        ])
    }

    /// The code (from the redirect) for tokens.
    func codeRequest(code: String, redirect: String, pkce: PKCE) throws -> PlatformRequest {
        try tokenRequest([("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect),
                          ("code_verifier", pkce.verifier)])
    }

    /// New tokens from the refresh token, or (Meta) from the current long-lived token.
    func refreshRequest(refreshToken: String?, accessToken: String) throws -> PlatformRequest {
        if exchangesAccessToken {
            guard clientSecret != nil else {
                throw CoreError.invalid("\(platform.displayName) tokens are renewed with the app secret: set client_secret_file under [platforms.\(platform.configName)]")
            }
            return try tokenRequest([("grant_type", "fb_exchange_token"), ("fb_exchange_token", accessToken)])
        }
        guard let refreshToken else { throw CoreError.invalid("the \(platform.displayName) account has no refresh token: reconnect it") }
        return try tokenRequest([("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
    }

    /// A form POST to the token endpoint. X wants a confidential client's credentials in
    /// Basic auth; the others take them in the form.
    private func tokenRequest(_ fields: [(String, String)]) throws -> PlatformRequest {
        guard let clientId else { throw CoreError.invalid(Self.missingClient(platform)) }
        var form = fields
        var headers = ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"]
        if platform == .twitter, let clientSecret {
            headers["Authorization"] = "Basic " + CryptoSupport.base64(Array("\(clientId):\(clientSecret)".utf8))
        } else {
            form.append((clientParameter, clientId))
            if let clientSecret { form.append(("client_secret", clientSecret)) }
        }
        return PlatformRequest(url: tokenURL, headers: headers, body: FormEncoding.encode(form))
    }

    static func missingClient(_ platform: Platform) -> String {
        "socialdeck has no \(platform.displayName) app: set client_id under [platforms.\(platform.configName)] in config.toml, or paste a token with --token"
    }
}

extension Platform {
    /// The platform's name in config.toml and on the command line.
    public var configName: String { self == .twitter ? "x" : rawValue }
}
