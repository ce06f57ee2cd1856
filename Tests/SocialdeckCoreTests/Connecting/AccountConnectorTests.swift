import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `accounts connect` in the core: OAuth 2.0 with PKCE through the loopback redirect,
/// against the fake platforms' OAuth server on 127.0.0.1, and pasted tokens.
@Suite("Connecting social accounts", .serialized)
struct AccountConnectorTests {
    let server: FakePlatformServer
    let w: AccountWorld
    let org: Organization
    let manager: User

    init() throws {
        server = try FakePlatformServer()
        w = try AccountWorld()
        org = try w.organization("acme")
        manager = try w.customer("manager@acme.test", in: org, role: .manager)
    }

    func settings(secret: String? = nil) -> PlatformSettings { server.platformSettings(clientSecret: secret) }

    func connector(_ settings: PlatformSettings? = nil) -> AccountConnector {
        AccountConnector(store: w.store, vault: w.vault, settings: settings ?? self.settings(), timeout: 5, clock: w.clock.closure)
    }

    /// Begins, lets a "browser" follow the consent address, and finishes.
    func connectThroughBrowser(_ platform: Platform, pick: String? = nil, settings: PlatformSettings? = nil,
                               live: Bool? = nil) throws -> AccountConnector.Connected {
        try FakePlatformServer.signIn(connector(settings), platform, userId: manager._id, pick: pick, live: live, by: identity(of: manager))
    }

    func account(_ platform: Platform) throws -> User.SocialAccount? {
        try w.storedUser(manager._id).socialAccounts.first { $0.platform == platform }
    }

    @Test func xConnectsThroughTheBrowserWithPKCEAndTheTokensAreSealed() throws {
        let connected = try connectThroughBrowser(.twitter)
        #expect(connected.accountId == "2244994945" && connected.accountName == "@acmecoffee" && connected.renewable)
        #expect(connected.expiresAt == w.clock.now.addingTimeInterval(7200))
        let requests = try server.received()
        let exchange = try #require(requests.first { $0.path == "/oauth/token" })
        let form = try #require(FormEncoding.decode(exchange.body))
        #expect(form["grant_type"] == "authorization_code" && form["code_verifier"]?.count == 43 && form["client_id"] == "client-x")
        #expect(form["redirect_uri"]?.hasPrefix("http://127.0.0.1:") == true)
        #expect(requests.last?.path == "/2/users/me" && requests.last?.header("Authorization") == "Bearer at-1")

        let stored = try #require(try account(.twitter))
        #expect(stored.live == nil, "a new account publishes through the sandbox")
        #expect(stored.tokenExpiresAt == w.clock.now.addingTimeInterval(7200))
        let raw = ExtendedJSON.string(from: try w.rawUser(manager._id))
        #expect(!raw.contains("at-1") && !raw.contains("rt-1"), "only sealed tokens are stored")
        let open = try SocialAccountTokens(store: w.store, vault: w.vault).stored(userId: manager._id, platform: .twitter, accountId: "2244994945")
        #expect(open.access == "at-1" && open.refresh == "rt-1")
        #expect(try w.customerLog().contains { $0.action == "social_account_connected" })
    }

    @Test func facebookConnectsAPageWithThePagesOwnTokenAndNamesTheOthers() throws {
        let connected = try connectThroughBrowser(.facebook, pick: "acme events")
        #expect(connected.accountId == "2222" && connected.accountName == "Acme Events" && connected.alternatives == ["Acme Coffee"])
        #expect(connected.expiresAt == nil, "Page tokens from a long-lived sign-in do not lapse")
        let open = try SocialAccountTokens(store: w.store, vault: w.vault).stored(userId: manager._id, platform: .facebook, accountId: "2222")
        #expect(open.access == "page-tok-2222" && open.refresh == nil)
        #expect(throws: CoreError.self) { try connectThroughBrowser(.facebook, pick: "Nope Page") }
    }

    @Test func instagramTradesTheHourLongTokenForALongLivedOne() throws {
        let connected = try connectThroughBrowser(.instagram, settings: settings(secret: "app-secret"))
        #expect(connected.accountId == "17841400001" && connected.accountName == "@acmecoffee" && connected.renewable)
        #expect(connected.expiresAt == w.clock.now.addingTimeInterval(5_184_000))
        let grants = try server.received().filter { $0.path == "/oauth/token" }.compactMap { FormEncoding.decode($0.body)?["grant_type"] }
        #expect(grants == ["authorization_code", "fb_exchange_token"])
        let open = try SocialAccountTokens(store: w.store, vault: w.vault).stored(userId: manager._id, platform: .instagram, accountId: "17841400001")
        #expect(open.access == "at-2")
    }

    @Test func sayingNoAtThePlatformEndsTheWaitWithItsReason() throws {
        var s = settings()
        s.oauth[.linkedin]?.scopes = ["deny"]
        #expect { try connectThroughBrowser(.linkedin, settings: s) } throws: { "\($0)".contains("The user denied access") }
        #expect(try account(.linkedin) == nil)
    }

