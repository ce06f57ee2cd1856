import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Publishes to the platforms' APIs over HTTP (libcurl), for accounts switched to
/// live. The requests are ``PlatformRequests``' shapes, the same the sandbox records;
/// the answers are read as each platform gives them (see ``PlatformAnswers``).
/// Instagram's container is polled until it is ready before `media_publish`; TikTok's
/// publish is polled for the post's id after `init`, which already publishes it.
public struct LivePlatformClient: PlatformClient {
    public typealias Send = @Sendable (PlatformRequest, TimeInterval) -> HTTPResult

    let endpoints: PlatformEndpoints
    let timeout: TimeInterval
    /// The account's access token, opened from the store's sealed copy.
    let token: @Sendable (PublishJob.Account, Platform) throws -> String
    /// A fresh token after a 401 refused the given one, or nil when none can be had;
    /// one refresh, one retry.
    let refresh: (@Sendable (PublishJob.Account, Platform, String) throws -> String?)?
    let http: Send
    /// Waits between polls of a container or a publish's status.
    let pause: @Sendable (TimeInterval) -> Void
    let polls: Int

    public init(endpoints: PlatformEndpoints = PlatformEndpoints(), timeout: TimeInterval = 30,
                token: @escaping @Sendable (PublishJob.Account, Platform) throws -> String,
                refresh: (@Sendable (PublishJob.Account, Platform, String) throws -> String?)? = nil,
                http: @escaping Send = HTTPExchange.send, pause: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
                polls: Int = 5) {
        self.endpoints = endpoints
        self.timeout = timeout
        self.token = token
        self.refresh = refresh
        self.http = http
        self.pause = pause
        self.polls = polls
    }

    public func send(_ post: OutgoingPost) -> SendOutcome {
        guard let account = post.job.account else { return .rejected("the post has no account to go out from") }
        var post = post
        do {
            post.accessToken = try token(account, post.job.platform)
        } catch {
            return .rejected("the \(post.job.platform.displayName) token of \(account.accountName) cannot be read: \(error)")
        }
        let outcome = exchange(post)
        guard case .unauthorized(let why) = outcome, let refresh, let refused = post.accessToken else { return outcome }
        do {
            guard let fresh = try refresh(account, post.job.platform, refused) else { return outcome }
            post.accessToken = fresh
        } catch {
            return .unauthorized("\(why); renewing the token failed: \(error)")
        }
        return exchange(post)
    }

    func exchange(_ post: OutgoingPost) -> SendOutcome {
        let platform = post.job.platform
        let answer = http(PlatformRequests.first(post, endpoints: endpoints), timeout)
        if let failure = PlatformAnswers.failure(answer, platform: platform) { return failure }
        let json = PlatformAnswers.json(answer)
        switch platform {
        case .facebook:
            guard let id = (json?["post_id"] ?? json?["id"]) as? String else { return PlatformAnswers.unreadable(answer, platform) }
            return .accepted(postId: id, permalink: "https://www.facebook.com/\(id)")
        case .twitter:
            guard let id = (json?["data"] as? [String: Any])?["id"] as? String else { return PlatformAnswers.unreadable(answer, platform) }
            return .accepted(postId: id, permalink: "https://x.com/i/web/status/\(id)")
        case .linkedin:
            guard case .answered(_, let headers, _) = answer, let urn = headers["x-restli-id"] ?? headers["x-linkedin-id"] else {
                return PlatformAnswers.unreadable(answer, platform)
            }
            return .accepted(postId: urn, permalink: "https://www.linkedin.com/feed/update/\(urn)/")
        case .instagram:
            guard let id = json?["id"] as? String else { return PlatformAnswers.unreadable(answer, platform) }
            if post.replyTo != nil { return .accepted(postId: id, permalink: nil) }
            return publishInstagram(post, container: id)
        case .tiktok:
            guard let publishId = (json?["data"] as? [String: Any])?["publish_id"] as? String else {
                return PlatformAnswers.unreadable(answer, platform)
            }
            return tiktokStatus(post, publishId: publishId)
        }
    }

    /// Waits for the container to be ready (nothing is public yet, so giving up here is
    /// a plain retry), publishes it, and asks for the post's permalink.
    private func publishInstagram(_ post: OutgoingPost, container: String) -> SendOutcome {
        let graph = endpoints.graph
        let auth = ["Authorization": "Bearer " + (post.accessToken ?? "")]
        for attempt in 0..<polls {
            let status = http(PlatformRequest(method: "GET", url: "\(graph)/\(container)?fields=status_code", headers: auth, body: ""), timeout)
            let code = PlatformAnswers.json(status)?["status_code"] as? String
            if code == "FINISHED" { break }
            if code == "ERROR" || code == "EXPIRED" { return .rejected("Instagram could not process the media (\(code!))") }
            if attempt == polls - 1 { return .transient("Instagram is still processing the media", retryAfter: 60) }
            pause(2)
        }
        let answer = http(PlatformRequests.second(post, containerId: container, endpoints: endpoints)!, timeout)
        if let failure = PlatformAnswers.failure(answer, platform: .instagram) { return failure }
        guard let id = PlatformAnswers.json(answer)?["id"] as? String else { return PlatformAnswers.unreadable(answer, .instagram) }
        let link = http(PlatformRequest(method: "GET", url: "\(graph)/\(id)?fields=permalink", headers: auth, body: ""), timeout)
        return .accepted(postId: id, permalink: PlatformAnswers.json(link)?["permalink"] as? String)
    }

    /// TikTok publishes from `init` on: the status only names the post once it is out.
    /// A status that never comes still leaves the post accepted, under its publish id.
    private func tiktokStatus(_ post: OutgoingPost, publishId: String) -> SendOutcome {
        for attempt in 0..<polls {
            let answer = http(PlatformRequests.second(post, containerId: publishId, endpoints: endpoints)!, timeout)
            let data = PlatformAnswers.json(answer)?["data"] as? [String: Any]
            switch data?["status"] as? String {
            case "PUBLISH_COMPLETE":
                let ids = (data?["publicaly_available_post_id"] as? [Any])?.map { "\($0)" } ?? []
                guard let id = ids.first else { return .accepted(postId: publishId, permalink: nil) }
                let handle = (post.job.account?.accountName ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "@"))
                return .accepted(postId: id, permalink: "https://www.tiktok.com/@\(handle)/video/\(id)")
            case "FAILED":
                return .rejected("TikTok did not publish it: \(data?["fail_reason"] as? String ?? "no reason given")")
            default:
                if attempt < polls - 1 { pause(2) }
            }
        }
        return .accepted(postId: publishId, permalink: nil)
    }
}

extension LivePlatformClient {
    /// The live client for a store: each account's token opened from its sealed copy in
    /// `users.socialAccounts`, renewed by `refresher` ahead of expiry and after a 401.
    public static func connected(_ refresher: TokenRefresher, endpoints: PlatformEndpoints = PlatformEndpoints(),
                                 timeout: TimeInterval = 30) -> LivePlatformClient {
        LivePlatformClient(endpoints: endpoints, timeout: timeout,
                           token: { try refresher.currentToken($0, $1) },
                           refresh: { try refresher.tokenAfterRefusal($0, $1, refused: $2) })
    }
}
