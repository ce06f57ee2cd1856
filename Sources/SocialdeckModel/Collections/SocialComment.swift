import Foundation

/// A comment on one of the organization's posts, or a mention of it, on a platform
/// (`comments`): imported from a file or fetched, then triaged by the engagement agent,
/// which drafts a reply for people to approve. One per (organization, platform, the
/// platform's id), so importing or fetching again adds nothing twice.
public struct SocialComment: StoredModel, Equatable {
    public static let collection = CollectionName.comments

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    public var platform = Platform.facebook
    /// The platform's id of the comment (what a reply answers).
    public var externalId = ""
    public var kind = Kind.comment
    /// The post it is on, when it is on one of the organization's posts.
    public var contentId: ObjectId?
    public var author = ""
    public var text = ""
    public var receivedAt = Date(timeIntervalSince1970: 0)
    public var status = Status.new
    public var triage: Triage?
    /// The reply drafted for approval.
    public var replyContentId: ObjectId?
    public var createdAt = Date(timeIntervalSince1970: 0)

    public init() {}

    public enum Kind: String, Codable, Sendable, CaseIterable, BSONRepresentable { case comment, mention }

    public enum Status: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        /// Waiting for the engagement agent.
        case new
        /// Sorted; a reply may wait for approval (whether it went out is the reply post's own state).
        case triaged
        /// Set aside by a person, or spam.
        case dismissed
    }

    public enum Category: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case question, complaint, praise, feedback, spam, other
    }

    public struct Triage: Codable, Sendable, Equatable {
        public var category = Category.other
        /// 1 (answer first) … 3 (whenever).
        public var priority = 3
        /// -1 … 1.
        public var sentiment: Double = 0
        public var needsReply = false
        public var triagedAt = Date(timeIntervalSince1970: 0)
        public var runId: ObjectId?
        public init() {}
    }
}