    @Test func aForgedAnswerIsIgnoredAndTheRealOneStillConnects() throws {
        let c = connector()
        let pending = try c.begin(.linkedin)
        let port = try #require(URLComponents(string: pending.url)?.queryItems?.first { $0.name == "redirect_uri" }?.value)
            .replacingOccurrences(of: "/callback", with: "")
        let url = pending.url
        DispatchQueue.global().async {
            let forged = HTTPExchange.send(PlatformRequest(method: "GET", url: port + "/callback?code=evil&state=guess", headers: [:], body: ""), timeout: 5)
            if case .answered(let status, _, _) = forged, status == 400 { _ = FakePlatformServer.browse(url) }
        }
        let connected = try c.finish(pending, waiting: 10, userId: manager._id, pick: nil, live: nil, by: identity(of: manager))
        #expect(connected.accountId == "782bbtaQ" && connected.accountName == "Rosa Brandt")
        #expect(try server.received().filter { $0.path == "/oauth/token" }.count == 1, "the forged code was never traded")
    }

    @Test func noBrowserAnswerEndsTheWaitClearly() throws {
        let c = connector()
        let pending = try c.begin(.tiktok)
        #expect { try c.finish(pending, waiting: 0.3, userId: manager._id, pick: nil, live: nil, by: identity(of: manager)) }
            throws: { "\($0)".contains("no answer from the browser") }
    }

    @Test func withoutAnAppTheErrorSaysWhereToSetOne() throws {
        #expect { try connector(PlatformSettings()).begin(.twitter) } throws: { "\($0)".contains("[platforms.x]") }
    }

    @Test func aPastedTokenIsCheckedWithThePlatformAndAReconnectKeepsTheRefreshToken() throws {
        let c = connector()
        let first = try c.connectPasted(.twitter, accessToken: "pasted-1", refreshToken: "keep-me", expiresIn: 600, accountId: nil,
                                        accountName: nil, userId: manager._id, live: nil, by: identity(of: manager))
        #expect(first.accountName == "@acmecoffee" && first.expiresAt == w.clock.now.addingTimeInterval(600))
        #expect(try server.received().last?.header("Authorization") == "Bearer pasted-1")
        _ = try c.connectPasted(.twitter, accessToken: "pasted-2", refreshToken: nil, expiresIn: nil, accountId: "2244994945",
                                accountName: "@acmecoffee", userId: manager._id, live: nil, by: identity(of: manager))
        let open = try SocialAccountTokens(store: w.store, vault: w.vault).stored(userId: manager._id, platform: .twitter, accountId: "2244994945")
        #expect(open.access == "pasted-2" && open.refresh == "keep-me")
        #expect(try w.storedUser(manager._id).socialAccounts.count == 1)
        #expect(throws: CoreError.self) {
            try c.connectPasted(.x, accessToken: "two words", refreshToken: nil, expiresIn: nil, accountId: "1", accountName: nil,
                                userId: manager._id, live: nil, by: identity(of: manager))
        }
    }

    @Test func goingLiveNeedsTheRightToPublishAndOthersAccountsNeedUserManagement() throws {
        let viewer = try w.customer("viewer@acme.test", in: org, role: .viewer)
        let tokens = SocialAccountTokens(store: w.store, vault: w.vault)
        try tokens.connect(userId: viewer._id, platform: .linkedin, accountId: "v1", accountName: "V", accessToken: "t",
                           refreshToken: nil, at: w.clock.now, by: identity(of: viewer))
        #expect(throws: AccessDenied.self) { try tokens.setLive(true, userId: viewer._id, platform: .linkedin, at: w.clock.now, by: identity(of: viewer)) }
        #expect(throws: AccessDenied.self) { try tokens.disconnect(userId: viewer._id, platform: .linkedin, at: w.clock.now, by: identity(of: manager)) }
        let other = try w.customer("admin@other.test", in: try w.organization("other"), role: .admin)
        #expect(throws: CoreError.self, "another organization's user is not even found") {
            try tokens.disconnect(userId: viewer._id, platform: .linkedin, at: w.clock.now, by: identity(of: other))
        }
        #expect(try tokens.setLive(true, userId: viewer._id, platform: .linkedin, at: w.clock.now, by: .localOperator()) == 1)
        #expect(try w.storedUser(viewer._id).socialAccounts.first?.live == true)
        #expect(try tokens.disconnect(userId: viewer._id, platform: .linkedin, at: w.clock.now, by: identity(of: viewer)) == 1)
        #expect(try w.storedUser(viewer._id).socialAccounts.isEmpty)
        #expect(try w.customerLog().map(\.action).filter { $0.hasPrefix("social_account") }
                == ["social_account_connected", "social_account_disconnected"])
        #expect(try w.adminLog().map(\.action).contains("social_account_live"), "the operator's switch is in the staff log")
    }
}

private extension Platform {
    static let x = Platform.twitter
}
