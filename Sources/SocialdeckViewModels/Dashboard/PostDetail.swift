import Foundation
import SocialdeckCore
import SocialdeckModel

/// A post opened whole with Enter, from the calendar or the top posts: who wrote it and
/// for whom, where its approval stands, each platform's status, time and figures, and
/// its text as each platform would show it.
public struct PostDetail: Sendable, Equatable {
    public struct PlatformLine: Sendable, Equatable {
        public let platform: Platform
        public let status: PostStatus
        public let scheduledAt: Date?
        public let publishedAt: Date?
        public let views: Int?
        public let engagement: Int?
        /// What the publisher says about this entry: where it went out, why it failed or
        /// missed, that it waits for a check; nil before it is queued.
        public var publishing: String?
        /// When a transient failure is tried again.
        public var nextTry: Date?
        /// It goes out (or went out) through the sandbox, not the platform.
        public var sandboxed = false
    }

    /// Title, text, author, organization and lengths, as the approval preview draws them.
    public let item: QueueItem
    public let approval: ApprovalStatus
    public let rejectionReason: String?
    public let platforms: [PlatformLine]
    public let totalViews: Int
    public let totalEngagement: Int
    /// The first published entry's link on its platform, once a publisher stored one.
    public let permalink: String?

    public init(_ post: Content, authorNames: [ObjectId: String], organizationNames: [ObjectId: String], jobs: [PublishJob] = []) {
        item = QueueItem(post, authorNames: authorNames, organizationNames: organizationNames)
        approval = post.approval.status
        rejectionReason = post.approval.status == .rejected ? post.approval.rejectionReason : nil
        platforms = post.platforms.map { entry in
            var line = PlatformLine(platform: entry.platform, status: entry.status, scheduledAt: entry.scheduledAt,
                                    publishedAt: entry.publishedAt, views: entry.metrics?.views, engagement: entry.metrics?.engagement)
            // The job for this entry's time, else the latest for the platform.
            let mine = jobs.filter { $0.platform == entry.platform }
            if let job = mine.first(where: { $0.dueAt == entry.scheduledAt }) ?? mine.max(by: { $0.updatedAt < $1.updatedAt }) {
                line.publishing = Self.publishing(job)
                line.nextTry = job.state == .queued && job.attempts > 0 ? job.nextAttemptAt : nil
                line.sandboxed = job.account.map { !$0.live } ?? false
            }
            return line
        }
        totalViews = post.analytics.totalViews
        totalEngagement = post.analytics.totalEngagement
        permalink = post.platforms.lazy.filter { $0.status == .published }.compactMap(\.platformPostId)
            .first { $0.hasPrefix("https://") }
    }

    public init(_ post: Content, snapshot: DashboardSnapshot) {
        self.init(post, authorNames: snapshot.authorNames, organizationNames: snapshot.organizationNames,
                  jobs: snapshot.openPostJobs)
    }

    /// One line on a job, for people: its address once out, else what stopped it.
    static func publishing(_ job: PublishJob) -> String? {
        switch job.state {
        case .published: return job.permalink ?? job.platformPostId
        case .queued where job.attempts > 0:
            return "attempt \(job.attempts) failed: " + (job.lastError ?? "no reason given")
        case .queued, .publishing: return job.account.map { "from \($0.accountName)" }
        case .needsCheck:
            return "sent, no answer (\(job.lastError ?? "unknown")); look on \(job.platform.displayName), then mark it checked"
        case .failed, .missed, .expired, .cancelled: return job.lastError
        }
    }

    public var id: ObjectId { item.id }
}
