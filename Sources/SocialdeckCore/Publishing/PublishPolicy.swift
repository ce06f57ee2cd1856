import Foundation
import SocialdeckModel

/// How the publisher behaves: retries, lateness, leases, batches and the platforms'
/// rate limits. The defaults follow what the best schedulers settled on (see the
/// README's "Publishing"); `[publishing]` in config.toml changes them.
public struct PublishPolicy: Sendable, Equatable {
    public var retry = RetryPolicy()
    /// A job later than this after its time is `missed`, never sent: a catch-up after
    /// downtime must not fire a burst of stale posts.
    public var missedAfter: TimeInterval = 6 * 3600
    /// How long a claim holds. Longer than `requestTimeout` (two steps and a refresh
    /// fit in it), and renewed while a batch is worked through.
    public var lease: TimeInterval = 300
    /// The longest one request to a platform may take.
    public var requestTimeout: TimeInterval = 30
    /// Jobs claimed at once: one commit for the batch instead of one per job.
    public var batchSize = 50
    /// Due posts turned into jobs per pass.
    public var enqueueLimit = 1000
    /// Posts are queued this long before their time, so their claim is not late.
    public var lookahead: TimeInterval = 60
    public var rateLimits = PlatformRateLimit.defaults
    /// Sends to the real platforms in flight at once, across every process: per
    /// platform, and per account (one at a time, as a person would post).
    public var maxSendingPerPlatform = 4
    public var maxSendingPerAccount = 1
    /// A send that found its platform's or account's slots full waits this long.
    public var slotWait: TimeInterval = 2

    public init() {}

    /// Why the policy cannot work, or nil.
    public var problem: String? {
        if requestTimeout <= 0 { return "the request timeout must be above zero" }
        if lease <= requestTimeout * 3 { return "the lease (\(Int(lease)) s) must be longer than three request timeouts (\(Int(requestTimeout * 3)) s)" }
        if batchSize < 1 || batchSize > 1000 { return "the batch size must be between 1 and 1000" }
        if missedAfter < 60 { return "the missed window must be at least a minute" }
        if !(1...64).contains(maxSendingPerPlatform) || !(1...64).contains(maxSendingPerAccount) {
            return "sends in flight must be capped at 1 to 64 per platform and per account"
        }
        return retry.problem
    }
}

/// Exponential backoff with jitter for transient failures.
public struct RetryPolicy: Sendable, Equatable {
    public var firstDelay: TimeInterval = 60
    public var maxDelay: TimeInterval = 3600
    /// ±this fraction of the delay, at random, so that jobs failed together do not retry together.
    public var jitter = 0.1
    /// Sends in all, the first included.
    public var maxAttempts = 5

    public init() {}

    /// The wait after the `attempt`-th send failed (1 for the first): `firstDelay`
    /// doubled per earlier failure, capped, jittered by `unit` (in -1…1), and never
    /// shorter than the platform's `Retry-After`.
    public func delay(afterAttempt attempt: Int, retryAfter: TimeInterval? = nil, unit: Double) -> TimeInterval {
        let doubled = firstDelay * pow(2, Double(max(0, min(attempt - 1, 30))))
        let base = min(doubled, maxDelay)
        let jittered = base * (1 + jitter * max(-1, min(1, unit)))
        return max(jittered, retryAfter ?? 0)
    }

    var problem: String? {
        if firstDelay < 1 || maxDelay < firstDelay { return "retry delays must be at least 1 s, the cap no shorter than the first" }
        if jitter < 0 || jitter > 1 { return "retry jitter must be between 0 and 1" }
        if maxAttempts < 1 || maxAttempts > 50 { return "max attempts must be between 1 and 50" }
        return nil
    }
}

/// Posts allowed per account in a window, as the platform enforces it.
public struct PlatformRateLimit: Sendable, Equatable {
    public var posts: Int
    public var window: TimeInterval

    public init(posts: Int, window: TimeInterval) {
        self.posts = posts
        self.window = window
    }

    /// X: 200 posts per 15 minutes per user. TikTok: 6 publish calls per minute per user.
    /// Instagram: 50 API posts per 24 hours. Facebook Pages and LinkedIn publish no
    /// per-post figure for posting; their errors are retried as rate limits.
    public static let defaults: [Platform: PlatformRateLimit] = [
        .twitter: PlatformRateLimit(posts: 200, window: 15 * 60),
        .tiktok: PlatformRateLimit(posts: 6, window: 60),
        .instagram: PlatformRateLimit(posts: 50, window: 24 * 3600),
    ]
}
