import Foundation
import SocialdeckModel

/// A post as the calendar lists it: its title, approval and each platform's status and
/// time. The calendar reads these rather than whole posts because a staff day over every
/// organization lists about a thousand of them on every refresh after a change, and the
/// text, media, agent record and figures are needed only for the one post opened whole.
public struct CalendarPost: Sendable, Equatable, Decodable {
    public struct Entry: Sendable, Equatable, Decodable {
        public var platform: Platform
        public var status: PostStatus
        public var scheduledAt: Date?
        public var publishedAt: Date?
    }

    public struct Approval: Sendable, Equatable, Decodable {
        public var status: ApprovalStatus
    }

    public var _id: ObjectId
    public var organizationId: ObjectId
    public var userId: ObjectId
    public var title: String
    public var platforms: [Entry]
    public var approval: Approval

    /// The fields read, whole: a projection into an array's elements is not something
    /// both backends do alike, and top-level fields are cut from the stored document
    /// without decoding the rest.
    static let fields = ["organizationId", "userId", "title", "platforms", "approval"]

    public init(_ post: Content) {
        _id = post._id
        organizationId = post.organizationId
        userId = post.userId
        title = post.title
        platforms = post.platforms.map {
            Entry(platform: $0.platform, status: $0.status, scheduledAt: $0.scheduledAt, publishedAt: $0.publishedAt)
        }
        approval = Approval(status: post.approval.status)
    }
}
