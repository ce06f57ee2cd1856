import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The publisher: turns approved posts that are due into publish jobs and sends them,
/// exactly once, from any number of processes on one store (each dashboard and each
/// `socialdeck daemon` runs one).
///
/// A pass (``runOnce()``) does, in order: takes over jobs whose process died (a job
/// that was already sending becomes `needs_check`, never resent), expires drafts still
/// awaiting approval at their time, makes the recurring runs that are due (see
/// ``RecurringRuns``), queues due posts, then claims due jobs in batches
/// under a lease and sends them. Every step is a conditional write, so passes of
/// several processes interleave safely; the rules are in the README's "Publishing".
public struct PublishScheduler: Sendable {
    let store: any DocumentStore
    let policy: PublishPolicy
    let sandbox: any PlatformClient
    /// The client for accounts switched to live publishing; nil where none is configured.
    let live: (any PlatformClient)?
    /// `host:pid:random`, written into every lease this scheduler takes.
    public let owner: String
    let clock: @Sendable () -> Date
    /// -1…1, for the retry jitter.
    let random: @Sendable () -> Double
    /// Set once this scheduler has made sure every organization has its standard workflows.
    private let workflowsSeeded = OnceFlag()

    public init(store: any DocumentStore, policy: PublishPolicy = PublishPolicy(), sandbox: (any PlatformClient)? = nil,
                live: (any PlatformClient)? = nil, owner: String = PublishScheduler.processOwner(),
                clock: @escaping @Sendable () -> Date = { Date() },
                random: @escaping @Sendable () -> Double = { Double.random(in: -1...1) }) {
        self.store = store
        self.policy = policy
        self.sandbox = sandbox ?? SandboxPlatformClient(store: store, clock: clock)
        self.live = live
        self.owner = owner
        self.clock = clock
        self.random = random
    }

    /// This process, as leases name it.
    public static func processOwner() -> String {
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count - 1)
        let name = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return "\(name):\(getpid()):\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }

    var jobs: ModelCollection<PublishJob> { ModelCollection(store) }

    var sendingSlots: SendingSlots {
        SendingSlots(store: store, owner: owner, perPlatform: policy.maxSendingPerPlatform,
                     perAccount: policy.maxSendingPerAccount, duration: policy.lease)
    }

    /// What one pass did.
    public struct Report: Sendable, Equatable {
        public var queued = 0
        public var expired = 0
        public var recovered = 0
        public var needsCheck = 0
        public var published = 0
        public var retrying = 0
        public var failed = 0
        public var missed = 0
        public var cancelled = 0
        /// Jobs put back for a rate window, or because publishing is paused.
        public var deferred = 0
        /// Of those, jobs that waited for a send slot (another process was sending for the
        /// same account or platform); they are due again in seconds.
        public var waitingForSlot = 0
        /// Recurring runs made, and runs passed over as too late.
        public var recurring = 0
        public var recurringSkipped = 0
        /// Subscriptions whose cancellation took effect at their period's end.
        public var subscriptionsEnded = 0
        public var paused = false
        public init() {}

        public mutating func add(_ other: Report) {
            queued += other.queued; expired += other.expired; recovered += other.recovered
            needsCheck += other.needsCheck; published += other.published; retrying += other.retrying
            failed += other.failed; missed += other.missed; cancelled += other.cancelled
            deferred += other.deferred; paused = paused || other.paused
            recurring += other.recurring; recurringSkipped += other.recurringSkipped; waitingForSlot += other.waitingForSlot
        }
    }

    /// One pass: recover, expire, queue, then send what is due, batch after batch,
    /// until nothing is due or `shouldStop` says so (checked between jobs).
    @discardableResult
    public func runOnce(maxBatches: Int = .max, shouldStop: @Sendable () -> Bool = { false }) throws -> Report {
        var report = Report()
        let now = clock()
        report.add(try recoverAbandoned(at: now))
        report.add(try expirePendingDrafts(at: now))
        if !workflowsSeeded.isSet {
            try StandardWorkflows.ensure(in: store, at: now)
            workflowsSeeded.set()
        }
        let runs = try RecurringRuns(store: store, clock: clock, missedAfter: policy.missedAfter).runDue()
        report.recurring = runs.made
        report.recurringSkipped = runs.skipped
        report.subscriptionsEnded = try SubscriptionAdministration(store: store, clock: clock).endPeriods(at: now)
        if try PublishingSwitch(store: store, clock: clock).state().paused {
            report.paused = true
            return report
        }
        report.queued += try enqueueDue(at: now)
        var batches = 0
        while batches < maxBatches, !shouldStop() {
            let batch = try claimBatch(at: clock())
            guard !batch.isEmpty else { break }
            report.add(try work(batch, shouldStop: shouldStop))
            batches += 1
        }
        try PublishQuotas(store: store, limits: policy.rateLimits).prune(at: clock())
        return report
    }

    /// When the next job or post falls due, for a daemon to sleep until (nil: nothing waits).
    public func nextDue() throws -> Date? {
        let job = try jobs.first(.eq("state", PublishJobState.queued), sort: [.asc("nextAttemptAt")])?.nextAttemptAt
        let post = try store.find(Content.collection.rawValue,
                                  .eq("approval.status", ApprovalStatus.approved)
                                      && .elemMatch("platforms", .eq("status", PostStatus.scheduled)),
                                  sort: [.asc("platforms.scheduledAt")], limit: 1,
                                  projection: .include(["organizationId", "platforms"])).first
        let postDue = post.flatMap { Self.entries(of: $0, .scheduled, until: .distantFuture).map(\.dueAt).min() }
            .map { $0.addingTimeInterval(-policy.lookahead) }
        let recurring = try ModelCollection(store, RecurringSchedule.self).first(.eq("active", true), sort: [.asc("nextRunAt")])
            .map { $0.kind == .post ? $0.nextRunAt.addingTimeInterval(-RecurringRuns.postLead) : $0.nextRunAt }
        return [job, postDue, recurring].compactMap { $0 }.min()
    }

    /// Gives back the jobs this process holds and has not begun to send, for a clean
    /// shutdown; the others may claim them at once.
    @discardableResult
    public func releaseLeases() throws -> Int {
        try store.updateMany(PublishJob.collection.rawValue,
                             .eq("lease.owner", owner) && .eq("state", PublishJobState.publishing) && .isNull("sendingAt"),
                             Update.set("state", PublishJobState.queued).unset("lease").set("updatedAt", clock()))
    }
}
