import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// The write the dashboards must notice: pending drafts inserted by the benchmark's
/// own process (another process to every dashboard), dated 1 January 2000, before
/// every other draft, so each tops the approval queue of its organization's manager
/// and of a super_admin. Titles are short enough for the staff queue's title column.
struct DraftProbe {
    let store: any DocumentStore
    private let templates: [String: Content]

    /// Reads, for each organization slug, one of its posts to copy.
    init(store: any DocumentStore, organizations slugs: [String]) throws {
        self.store = store
        let orgs = ModelCollection(store, Organization.self)
        let posts = ModelCollection(store, Content.self)
        var templates: [String: Content] = [:]
        for slug in slugs {
            guard let org = try orgs.first(.eq("slug", slug)) else { throw ProbeFailure("no organization '\(slug)' in the store") }
            guard let post = try posts.first(.eq("organizationId", org._id)) else { throw ProbeFailure("organization '\(slug)' has no posts") }
            templates[slug] = post
        }
        self.templates = templates
    }

    /// Inserts one draft per entry, all in one transaction; returns their ids.
    func insert(_ drafts: [(slug: String, title: String)]) throws -> [ObjectId] {
        let now = Date()
        let models = try drafts.map { slug, title -> Content in
            guard var draft = templates[slug] else { throw ProbeFailure("no template for '\(slug)'") }
            draft._id = ObjectId()
            draft.title = title
            draft.approval.status = .pending
            draft.deletedAt = nil
            draft.createdAt = now
            draft.updatedAt = now
            draft.platforms = [Content.PlatformPost(platform: .linkedin, status: .draft,
                                                    scheduledAt: Date(timeIntervalSince1970: 946_684_800))]
            return draft
        }
        try ModelCollection(store, Content.self).insert(models)
        return models.map(\._id)
    }

    /// Deletes the drafts again, in one statement.
    func remove(_ ids: [ObjectId]) throws {
        _ = try store.deleteMany(CollectionName.content.rawValue, .isIn("_id", ids.map(BSONValue.objectId)))
    }
}

struct ProbeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
