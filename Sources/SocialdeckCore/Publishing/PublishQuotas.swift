import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The platforms' rate limits, shared by every process on the store: each account's
/// posts in the current window are counted in `publish_quotas`, and a process sends
/// only what it reserved there first.
///
/// Windows are fixed and aligned to the epoch (X counts 15-minute windows too), so two
/// windows back to back can see up to twice the limit within one window's length at
/// their boundary; Instagram's rolling 24 hours is the one this is looser than.
struct PublishQuotas: Sendable {
    let store: any DocumentStore
    let limits: [Platform: PlatformRateLimit]
    private var collection: String { PublishQuota.collection.rawValue }

    /// A reservation: how many of the asked sends may go now, and when the window that
    /// refused the rest ends.
    struct Grant: Equatable {
        var granted: Int
        var windowEnd: Date
        var key: String?
    }

    /// Reserves up to `count` sends for the account now. Platforms without a limit grant everything.
    func reserve(_ count: Int, platform: Platform, accountId: String, at now: Date) throws -> Grant {
        guard let limit = limits[platform] else { return Grant(granted: count, windowEnd: now, key: nil) }
        let (key, end) = Self.window(limit, platform: platform, accountId: accountId, at: now)
        for _ in 0..<20 {
            guard let doc = try store.findOne(collection, .compare("_id", .eq, .string(key))) else {
                var fresh = PublishQuota()
                fresh._id = key
                fresh.expiresAt = end
                do { try store.insertOne(try DocumentEncoder().encode(fresh), into: collection) } catch StoreError.duplicateKey {}
                continue
            }
            let used = Int(doc["used"]?.int64Value ?? 0)
            let take = min(count, limit.posts - used)
            guard take > 0 else { return Grant(granted: 0, windowEnd: end, key: key) }
            // Compare-and-set on the count: of processes reserving at once, each sees its own.
            if try store.updateOne(collection, .compare("_id", .eq, .string(key)) && .eq("used", Int64(used)),
                                   .inc("used", Int64(take))) == 1 {
                return Grant(granted: take, windowEnd: end, key: key)
            }
        }
        throw StoreError.busy("the \(platform.displayName) quota of account \(accountId)")
    }

    /// Gives back the one send reserved for a job that did not go out after all.
    func giveBack(_ job: PublishJob, at now: Date) throws {
        guard let limit = limits[job.platform] else { return }
        try release(1, key: Self.window(limit, platform: job.platform, accountId: job.account?.accountId ?? "", at: now).key)
    }

    /// The account's window at `now`: its key in `publish_quotas` and when it ends.
    private static func window(_ limit: PlatformRateLimit, platform: Platform, accountId: String, at now: Date) -> (key: String, end: Date) {
        let start = (now.timeIntervalSince1970 / limit.window).rounded(.down) * limit.window
        return ("\(platform.rawValue):\(accountId):\(Int64(start))", Date(timeIntervalSince1970: start + limit.window))
    }

    /// Gives back reserved sends that did not go out.
    func release(_ count: Int, key: String?) throws {
        guard count > 0, let key else { return }
        try store.updateOne(collection, .compare("_id", .eq, .string(key)) && .compare("used", .gte, .int64(Int64(count))),
                            .inc("used", Int64(-count)))
    }

    /// Removes windows that have ended.
    func prune(at now: Date) throws {
        try store.deleteMany(collection, .lt("expiresAt", now))
    }
}
