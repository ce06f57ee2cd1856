import Foundation

/// One post going out on one platform at one time (`publish_jobs`): the publisher's
/// unit of work, claimed by one process at a time under a lease.
///
/// The job, not the post, is the truth about publishing: a post's platform entry shows
/// `queued` while its job exists and the job's outcome once it has one.
public struct PublishJob: StoredModel, Equatable {
    public static let collection = CollectionName.publishJobs

    public var _id = ObjectId(high: 0, low: 0)
    public var organizationId = ObjectId(high: 0, low: 0)
    public var contentId = ObjectId(high: 0, low: 0)
    /// The post's author, who hears about expiry and failure.
    public var authorId = ObjectId(high: 0, low: 0)
    public var platform = Platform.facebook
    /// The time the post was scheduled for (UTC). Lateness and the missed window count from it.
    public var dueAt = Date(timeIntervalSince1970: 0)
    /// The account it goes out from; nil when the organization has none on the platform.
    public var account: Account?
    public var state = PublishJobState.queued
    /// Sends tried so far.
    public var attempts = 0
    /// The job is not claimed before this: `dueAt` at first, later the retry's time.
    public var nextAttemptAt = Date(timeIntervalSince1970: 0)
    public var lease: Lease?
    /// Set, durably, just before a request leaves; a job that has it and no outcome may
    /// have been accepted, so it is never sent again without a person's check.
    public var sendingAt: Date?
    /// A person asked for this send (a retry, a check): the missed window does not apply.
    public var lateAllowed = false
    public var platformPostId: String?
    public var permalink: String?
    public var publishedAt: Date?
    /// The platform's or the publisher's words on the last failure, shown to people.
    public var lastError: String?
    /// Who resolved a `needs_check`, cancelled or retried the job, and when.
    public var resolvedBy: String?
    public var resolvedAt: Date?
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt = Date(timeIntervalSince1970: 0)

    public init() {}

    public struct Account: Codable, Sendable, Equatable {
        /// The user whose `socialAccounts` holds it.
        public var userId: ObjectId
        public var accountId: String
        public var accountName: String
        public var live: Bool
        public init(userId: ObjectId, accountId: String, accountName: String, live: Bool) {
            self.userId = userId
            self.accountId = accountId
            self.accountName = accountName
            self.live = live
        }
    }

    public struct Lease: Codable, Sendable, Equatable {
        /// `host:pid:random` of the process holding the job.
        public var owner: String
        /// Unique to the claim that took the job: a later claim by the same process is another lease.
        public var token: String
        public var expiresAt: Date
        public init(owner: String, token: String, expiresAt: Date) {
            self.owner = owner
            self.token = token
            self.expiresAt = expiresAt
        }
    }

    /// The job's `_id`, the same in every process for one post, platform and time (to
    /// the millisecond), so that enqueueing twice collides on the primary key: the
    /// scheduled second, then 64 bits of FNV-1a over the post's id, the platform and the
    /// time.
    public static func id(contentId: ObjectId, platform: Platform, dueAt: Date) -> ObjectId {
        .derived(at: dueAt) { digest in
            digest.add(bigEndian: contentId.high)
            digest.add(bigEndian: contentId.low)
            digest.add(platform.rawValue.utf8)
            digest.add(littleEndian: Int64((dueAt.timeIntervalSince1970 * 1000).rounded()))
        }
    }
}

public enum PublishJobState: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    /// Waiting for `nextAttemptAt`, a quota or a worker.
    case queued
    case publishing
    case published
    /// Refused by the platform, out of attempts, or with no account to send from.
    case failed
    /// Sent, but what the platform did is unknown: a person looks before anything else happens.
    case needsCheck = "needs_check"
    /// Not sent: later than the missed window allows.
    case missed
    /// Not sent: still awaiting approval at its time.
    case expired
    /// Not sent: taken off by a person, or the post changed under it.
    case cancelled

    /// No process works on the job any more.
    public var isFinal: Bool { ![.queued, .publishing].contains(self) }

    /// The state the post's platform entry shows for it.
    public var postStatus: PostStatus {
        switch self {
        case .queued: return .queued
        case .publishing: return .publishing
        case .published: return .published
        case .failed: return .failed
        case .needsCheck: return .needsCheck
        case .missed: return .missed
        case .expired: return .expired
        case .cancelled: return .draft
        }
    }
}
