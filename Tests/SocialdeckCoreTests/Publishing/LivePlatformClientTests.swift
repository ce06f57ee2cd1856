import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The live client against a fake of the five platforms on 127.0.0.1 (issue #12):
/// each platform's request shape, and every way an answer can go wrong.
@Suite("Live publishing over HTTP", .serialized)
struct LivePlatformClientTests {
    let server: FakePlatformServer
    init() throws { server = try FakePlatformServer() }

    func client(timeout: TimeInterval = 5, refresh: (@Sendable (PublishJob.Account, Platform, String) throws -> String?)? = nil) -> LivePlatformClient {
        LivePlatformClient(endpoints: PlatformEndpoints(allAt: server.base), timeout: timeout, token: { _, _ in "tok-1" },
                           refresh: refresh, pause: { _ in })
    }

    func post(_ platform: Platform, text: String = "Winter is here #snow", media: [String] = []) -> OutgoingPost {
        var job = PublishJob()
        job.contentId = ObjectId()
        job.platform = platform
        job.dueAt = Date()
        job._id = PublishJob.id(contentId: job.contentId, platform: platform, dueAt: job.dueAt)
        job.account = PublishJob.Account(userId: ObjectId(), accountId: "acct9", accountName: "@acme", live: true)
        return OutgoingPost(job: job, text: text, media: media, attempt: 1)
    }

    @Test func eachPlatformGetsItsOwnRequestAndItsIdsAreRead() throws {
        let c = client()
        #expect(c.send(post(.facebook)) == .accepted(postId: "acct9_1001", permalink: "https://www.facebook.com/acct9_1001"))
        #expect(c.send(post(.twitter)) == .accepted(postId: "1790000000000000001", permalink: "https://x.com/i/web/status/1790000000000000001"))
        #expect(c.send(post(.linkedin)) == .accepted(postId: "urn:li:share:7000000000000000001",
                                                     permalink: "https://www.linkedin.com/feed/update/urn:li:share:7000000000000000001/"))
        #expect(c.send(post(.instagram, media: ["https://cdn.example/a.jpg"]))
                == .accepted(postId: "17900002", permalink: "https://www.instagram.com/p/FAKE123/"))
        #expect(c.send(post(.tiktok, media: ["https://cdn.example/a.mp4"]))
                == .accepted(postId: "7300000000000000001", permalink: "https://www.tiktok.com/@acme/video/7300000000000000001"))

        let log = try server.received()
        #expect(log.map { "\($0.method) \($0.path)" } == [
            "POST /graph/acct9/feed", "POST /2/tweets", "POST /rest/posts",
            "POST /graph/acct9/media", "GET /graph/17890001?fields=status_code", "POST /graph/acct9/media_publish",
            "GET /graph/17900002?fields=permalink",
            "POST /v2/post/publish/video/init/", "POST /v2/post/publish/status/fetch/",
        ])
        #expect(log.allSatisfy { $0.header("Authorization") == "Bearer tok-1" })
        #expect(log[0].json?["message"] as? String == "Winter is here #snow")
        #expect(log[1].json?["text"] as? String == "Winter is here #snow")
        #expect(log[2].header("LinkedIn-Version") == "202411" && log[2].header("X-Restli-Protocol-Version") == "2.0.0")
        #expect(log[2].json?["author"] as? String == "urn:li:person:acct9" && log[2].json?["commentary"] as? String == "Winter is here #snow")
        #expect(log[2].json?["lifecycleState"] as? String == "PUBLISHED")
        #expect(log[3].json?["image_url"] as? String == "https://cdn.example/a.jpg" && log[3].json?["caption"] as? String == "Winter is here #snow")
        #expect(log[5].json?["creation_id"] as? String == "17890001")
        let source = log[7].json?["source_info"] as? [String: Any]
        #expect(source?["source"] as? String == "PULL_FROM_URL" && source?["video_url"] as? String == "https://cdn.example/a.mp4")
        #expect(log[8].json?["publish_id"] as? String == "v_pub_url~v2.1")
    }

    @Test func aFacebookPhotoAndATikTokPhotoPostUseTheirEndpoints() throws {
        let c = client()
        _ = c.send(post(.facebook, media: ["https://cdn.example/p.jpg"]))
        _ = c.send(post(.tiktok, media: ["https://cdn.example/p.jpg"]))
        let log = try server.received()
        #expect(log[0].path == "/graph/acct9/photos" && log[0].json?["url"] as? String == "https://cdn.example/p.jpg")
        #expect(log[1].path == "/v2/post/publish/content/init/" && log[1].json?["media_type"] as? String == "PHOTO")
    }

    @Test func rateLimitsAndServerErrorsAreRetriedWithThePlatformsWait() throws {
        try server.script([
            .init("/2/tweets", status: 429, json: #"{"title":"Too Many Requests","detail":"Too Many Requests"}"#, headers: ["Retry-After": "120"]),
            .init("/2/tweets", status: 429, json: #"{"title":"Too Many Requests"}"#,
                  headers: ["x-rate-limit-reset": String(Int(Date().timeIntervalSince1970) + 900)]),
            .init("/rest/posts", status: 500, json: #"{"message":"Internal Server Error"}"#),
            .init("/graph/acct9/feed", status: 400, json: #"{"error":{"message":"(#4) Application request limit reached","code":4}}"#),
        ])
        let c = client()
        #expect(c.send(post(.twitter)) == .transient("X rate limit: Too Many Requests", retryAfter: 120))
        guard case .transient(_, let reset?) = c.send(post(.twitter)) else { Issue.record("no wait from x-rate-limit-reset"); return }
        #expect(abs(reset - 900) < 5)
        #expect(c.send(post(.linkedin)) == .transient("LinkedIn answered 500: Internal Server Error", retryAfter: nil))
        #expect(c.send(post(.facebook)) == .transient("Facebook rate limit: (#4) Application request limit reached", retryAfter: nil))
    }

    @Test func refusalsFailAtOnceWithThePlatformsWords() throws {
        try server.script([
            .init("/graph/acct9/feed", status: 400, json: #"{"error":{"message":"(#100) Invalid parameter","code":100}}"#),
            .init("/2/tweets", status: 403, json: #"{"detail":"You are not allowed to create a Tweet with duplicate content."}"#),
            .init("/graph/17890001?fields=status_code", json: #"{"status_code":"ERROR"}"#),
        ])
        let c = client()
        #expect(c.send(post(.facebook)) == .rejected("(#100) Invalid parameter"))
        #expect(c.send(post(.twitter)) == .rejected("You are not allowed to create a Tweet with duplicate content."))
        #expect(c.send(post(.instagram, media: ["https://cdn.example/a.jpg"])) == .rejected("Instagram could not process the media (ERROR)"))
        #expect(try server.received().contains { $0.path.hasSuffix("/media_publish") } == false, "an errored container is never published")
    }

    @Test func anExpiredTokenIsRefreshedOnceAndSentOnceMore() throws {
        try server.script([.init("/2/tweets", status: 401, json: #"{"title":"Unauthorized","detail":"Unauthorized"}"#)])
        let refreshed = client(refresh: { _, _, _ in "tok-2" })
        #expect(refreshed.send(post(.twitter)).isAccepted)
        #expect(try server.received().map { $0.header("Authorization") } == ["Bearer tok-1", "Bearer tok-2"])

        try server.script([.init("/graph/acct9/feed", status: 400, json: #"{"error":{"message":"Error validating access token","code":190}}"#),
                           .init("/graph/acct9/feed", status: 400, json: #"{"error":{"message":"Error validating access token","code":190}}"#)])
        #expect(client(refresh: { _, _, _ in "tok-3" }).send(post(.facebook)) == .unauthorized("Error validating access token"),
                "a second refusal is the end: one refresh, one retry")
        try server.script([.init("/2/tweets", status: 401, json: #"{"detail":"Unauthorized"}"#)])
        #expect(client().send(post(.twitter)) == .unauthorized("Unauthorized"))
    }

    /// The request left and no answer came: it may be published, so never "retry".
    @Test func aSlowAnswerOrAResetAfterSendingIsUnknown() throws {
        try server.script([.init("/2/tweets", delay: 2), .init("/rest/posts", reset: true)])
        guard case .unknown(let slow) = client(timeout: 0.5).send(post(.twitter)) else { Issue.record("a timeout was not unknown"); return }
        #expect(slow.hasPrefix("no answer from X"))
        guard case .unknown = client().send(post(.linkedin)) else { Issue.record("a reset was not unknown"); return }
    }

    @Test func anUnreachablePlatformIsRetriedBecauseNothingLeft() throws {
        let closed = try FakePlatformServer.closedPort()
        let c = LivePlatformClient(endpoints: PlatformEndpoints(allAt: "http://127.0.0.1:\(closed)"), timeout: 2, token: { _, _ in "t" })
        guard case .transient(let why, nil) = c.send(post(.twitter)) else { Issue.record("refused was not transient"); return }
        #expect(why.hasPrefix("could not reach X"))
    }

    /// The scheduler with a live account: one request per post reaches the platform,
    /// and a 503 is retried later, not at once.
    @Test func theSchedulerPublishesLiveAccountsOnceEach() throws {
        let p = try PublishingWorld(.sqlite)
        try p.store.updateOne(User.collection.rawValue, .id(p.manager._id), Update.set("socialAccounts.2.live", true))
        let post = try p.approvedPost("Live", in: 1, on: [.twitter, .facebook])
        try server.script([.init("/2/tweets", status: 503, json: #"{"title":"Service Unavailable"}"#)])
        let scheduler = PublishScheduler(store: p.store, live: client(), owner: "live:1", clock: p.clock.closure, random: { 0 })
        p.clock.advance(by: 60)
        let first = try scheduler.runOnce()
        #expect(first.published == 1 && first.retrying == 1, "Facebook went to the sandbox, X to the fake server")
        p.clock.advance(by: 61)
        #expect(try scheduler.runOnce().published == 1)
        #expect(try server.received().filter { $0.path == "/2/tweets" }.count == 2)
        #expect(try p.outbox().map(\.platform) == [.facebook])
        let x = try #require(try p.post(post._id).platforms.first { $0.platform == .twitter })
        #expect(x.status == .published && x.platformPostId == "https://x.com/i/web/status/1790000000000000001")
    }
}

extension SendOutcome {
    var isAccepted: Bool { if case .accepted = self { return true } else { return false } }
}
