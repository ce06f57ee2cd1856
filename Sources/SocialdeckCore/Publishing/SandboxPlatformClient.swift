import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The embedded default in place of the platforms: it builds every request the live
/// client would send, records it in `publish_outbox` with the answer it gives, and
/// answers as the platform would (ids and permalinks of the platform's shape, the
/// platform's refusal for a post it would refuse). So a demo publishes end to end with
/// no network, and a test counts what went out.
public struct SandboxPlatformClient: PlatformClient {
    let store: any DocumentStore
    let endpoints: PlatformEndpoints
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, endpoints: PlatformEndpoints = PlatformEndpoints(),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.endpoints = endpoints
        self.clock = clock
    }

    public func send(_ post: OutgoingPost) -> SendOutcome {
        let request = PlatformRequests.first(post, endpoints: endpoints)
        if let refusal = refusal(post) {
            return record(request, post, status: 400, body: refusal.body) ?? .rejected(refusal.message)
        }
        let number = Self.number(post.job._id, post.attempt)
        let account = post.job.account?.accountId ?? "0"
        switch post.job.platform {
        case .facebook:
            let id = "\(account)_\(number)"
            return record(request, post, status: 200, body: "{\"id\":\"\(id)\"}")
                ?? .accepted(postId: id, permalink: "https://www.facebook.com/\(account)/posts/\(number)")
        case .twitter:
            let body = "{\"data\":{\"id\":\"\(number)\",\"text\":\(PlatformRequests.quoted(post.text))}}"
            return record(request, post, status: 201, body: body) ?? .accepted(postId: "\(number)", permalink: "https://x.com/i/web/status/\(number)")
        case .linkedin:
            let urn = "urn:li:share:\(number)"
            return record(request, post, status: 201, body: "", headers: ["x-restli-id": urn])
                ?? .accepted(postId: urn, permalink: "https://www.linkedin.com/feed/update/\(urn)/")
        case .instagram:
            let container = "1\(number % 100_000_000_000_000)"
            if let failed = record(request, post, status: 200, body: "{\"id\":\"\(container)\"}") { return failed }
            let publish = PlatformRequests.second(post, containerId: container, endpoints: endpoints)!
            let code = Self.shortcode(number)
            return record(publish, post, status: 200, body: "{\"id\":\"\(number)\"}")
                ?? .accepted(postId: "\(number)", permalink: "https://www.instagram.com/p/\(code)/")
        case .tiktok:
            let publishId = "v_pub_url~v2.\(number)"
            let ok = "\"error\":{\"code\":\"ok\",\"message\":\"\"}"
            if let failed = record(request, post, status: 200, body: "{\"data\":{\"publish_id\":\"\(publishId)\"},\(ok)}") { return failed }
            let status = PlatformRequests.second(post, containerId: publishId, endpoints: endpoints)!
            let body = "{\"data\":{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[\(number)]},\(ok)}"
            let handle = (post.job.account?.accountName ?? "@sandbox").trimmingCharacters(in: CharacterSet(charactersIn: "@"))
            return record(status, post, status: 200, body: body)
                ?? .accepted(postId: "\(number)", permalink: "https://www.tiktok.com/@\(handle)/video/\(number)")
        }
    }

    /// What the platform would refuse, with its error body: the checks the composer
    /// makes, for posts that reached the store another way (an import, an agent).
    func refusal(_ post: OutgoingPost) -> (message: String, body: String)? {
        let check = PostCheck(text: post.text, media: post.media, on: post.job.platform)
        guard !check.canPost else { return nil }
        let message = check.reasons.map(\.description).joined(separator: "; ")
        return (message, "{\"error\":{\"message\":\(PlatformRequests.quoted(message)),\"type\":\"invalid_request\"}}")
    }

    /// Records one request and its answer; returns an outcome only when recording failed
    /// after the answer counts as given (so the send's fate is unknown).
    private func record(_ request: PlatformRequest, _ post: OutgoingPost, status: Int, body: String,
                        headers: [String: String] = [:]) -> SendOutcome? {
        var entry = PublishOutboxEntry()
        entry.jobId = post.job._id
        entry.contentId = post.job.contentId
        entry.organizationId = post.job.organizationId
        entry.platform = post.job.platform
        entry.accountId = post.job.account?.accountId ?? ""
        entry.attempt = post.attempt
        entry.sentAt = clock()
        entry.step = request.step
        entry.request.method = request.method
        entry.request.url = request.url
        entry.request.headers = request.redactedHeaders
        entry.request.body = request.body
        entry.response.status = status
        entry.response.headers = headers.isEmpty ? nil : headers
        entry.response.body = body
        do {
            try ModelCollection(store, PublishOutboxEntry.self).insert(entry)
            return nil
        } catch {
            // Nothing was recorded, so in the sandbox nothing went out.
            return .transient("the sandbox could not record the request: \(error)", retryAfter: nil)
        }
    }

    /// A platform-like numeric id, the same for a job's attempt in every run.
    static func number(_ jobId: ObjectId, _ attempt: Int) -> UInt64 {
        var digest = FNV1a()
        digest.add(jobId.hex.utf8)
        digest.add(String(attempt).utf8)
        return 1_000_000_000_000_000_000 + digest.value % 8_000_000_000_000_000_000
    }

    static func shortcode(_ number: UInt64) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var n = number, out = ""
        for _ in 0..<11 { out.append(alphabet[Int(n % 64)]); n /= 64 }
        return out
    }
}
