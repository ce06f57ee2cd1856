import Foundation
import SocialdeckModel
import SocialdeckStorage

/// A job's state as its post's platform entry shows it.
struct ContentMirror {
    var job: PublishJob
    var status: PostStatus
    var platformPostId: String?
    var publishedAt: Date?

    init(job: PublishJob, status: PostStatus) {
        self.job = job
        self.status = status
    }

    /// Writes jobs' states into their posts, all at once. A publication changes the
    /// daily rollups (the post now counts on its publication day), so those go through
    /// `ContentRollups.writing`; every other state leaves the rollups as they were.
    /// A post whose entry moved meanwhile (its time no longer the job's) is left alone.
    static func write(_ mirrors: [ContentMirror], to store: any DocumentStore, at now: Date) throws {
        guard !mirrors.isEmpty else { return }
        let collection = Content.collection.rawValue
        let posts = try store.find(collection, .isIn("_id", Array(Set(mirrors.map(\.job.contentId))).map { .objectId($0) }))
        let byId = Dictionary(posts.compactMap { doc in doc["_id"]?.objectIdValue.map { ($0, doc) } }, uniquingKeysWith: { a, _ in a })
        var updates: [BulkUpdate] = []
        var keys = Set<RollupKey>()
        for mirror in mirrors {
            guard let post = byId[mirror.job.contentId], case .array(let entries)? = post["platforms"],
                  let index = entries.firstIndex(where: {
                      $0.documentValue?["platform"]?.stringValue == mirror.job.platform.rawValue
                          && $0.documentValue?["scheduledAt"]?.dateValue == mirror.job.dueAt
                  }) else { continue }
            let base = "platforms.\(index)."
            var update = Update.set(base + "status", mirror.status).set("updatedAt", now)
            if let at = mirror.publishedAt { update = update.set(base + "publishedAt", at) }
            if let id = mirror.platformPostId { update = update.set(base + "platformPostId", id) }
            updates.append(BulkUpdate(.id(mirror.job.contentId) && .eq(base + "platform", mirror.job.platform)
                                          && .eq(base + "scheduledAt", mirror.job.dueAt), update))
            if mirror.status == .published {
                var after = post
                try update.apply(to: &after)
                keys.formUnion(ContentRollups.keys(of: post))
                keys.formUnion(ContentRollups.keys(of: after))
            }
        }
        try ContentRollups(store: store, clock: { now }).writing(keys) {
            try store.bulkUpdate(collection, updates)
        }
    }
}
