import Foundation
import SocialdeckCore
import SocialdeckModel

/// One draft as the queue lists it.
public struct QueueItem: Sendable, Equatable, Identifiable {
    public struct PlatformLength: Sendable, Equatable {
        public let platform: Platform
        public let count: Int
        public var limit: Int { platform.textLimit }
        public var isOver: Bool { count > limit }
    }

    public let id: ObjectId
    public let title: String
    public let text: String
    public let platforms: [Platform]
    /// The soonest planned time across its platforms, nil when unscheduled.
    public let scheduledAt: Date?
    /// The person who wrote it, or the agent that drafted it.
    public let author: String
    public let isAIDraft: Bool
    /// 0…1, for AI drafts.
    public let confidence: Double?
    /// The offline writer wrote it, not a model: shown wherever the draft is.
    public let isOffline: Bool
    public let organization: String?
    public let lengths: [PlatformLength]
    /// Its time came while it still awaited approval (on any platform), so it was not
    /// published; the queue lists these after the drafts that can still go out.
    public let isExpired: Bool

    public var isOverLimit: Bool { lengths.contains(where: \.isOver) }

    public init(_ post: Content, snapshot: DashboardSnapshot) {
        self.init(post, authorNames: snapshot.authorNames, organizationNames: snapshot.organizationNames)
    }

    public init(_ post: Content, authorNames: [ObjectId: String], organizationNames: [ObjectId: String]) {
        id = post._id
        title = post.title
        text = post.content.text
        platforms = post.platforms.map(\.platform)
        scheduledAt = post.platforms.compactMap(\.scheduledAt).min()
        isAIDraft = post.aiGenerated?.isAiGenerated ?? false
        confidence = post.aiGenerated?.confidence
        isOffline = post.aiGenerated?.provider == "offline"
        author = isAIDraft ? (isOffline ? "content agent (offline)" : "content agent") : authorNames[post.userId] ?? "unknown"
        organization = organizationNames[post.organizationId]
        lengths = post.platforms.map { PlatformLength(platform: $0.platform, count: PostLength.count(post.content.text, on: $0.platform)) }
        isExpired = post.platforms.contains { $0.status == .expired }
    }

    /// Whether `/` shows it: see ``TextFilter``.
    public func matches(_ filter: TextFilter) -> Bool {
        filter.matches(texts: [title, text, author, organization ?? ""], platforms: platforms)
    }
}
