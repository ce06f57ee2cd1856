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

    public init(_ post: Content, authorNames: [ObjectId: String], organizationNames: [ObjectId: String]) {
        item = QueueItem(post, authorNames: authorNames, organizationNames: organizationNames)
        approval = post.approval.status
        rejectionReason = post.approval.status == .rejected ? post.approval.rejectionReason : nil
        platforms = post.platforms.map {
            PlatformLine(platform: $0.platform, status: $0.status, scheduledAt: $0.scheduledAt, publishedAt: $0.publishedAt,
                         views: $0.metrics?.views, engagement: $0.metrics?.engagement)
        }
        totalViews = post.analytics.totalViews
        totalEngagement = post.analytics.totalEngagement
        permalink = post.platforms.lazy.filter { $0.status == .published }.compactMap(\.platformPostId)
            .first { $0.hasPrefix("https://") }
    }

    public init(_ post: Content, snapshot: DashboardSnapshot) {
        self.init(post, authorNames: snapshot.authorNames, organizationNames: snapshot.organizationNames)
    }

    public var id: ObjectId { item.id }
}
