import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Caps how many sends to the real platforms are in flight at once, across every
/// process on the store: per platform and per account (platforms treat several posts
/// racing in from one account as abuse). A send holds one slot of each, a lease in
/// `system_settings` named `sending:PLATFORM:i` and `sending:PLATFORM:ACCOUNT:i`, and
/// gives them back when its answer is in; a process that dies mid-send holds them only
/// until they lapse. The sandbox needs no cap.
struct SendingSlots: Sendable {
    let store: any DocumentStore
    let owner: String
    let perPlatform: Int
    let perAccount: Int
    /// How long a slot outlives a process that died holding it.
    let duration: TimeInterval

    struct Held {
        fileprivate let leases: [StoreLease]
        func release() { for lease in leases { try? lease.release() } }
    }

    /// A slot on the job's platform and one on its account, or nil when either is full.
    func take(_ job: PublishJob, at now: Date) throws -> Held? {
        guard let account = job.account, account.live else { return Held(leases: []) }
        guard let platform = try firstFree("sending:\(job.platform.rawValue)", of: perPlatform, at: now) else { return nil }
        guard let own = try firstFree("sending:\(job.platform.rawValue):\(account.accountId)", of: perAccount, at: now) else {
            try? platform.release()
            return nil
        }
        return Held(leases: [platform, own])
    }

    private func firstFree(_ prefix: String, of count: Int, at now: Date) throws -> StoreLease? {
        for i in 0..<count {
            let lease = StoreLease(store: store, name: "\(prefix):\(i)", owner: owner, duration: duration)
            if try lease.acquire(at: now) { return lease }
        }
        return nil
    }
}
