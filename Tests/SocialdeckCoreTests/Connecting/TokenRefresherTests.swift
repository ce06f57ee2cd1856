import Foundation
import Synchronization
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Token renewal against the fake OAuth server, whose refresh tokens are single-use
/// (as X's and TikTok's are): ahead of expiry, after a 401, and from many senders at once.
@Suite("Renewing tokens", .serialized)
struct TokenRefresherTests {
    let server: FakePlatformServer
    let w: AccountWorld
    let manager: User
    let settings: PlatformSettings

    init() throws {
        server = try FakePlatformServer()
        w = try AccountWorld()
        manager = try w.customer("manager@acme.test", in: try w.organization("acme"), role: .manager)
        settings = server.platformSettings()
    }

    /// X connected through the browser: at-1 / rt-1, lapsing in 2 h.
    func connectX() throws -> PublishJob.Account {
        let c = AccountConnector(store: w.store, vault: w.vault, settings: settings, timeout: 5, clock: w.clock.closure)
        let done = try FakePlatformServer.signIn(c, .twitter, userId: manager._id, live: true, by: identity(of: manager))
        return PublishJob.Account(userId: manager._id, accountId: done.accountId, accountName: done.accountName, live: true)
    }

    func refresher(owner: String = "p1") -> TokenRefresher {
        TokenRefresher(store: w.store, vault: w.vault, clients: settings.oauth, timeout: 5, clock: w.clock.closure, owner: owner)
    }

    func stored() throws -> SocialAccountTokens.Stored {
        try SocialAccountTokens(store: w.store, vault: w.vault).stored(userId: manager._id, platform: .twitter, accountId: "2244994945")
    }

    func tokenRequests() throws -> [[String: String]] {
        try server.received().filter { $0.path == "/oauth/token" }.compactMap { FormEncoding.decode($0.body) }
    }

    @Test func aTokenFarFromExpiryIsUsedAsItIs() throws {
        let account = try connectX()
        w.clock.advance(by: 3600)
        #expect(try refresher().currentToken(account, .twitter) == "at-1")
        #expect(try tokenRequests().count == 1, "only the code was traded")
    }

    @Test func aTokenAboutToLapseIsRenewedFirstAndTheNewRefreshTokenKept() throws {
        let account = try connectX()
        w.clock.advance(by: 7200 - 300)
        #expect(try refresher().currentToken(account, .twitter) == "at-2")
        let renewal = try #require(try tokenRequests().last)
        #expect(renewal["grant_type"] == "refresh_token" && renewal["refresh_token"] == "rt-1" && renewal["client_id"] == "client-x")
        let now = try stored()
        #expect(now.access == "at-2" && now.refresh == "rt-2" && now.expiresAt == w.clock.now.addingTimeInterval(7200))
    }

    @Test func aRefusedRenewalStillUsesTheTokenWhileItLastsThenSaysReconnect() throws {
        let account = try connectX()
        w.clock.advance(by: 7200 - 300)
        try server.script([.init("/oauth/token", status: 400, json: #"{"error":"invalid_grant","error_description":"Refresh token revoked"}"#)])
        #expect(try refresher().currentToken(account, .twitter) == "at-1", "five minutes are left")
        w.clock.advance(by: 600)
        try server.script([.init("/oauth/token", status: 400, json: #"{"error":"invalid_grant","error_description":"Refresh token revoked"}"#)])
        #expect { try refresher().currentToken(account, .twitter) } throws: { "\($0)".contains("Refresh token revoked") }
    }

    @Test func a401RenewsTheTokenOnceAndTheRetryCarriesTheNewOne() throws {
        let account = try connectX()
        try server.script([.init("/2/tweets", status: 401, json: #"{"title":"Unauthorized","detail":"Unauthorized"}"#)])
        let client = LivePlatformClient.connected(refresher(), endpoints: settings.endpoints, timeout: 5)
        var job = PublishJob()
        job.platform = .twitter
        job.account = account
        #expect(client.send(OutgoingPost(job: job, text: "hello", media: [], attempt: 1)).isAccepted)
        let tweets = try server.received().filter { $0.path == "/2/tweets" }.map { $0.header("Authorization") }
        #expect(tweets == ["Bearer at-1", "Bearer at-2"])
        #expect(try stored().access == "at-2")
    }

    /// Four senders find the token about to lapse at once; the refresh token is spent once
    /// and all four go on with its result.
    @Test func sendersRacingToRenewSpendTheRefreshTokenOnce() throws {
        let account = try connectX()
        w.clock.advance(by: 7200 - 60)
        try server.script([.init("/oauth/token", delay: 0.5)])
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let token = (try? refresher(owner: "p\(i)").currentToken(account, .twitter)) ?? "failed"
            results.withLock { $0.append(token) }
        }
        #expect(results.withLock { $0 } == ["at-2", "at-2", "at-2", "at-2"])
        #expect(try tokenRequests().filter { $0["grant_type"] == "refresh_token" }.count == 1)
    }

    @Test func facebookPageTokensAreNotRenewedAndA401SaysSo() throws {
        let account = PublishJob.Account(userId: manager._id, accountId: "1111", accountName: "Acme Coffee", live: true)
        #expect(try refresher().tokenAfterRefusal(account, .facebook, refused: "page-tok") == nil)
    }
}
