import Foundation
import Synchronization
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// An organization with a manager holding a sandbox account on every platform, a
/// writer, and schedulers on the test clock.
final class PublishingWorld: @unchecked Sendable {
    let w: AccountWorld
    let org: Organization
    let manager: User, writer: User

    init(_ backend: Backend) throws {
        w = try AccountWorld(backend)
        org = try w.organization("acme")
        manager = try w.customer("manager@acme.test", in: org, role: .manager) { user in
            user.socialAccounts = Platform.allCases.map {
                User.SocialAccount(platform: $0, accountId: "acct-\($0.rawValue)", accountName: "@acme", connectedAt: Date(timeIntervalSince1970: 0))
            }
        }
        writer = try w.customer("writer@acme.test", in: org, role: .user)
    }

    var store: any DocumentStore { w.store }
    var clock: TestClock { w.clock }

    func scheduler(_ client: (any PlatformClient)? = nil, policy: PublishPolicy = PublishPolicy(), owner: String = "test:1",
                   store: (any DocumentStore)? = nil) -> PublishScheduler {
        let store = store ?? self.store
        return PublishScheduler(store: store, policy: policy, sandbox: client ?? SandboxPlatformClient(store: store, clock: clock.closure),
                                owner: owner, clock: clock.closure, random: { 0 })
    }

    /// An approved post scheduled `minutes` from now on `platforms`.
    @discardableResult
    func approvedPost(_ title: String, in minutes: Double = 10, on platforms: [Platform] = [.facebook, .twitter],
                      media: [String] = []) throws -> Content {
        let at = clock.now.addingTimeInterval(minutes * 60)
        let draft = PostDraft(text: "Text of \(title)", platforms: platforms, media: media, scheduledAt: at, intent: .schedule)
        return try w.workflow.compose(draft, by: identity(of: manager))
    }

    /// A draft awaiting approval, scheduled `minutes` from now.
    @discardableResult
    func pendingPost(_ title: String, in minutes: Double = 10, on platforms: [Platform] = [.linkedin]) throws -> Content {
        let draft = PostDraft(text: "Text of \(title)", platforms: platforms, scheduledAt: clock.now.addingTimeInterval(minutes * 60))
        return try w.workflow.compose(draft, by: identity(of: writer))
    }

    func jobs(_ filter: Filter = .all) throws -> [PublishJob] {
        try ModelCollection(store, PublishJob.self).find(filter, sort: [.asc("dueAt"), .asc("platform")])
    }

    func outbox() throws -> [PublishOutboxEntry] {
        try ModelCollection(store, PublishOutboxEntry.self).find(sort: [.asc("sentAt"), .asc("_id")])
    }

    /// Requests that would have published a post (the only or the final step), per job.
    func publishRequests() throws -> [ObjectId: Int] {
        try outbox().filter { $0.step != "container" && $0.response.status < 300 }
            .reduce(into: [:]) { $0[$1.jobId, default: 0] += 1 }
    }

    func post(_ id: ObjectId) throws -> Content { try w.storedPost(id) }

    func notifications(of user: User) throws -> [UserNotification] {
        try ModelCollection(store, UserNotification.self).find(.eq("userId", user._id), sort: [.asc("_id")])
    }
}

/// Stands in for a platform's API at the network edge: answers each send from a
/// script (in order; the last answer repeats) and remembers what it was sent.
final class ScriptedPlatform: PlatformClient, @unchecked Sendable {
    private let answers: Mutex<[SendOutcome]>
    private let sent = Mutex<[OutgoingPost]>([])

    init(_ answers: [SendOutcome]) { self.answers = Mutex(answers) }

    func send(_ post: OutgoingPost) -> SendOutcome {
        sent.withLock { $0.append(post) }
        return answers.withLock { list in list.count > 1 ? list.removeFirst() : list[0] }
    }

    var posts: [OutgoingPost] { sent.withLock { $0 } }
}
