import Foundation
import SocialdeckModel

/// Sends one post to one platform: the sandbox in place of the platform, or (per
/// account, once switched on) the platform's API.
public protocol PlatformClient: Sendable {
    func send(_ post: OutgoingPost) -> SendOutcome
}

/// What a publish job sends.
public struct OutgoingPost: Sendable, Equatable {
    public var job: PublishJob
    /// The platform's own wording when the post has one, else the post's text.
    public var text: String
    /// Media as local paths or URLs, images first.
    public var media: [String]
    /// 1 for the first send.
    public var attempt: Int
    /// The account's access token; nil in the sandbox, which needs none.
    public var accessToken: String?
    /// For a reply: the platform's id of the comment or post it answers.
    public var replyTo: String?

    public init(job: PublishJob, text: String, media: [String], attempt: Int, accessToken: String? = nil, replyTo: String? = nil) {
        self.job = job
        self.text = text
        self.media = media
        self.attempt = attempt
        self.accessToken = accessToken
        self.replyTo = replyTo
    }
}

/// What became of a send. Only `.unknown` leaves open whether the post went out.
public enum SendOutcome: Sendable, Equatable {
    /// The platform took it: its id for the post and the post's address.
    case accepted(postId: String, permalink: String?)
    /// Not taken, and worth trying again: a 429, a 5xx, a network failure before the
    /// request left, media still processing. `retryAfter` is the platform's own wait.
    case transient(String, retryAfter: TimeInterval?)
    /// The token was refused (401): refreshed once and sent once more, then given up.
    case unauthorized(String)
    /// Refused for good (validation, permission): the platform's words, shown to people.
    case rejected(String)
    /// The request left and no answer came back (a timeout, a reset): it may have been
    /// published, so it is never sent again without a person's check.
    case unknown(String)
}

/// Where each platform's API lives; tests and proxies point them elsewhere.
public struct PlatformEndpoints: Sendable, Equatable {
    public var graph = "https://graph.facebook.com/v21.0"
    public var x = "https://api.x.com"
    public var linkedin = "https://api.linkedin.com"
    public var tiktok = "https://open.tiktokapis.com"

    public init() {}

    /// Every endpoint on one base URL: a local fake platform in tests.
    public init(allAt base: String) {
        graph = base + "/graph"
        x = base
        linkedin = base
        tiktok = base
    }

    /// Moves one platform's API (Facebook and Instagram share the Graph API).
    public mutating func setBase(_ base: String, for platform: Platform) {
        switch platform {
        case .facebook, .instagram: graph = base
        case .twitter: x = base
        case .linkedin: linkedin = base
        case .tiktok: tiktok = base
        }
    }
}
