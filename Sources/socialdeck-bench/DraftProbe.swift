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

    /// 1 January 2000, before every other draft: tops every queue.
    static let first = Date(timeIntervalSince1970: 946_684_800)
    /// 1 January 2100, after every other draft: beyond the 200 a staff queue lists.
    static let last = Date(timeIntervalSince1970: 4_102_444_800)

    /// Inserts one draft per entry, all in one transaction, keeping the daily rollups
    /// current as the core's writes do; returns their ids.
    func insert(_ drafts: [(slug: String, title: String)], due: Date = DraftProbe.first) throws -> [ObjectId] {
        let now = Date()
        let models = try drafts.map { slug, title -> Content in
            guard var draft = templates[slug] else { throw ProbeFailure("no template for '\(slug)'") }
            draft._id = ObjectId()
            draft.title = title
            draft.approval.status = .pending
            draft.deletedAt = nil
            draft.createdAt = now
            draft.updatedAt = now
            draft.platforms = [Content.PlatformPost(platform: .linkedin, status: .draft, scheduledAt: due)]
            return draft
        }
        let documents = try models.map { try DocumentEncoder().encode($0) }
        try ContentRollups(store: store).writing(ContentRollups.keys(of: documents)) {
            try store.insertMany(documents, into: CollectionName.content.rawValue)
        }
        return models.map(\._id)
    }

    /// Deletes the drafts again, in one statement.
    func remove(_ ids: [ObjectId]) throws {
        let filter = Filter.isIn("_id", ids.map(BSONValue.objectId))
        let documents = try store.find(CollectionName.content.rawValue, filter)
        try ContentRollups(store: store).writing(ContentRollups.keys(of: documents)) {
            _ = try store.deleteMany(CollectionName.content.rawValue, filter)
        }
    }
}

/// Writes in the background while the benchmark types: every `period` seconds a
/// draft, removed again the next period, so every content pane on every dashboard
/// re-reads on its next tick. The draft is due last, in an organization no manager
/// watching has, so no list the keys are timed on moves under them.
final class BackgroundWriter: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var stopping = false
    private var done = false
    private var writes = 0
    private var failure: (any Error)?

    init(probe: DraftProbe, organization slug: String, period: TimeInterval) {
        Thread.detachNewThread { [self] in
            var ids: [ObjectId] = []
            while !condition.withLock({ stopping }) {
                do {
                    if ids.isEmpty {
                        ids = try probe.insert([(slug: slug, title: "Busy")], due: DraftProbe.last)
                    } else {
                        try probe.remove(ids)
                        ids = []
                    }
                    condition.withLock { writes += 1 }
                } catch {
                    condition.withLock { failure = error; stopping = true }
                }
                let deadline = Date().addingTimeInterval(period)
                condition.withLock { while !stopping && condition.wait(until: deadline) {} }
            }
            if !ids.isEmpty { try? probe.remove(ids) }
            condition.withLock { done = true; condition.broadcast() }
        }
    }

    /// Stops after the write under way, removes what is left, and returns how many
    /// writes were made; rethrows a write's failure.
    func finish() throws -> Int {
        let (count, failure) = condition.withLock { () -> (Int, (any Error)?) in
            stopping = true
            condition.broadcast()
            let deadline = Date().addingTimeInterval(30)
            while !done && condition.wait(until: deadline) {}
            return (writes, self.failure)
        }
        if let failure { throw failure }
        return count
    }
}

struct ProbeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
