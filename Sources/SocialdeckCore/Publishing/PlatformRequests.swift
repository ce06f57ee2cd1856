import Foundation
import SocialdeckModel

/// One HTTP request as a platform's API takes it.
public struct PlatformRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [String: String]
    public var body: String
    /// "container" and "publish" for the two-step platforms; nil for one request.
    public var step: String?

    public init(method: String = "POST", url: String, headers: [String: String], body: String, step: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.step = step
    }

    /// The headers with every credential replaced, for the outbox and logs.
    public var redactedHeaders: [String: String] {
        headers.reduce(into: [:]) { out, header in
            let secret = ["authorization", "cookie", "x-api-key"].contains(header.key.lowercased())
            out[header.key] = secret ? "[redacted]" : header.value
        }
    }
}

/// The request shapes of the five platforms' publishing APIs, shared by the sandbox
/// (which records them) and the live client (which sends them): endpoint, auth header
/// and body, with Instagram and TikTok's container-then-publish steps.
public enum PlatformRequests {
    /// LinkedIn's versioned API wants the month it was built against.
    static let linkedinVersion = "202411"

    /// Platforms whose API answers a comment: Facebook and Instagram comments, X posts.
    public static let takesReplies: Set<Platform> = [.facebook, .instagram, .twitter]

    /// The first (or only) request of a post.
    public static func first(_ post: OutgoingPost, endpoints: PlatformEndpoints) -> PlatformRequest {
        let account = post.job.account?.accountId ?? ""
        let bearer = ["Authorization": "Bearer " + (post.accessToken ?? ""), "Content-Type": "application/json"]
        if let target = post.replyTo, takesReplies.contains(post.job.platform) {
            switch post.job.platform {
            case .instagram:
                return PlatformRequest(url: "\(endpoints.graph)/\(target)/replies", headers: bearer, body: json(["message": post.text]))
            case .twitter:
                return PlatformRequest(url: "\(endpoints.x)/2/tweets", headers: bearer,
                                       body: "{\"reply\":{\"in_reply_to_tweet_id\":\(quoted(target))},\"text\":\(quoted(post.text))}")
            default:
                return PlatformRequest(url: "\(endpoints.graph)/\(target)/comments", headers: bearer, body: json(["message": post.text]))
            }
        }
        let image = post.media.first { !isVideo($0) }
        let video = post.media.first(where: isVideo)
        switch post.job.platform {
        case .facebook:
            if let image {
                return PlatformRequest(url: "\(endpoints.graph)/\(account)/photos", headers: bearer,
                                       body: json(["url": image, "caption": post.text]))
            }
            return PlatformRequest(url: "\(endpoints.graph)/\(account)/feed", headers: bearer, body: json(["message": post.text]))
        case .instagram:
            var fields = ["caption": post.text]
            if let video { fields["media_type"] = "REELS"; fields["video_url"] = video } else { fields["image_url"] = image ?? "" }
            return PlatformRequest(url: "\(endpoints.graph)/\(account)/media", headers: bearer, body: json(fields), step: "container")
        case .twitter:
            return PlatformRequest(url: "\(endpoints.x)/2/tweets", headers: bearer, body: json(["text": post.text]))
        case .linkedin:
            var headers = bearer
            headers["LinkedIn-Version"] = linkedinVersion
            headers["X-Restli-Protocol-Version"] = "2.0.0"
            let body = "{\"author\":\(quoted("urn:li:person:" + account)),\"commentary\":\(quoted(post.text)),"
                + "\"visibility\":\"PUBLIC\",\"distribution\":{\"feedDistribution\":\"MAIN_FEED\",\"targetEntities\":[],"
                + "\"thirdPartyDistributionChannels\":[]},\"lifecycleState\":\"PUBLISHED\",\"isReshareDisabledByAuthor\":false}"
            return PlatformRequest(url: "\(endpoints.linkedin)/rest/posts", headers: headers, body: body)
        case .tiktok:
            var headers = bearer
            headers["Content-Type"] = "application/json; charset=UTF-8"
            let info = "\"post_info\":{\"title\":\(quoted(post.text)),\"privacy_level\":\"PUBLIC_TO_EVERYONE\"}"
            if let video {
                let body = "{\(info),\"source_info\":{\"source\":\"PULL_FROM_URL\",\"video_url\":\(quoted(video))}}"
                return PlatformRequest(url: "\(endpoints.tiktok)/v2/post/publish/video/init/", headers: headers, body: body, step: "container")
            }
            let photos = post.media.filter { !isVideo($0) }.map(quoted).joined(separator: ",")
            let body = "{\"media_type\":\"PHOTO\",\"post_mode\":\"DIRECT_POST\",\(info),"
                + "\"source_info\":{\"source\":\"PULL_FROM_URL\",\"photo_images\":[\(photos)],\"photo_cover_index\":0}}"
            return PlatformRequest(url: "\(endpoints.tiktok)/v2/post/publish/content/init/", headers: headers, body: body, step: "container")
        }
    }

    /// The second request of a two-step platform, given the id the first returned.
    public static func second(_ post: OutgoingPost, containerId: String, endpoints: PlatformEndpoints) -> PlatformRequest? {
        let bearer = ["Authorization": "Bearer " + (post.accessToken ?? ""), "Content-Type": "application/json"]
        switch post.job.platform {
        case .instagram:
            return PlatformRequest(url: "\(endpoints.graph)/\(post.job.account?.accountId ?? "")/media_publish", headers: bearer,
                                   body: json(["creation_id": containerId]), step: "publish")
        case .tiktok:
            return PlatformRequest(url: "\(endpoints.tiktok)/v2/post/publish/status/fetch/", headers: bearer,
                                   body: json(["publish_id": containerId]), step: "publish")
        case .facebook, .twitter, .linkedin:
            return nil
        }
    }

    static func isVideo(_ media: String) -> Bool {
        let lower = media.lowercased()
        return [".mp4", ".mov", ".webm", ".m4v"].contains { lower.hasSuffix($0) }
    }

    /// A flat JSON object with keys in order.
    static func json(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { "\(quoted($0)):\(quoted(fields[$0]!))" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal, as the project's JSON writer makes one.
    static func quoted(_ s: String) -> String { ExtendedJSON.string(from: .string(s)) }
}
