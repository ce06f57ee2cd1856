import Foundation

/// A post, campaign or template (`content`), with one entry per target platform.
public struct Content: StoredModel, Equatable {
    public static let collection = CollectionName.content

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    /// The creator; agents' drafts carry the user they were made for.
    public var userId = ObjectId(high: 0, low: 0)
    public var type = ContentType.post
    public var title = ""
    public var content = Body()
    public var platforms: [PlatformPost] = []
    public var aiGenerated: AIGenerated?
    /// Set on a reply: what it answers. It goes out as a reply, never as a post of its own.
    public var replyTo: ReplyTarget?
    public var approval = Approval()
    public var analytics = Analytics()
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt = Date(timeIntervalSince1970: 0)
    public var deletedAt: Date?

    public init() {}

    public struct Body: Codable, Sendable, Equatable {
        public var text = ""
        public var images: [String] = []
        public var videos: [String] = []
        public var hashtags: [String] = []
        public var mentions: [String] = []
        public var links: [String] = []
        public init() {}
    }

    public struct PlatformPost: Codable, Sendable, Equatable {
        public var platform = Platform.facebook
        public var platformPostId: String?
        public var status = PostStatus.draft
        public var scheduledAt: Date?
        public var publishedAt: Date?
        public var metrics: Metrics?
        /// This platform's own wording, when it differs from `content.text`.
        public var text: String?
        public init() {}
        public init(platform: Platform, status: PostStatus, scheduledAt: Date? = nil) {
            self.platform = platform
            self.status = status
            self.scheduledAt = scheduledAt
        }
    }

    public struct Metrics: Codable, Sendable, Equatable {
        public var views = 0
        public var likes = 0
        public var shares = 0
        public var comments = 0
        public var clicks = 0
        /// Likes + shares + comments + clicks.
        public var engagement = 0
        public init() {}
    }

    public struct ReplyTarget: Codable, Sendable, Equatable {
        /// The `comments` document.
        public var commentId = ObjectId(high: 0, low: 0)
        /// The platform's id of the comment or mention.
        public var externalId = ""
        public var author = ""
        public init() {}
    }

    public struct AIGenerated: Codable, Sendable, Equatable {
        public var isAiGenerated = true
        public var agentId: String?
        public var prompt: String?
        public var generatedAt: Date?
        /// 0…1: how sure the content agent was of this draft.
        public var confidence: Double?
        /// Which model wrote it, through which provider ("offline" for the offline writer).
        public var model: String?
        public var provider: String?
        /// The `agent_runs` document of the run that wrote it.
        public var runId: ObjectId?
        /// The text as the agent wrote it, so that an editor's changes can be learned from.
        public var draftText: String?
        /// The content calendar entry it was drafted for ("planId:index").
        public var planEntry: String?
        /// What a picture for the post should show, for a designer or an image model.
        public var imageBrief: String?
        public init() {}
    }

    public struct Approval: Codable, Sendable, Equatable {
        public var status = ApprovalStatus.pending
        public var approvedBy: ObjectId?
        public var approvedAt: Date?
        public var rejectionReason: String?
        public init() {}
    }

    public struct Analytics: Codable, Sendable, Equatable {
        public var totalViews = 0
        public var totalEngagement = 0
        public var bestPerformingPlatform: Platform?
        /// Engagements ÷ views, 0…1.
        public var engagementRate: Double = 0
        public init() {}
    }
}
