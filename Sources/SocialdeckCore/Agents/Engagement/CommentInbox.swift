import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The comments and mentions waiting for the organization: imported from a JSON file
/// (an export, or another tool's), listed with their triage and reply, set aside.
/// An import keeps every good record and names each bad one; a comment already there
/// (same platform and id) is not added twice.
public struct CommentInbox: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public struct ImportResult: Sendable, Equatable {
        public var added = 0
        public var alreadyThere = 0
        /// "record N: why".
        public var refused: [String] = []
    }

    /// A JSON array of `{platform, id, author, text, receivedAt, post?, kind?}`.
    public func importComments(_ data: Data, organizationId: ObjectId, by identity: Identity) throws -> ImportResult {
        try AccessControl.authorize(identity, .createContent, organizationId: organizationId)
        guard data.count <= 20_000_000 else { throw CoreError.invalid("the file is over 20 MB; split it") }
        guard let records = (try? JSONSerialization.jsonObject(with: data)) as? [Any] else {
            throw CoreError.invalid("the file is not a JSON array of comments")
        }
        var result = ImportResult()
        for (n, record) in records.enumerated() {
            do {
                let comment = try parse(record, organizationId: organizationId)
                if try add(comment) { result.added += 1 } else { result.alreadyThere += 1 }
            } catch {
                result.refused.append("record \(n + 1): \(error)")
            }
        }
        return result
    }

    /// Adds a comment; false when the platform's id is already there.
    @discardableResult
    func add(_ comment: SocialComment) throws -> Bool {
        do {
            try ModelCollection(store, SocialComment.self).insert(comment)
            return true
        } catch StoreError.duplicateKey {
            return false
        }
    }

    private func parse(_ record: Any, organizationId: ObjectId) throws -> SocialComment {
        guard let r = record as? [String: Any] else { throw CoreError.invalid("not an object") }
        guard let platform = (r["platform"] as? String).flatMap(Platform.init(named:)) else { throw CoreError.invalid("platform is missing or unknown") }
        guard let id = r["id"] as? String ?? (r["id"] as? NSNumber)?.stringValue, !id.isEmpty, id.count <= 200 else {
            throw CoreError.invalid("id is missing")
        }
        guard let text = r["text"] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, text.count <= 10_000 else {
            throw CoreError.invalid("text is missing or over 10,000 characters")
        }
        var comment = SocialComment()
        comment.organizationId = organizationId
        comment.platform = platform
        comment.externalId = id
        comment.kind = (r["kind"] as? String).flatMap(SocialComment.Kind.init(rawValue:)) ?? .comment
        comment.author = String(((r["author"] as? String) ?? "someone").prefix(200))
        comment.text = text
        comment.receivedAt = (r["receivedAt"] as? String).flatMap(ISODate.date(from:)) ?? clock()
        if let post = (r["post"] as? String).flatMap(ObjectId.init(hex:)) {
            guard try store.findOne(Content.collection.rawValue, .id(post) && .eq("organizationId", organizationId)) != nil else {
                throw CoreError.invalid("post \(post.hex) is not one of the organization's")
            }
            comment.contentId = post
        }
        comment.createdAt = clock()
        return comment
    }

    /// A comment with what became of it.
    public struct Entry: Sendable, Equatable {
        public var comment: SocialComment
        /// The reply's approval and platform state, when one was drafted: "pending", "approved", "published"…
        public var replyState: String?
    }

    public func list(_ organizationId: ObjectId, status: SocialComment.Status? = nil, limit: Int = 100, by identity: Identity) throws -> [Entry] {
        try AccessControl.authorize(identity, .viewContent, organizationId: organizationId)
        var filter: Filter = .eq("organizationId", organizationId)
        if let status { filter = filter && .eq("status", status) }
        let comments = try ModelCollection(store, SocialComment.self).find(filter, sort: [.desc("receivedAt"), .desc("_id")], limit: limit)
        let replyIds = comments.compactMap(\.replyContentId)
        var states: [ObjectId: String] = [:]
        if !replyIds.isEmpty {
            for doc in try store.find(Content.collection.rawValue, .isIn("_id", replyIds.map { .objectId($0) }),
                                      projection: .include(["approval.status", "platforms", "deletedAt"]), includeDeleted: true) {
                guard let id = doc["_id"]?.objectIdValue else { continue }
                let published = doc.value(at: "platforms")?.arrayValue?.contains { $0.documentValue?["status"]?.stringValue == PostStatus.published.rawValue } ?? false
                states[id] = doc["deletedAt"]?.dateValue != nil ? "deleted" : published ? "published" : doc.value(at: "approval.status")?.stringValue ?? "pending"
            }
        }
        return comments.map { Entry(comment: $0, replyState: $0.replyContentId.flatMap { states[$0] }) }
    }

    /// Sets a comment aside (no reply), or back to new for the agent to look at again.
    public func setStatus(_ commentId: ObjectId, to status: SocialComment.Status, by identity: Identity) throws {
        guard let comment = try ModelCollection(store, SocialComment.self).get(commentId) else { throw CoreError.notFound("comment \(commentId.hex)") }
        try AccessControl.authorize(identity, .editContent, organizationId: comment.organizationId)
        try store.updateOne(SocialComment.collection.rawValue, .id(commentId), Update.set("status", status))
    }
}
