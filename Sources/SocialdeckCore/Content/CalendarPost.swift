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

    private enum CodingKeys: String, CodingKey { case _id, organizationId, userId, title, platforms, approval }

    /// Lenient where a row can do without: a post written by another tool without a
    /// title, author or approval still takes its place on the calendar (as pending)
    /// rather than failing the whole range.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        _id = try c.decode(ObjectId.self, forKey: ._id)
        organizationId = try c.decode(ObjectId.self, forKey: .organizationId)
        userId = try c.decodeIfPresent(ObjectId.self, forKey: .userId) ?? ObjectId(high: 0, low: 0)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        platforms = try c.decodeIfPresent([Entry].self, forKey: .platforms) ?? []
        approval = try c.decodeIfPresent(Approval.self, forKey: .approval) ?? Approval(status: .pending)
    }

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
