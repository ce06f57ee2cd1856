import Foundation
import Synchronization
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Live sends in flight are capped per account and per platform across every process
/// (issue #12), measured at the network edge by a client that counts sends at once.
@Suite("Sends in flight", .serialized)
struct SendingSlotsTests {
    /// Stands in for a platform: each send takes a while, and the most at once per account is kept.
    final class InFlightPlatform: PlatformClient, @unchecked Sendable {
        private let state = Mutex((now: [String: Int](), most: [String: Int](), platformNow: 0, platformMost: 0, sends: 0))

        func send(_ post: OutgoingPost) -> SendOutcome {
            let account = post.job.account?.accountId ?? ""
            state.withLock { s in
                s.now[account, default: 0] += 1
                s.most[account] = max(s.most[account] ?? 0, s.now[account]!)
                s.platformNow += 1
                s.platformMost = max(s.platformMost, s.platformNow)
                s.sends += 1
            }
            Thread.sleep(forTimeInterval: 0.03)
            state.withLock { s in
                s.now[account]! -= 1
                s.platformNow -= 1
            }
            return .accepted(postId: UUID().uuidString, permalink: nil)
        }

        var mostPerAccount: Int { state.withLock { $0.most.values.max() ?? 0 } }
        var mostOnPlatform: Int { state.withLock { $0.platformMost } }
        var sends: Int { state.withLock { $0.sends } }
    }

    /// Three managers each with a live X account, `posts` approved posts each, all due.
    func world(posts: Int) throws -> PublishingWorld {
        let p = try PublishingWorld(.sqlite)
        for n in 0..<3 {
            let author = try p.w.customer("author\(n)@acme.test", in: p.org, role: .manager) { user in
                var account = User.SocialAccount(platform: .twitter, accountId: "x-\(n)", accountName: "Author \(n)", connectedAt: p.clock.now)
                account.live = true
                user.socialAccounts = [account]
            }
            for i in 0..<posts {
                let draft = PostDraft(text: "Post \(n)-\(i)", platforms: [.twitter], scheduledAt: p.clock.now.addingTimeInterval(60), intent: .schedule)
                _ = try p.w.workflow.compose(draft, by: identity(of: author))
            }
        }
        p.clock.advance(by: 61)
        return p
    }

    func drain(_ p: PublishingWorld, policy: PublishPolicy, client: InFlightPlatform) throws {
        let stores = try [p.store] + (0..<3).map { _ in try Backend.sqlite.otherConnection(to: p.w.base) }
        let errors = Mutex<[String]>([])
        for _ in 0..<40 where client.sends < 30 {
            DispatchQueue.concurrentPerform(iterations: 4) { i in
                let scheduler = PublishScheduler(store: stores[i], policy: policy, live: client, owner: "p\(i)", clock: p.clock.closure, random: { 0 })
                do { try scheduler.runOnce() } catch { errors.withLock { $0.append("\(error)") } }
            }
            p.clock.advance(by: policy.slotWait)
        }
        #expect(errors.withLock { $0 }.isEmpty)
    }

    @Test func oneAccountSendsOneAtATimeWhateverTheProcesses() throws {
        let p = try world(posts: 10)
        var policy = PublishPolicy()
        policy.batchSize = 2
        let client = InFlightPlatform()
        try drain(p, policy: policy, client: client)
        #expect(client.sends == 30, "every post went out")
        #expect(client.mostPerAccount == 1)
        #expect(try p.jobs().allSatisfy { $0.state == .published })
    }

    @Test func thePlatformCapHoldsAcrossAccounts() throws {
        let p = try world(posts: 10)
        var policy = PublishPolicy()
        policy.batchSize = 2
        policy.maxSendingPerPlatform = 2
        policy.maxSendingPerAccount = 4
        let client = InFlightPlatform()
        try drain(p, policy: policy, client: client)
        #expect(client.sends == 30)
        #expect(client.mostOnPlatform <= 2)
        let used = try p.store.find(PublishQuota.collection.rawValue).compactMap { $0["used"]?.int64Value }.reduce(0, +)
        #expect(used == 30, "X's rate window counts the 30 sends, not the waits for a slot")
    }
}
