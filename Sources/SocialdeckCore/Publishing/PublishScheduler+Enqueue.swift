import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Due posts become jobs; drafts nobody approved in time expire.
extension PublishScheduler {
    /// One platform entry of a post, in a given status and with a time.
    struct DueEntry {
        var contentId: ObjectId
        var organizationId: ObjectId
        var authorId: ObjectId
        var index: Int
        var platform: Platform
        var dueAt: Date
    }

    /// Queues approved posts due within the lookahead: inserts their jobs (a job another
    /// process inserted first collides on its `_id` and is left alone), then marks their
    /// platform entries `queued`. A process that dies in between leaves entries that the
    /// next pass finds again, with their jobs already there. Returns the jobs inserted.
    func enqueueDue(at now: Date) throws -> Int {
        let due = try store.find(Content.collection.rawValue,
                                 .eq("approval.status", ApprovalStatus.approved)
                                     && .elemMatch("platforms", .eq("status", PostStatus.scheduled)
                                         && .lte("scheduledAt", now.addingTimeInterval(policy.lookahead))),
                                 sort: [.asc("platforms.scheduledAt")], limit: policy.enqueueLimit,
                                 projection: .include(["organizationId", "userId", "platforms"]))
        let entries = due.flatMap { Self.entries(of: $0, .scheduled, until: now.addingTimeInterval(policy.lookahead)) }
        guard !entries.isEmpty else { return 0 }
        let accounts = try AccountResolver(store: store, organizations: Set(entries.map(\.organizationId)))
        let candidates = entries.map { entry -> PublishJob in
            var job = PublishJob()
            job._id = PublishJob.id(contentId: entry.contentId, platform: entry.platform, dueAt: entry.dueAt)
            job.organizationId = entry.organizationId
            job.contentId = entry.contentId
            job.authorId = entry.authorId
            job.platform = entry.platform
            job.dueAt = entry.dueAt
            job.account = accounts.account(for: entry.platform, organizationId: entry.organizationId, author: entry.authorId)
            job.nextAttemptAt = entry.dueAt
            job.createdAt = now
            job.updatedAt = now
            return job
        }
        let existing = Set(try store.find(PublishJob.collection.rawValue, .isIn("_id", candidates.map { .objectId($0._id) }),
                                          projection: .include(["_id"])).compactMap { $0["_id"]?.objectIdValue })
        let fresh = candidates.filter { !existing.contains($0._id) }
        var inserted = 0
        if !fresh.isEmpty {
            do {
                try jobs.insert(fresh)
                inserted = fresh.count
            } catch StoreError.duplicateKey {
                // Another process is queueing the same posts: one by one, keeping what is new.
                for job in fresh {
                    do { try jobs.insert(job); inserted += 1 } catch StoreError.duplicateKey {}
                }
            }
        }
        try store.bulkUpdate(Content.collection.rawValue, entries.map { entry in
            let base = "platforms.\(entry.index)."
            return BulkUpdate(.id(entry.contentId) && .eq(base + "status", PostStatus.scheduled) && .eq(base + "scheduledAt", entry.dueAt),
                              Update.set(base + "status", PostStatus.queued).set("updatedAt", now))
        })
        return inserted
    }

    /// The post's platform entries in `status` with a time no later than `limit`.
    static func entries(of post: Document, _ status: PostStatus, until limit: Date) -> [DueEntry] {
        guard let id = post["_id"]?.objectIdValue, let org = post["organizationId"]?.objectIdValue,
              case .array(let platforms)? = post["platforms"] else { return [] }
        let author = post["userId"]?.objectIdValue ?? ObjectId(high: 0, low: 0)
        return platforms.enumerated().compactMap { index, value in
            guard case .document(let entry) = value, entry["status"]?.stringValue == status.rawValue,
                  let platform = entry["platform"]?.stringValue.flatMap(Platform.init(rawValue:)),
                  let at = entry["scheduledAt"]?.dateValue, at <= limit else { return nil }
            return DueEntry(contentId: id, organizationId: org, authorId: author, index: index, platform: platform, dueAt: at)
        }
    }

    /// Drafts still awaiting approval at their time become `expired`: never published,
    /// shown apart in the approval queue, and their author is told once (the process
    /// whose conditional write wins tells them).
    func expirePendingDrafts(at now: Date) throws -> Report {
        var report = Report()
        let stale = try store.find(Content.collection.rawValue,
                                   .eq("approval.status", ApprovalStatus.pending)
                                       && .elemMatch("platforms", .eq("status", PostStatus.draft) && .lte("scheduledAt", now)),
                                   sort: [.asc("platforms.scheduledAt")], limit: policy.enqueueLimit,
                                   projection: .include(["organizationId", "userId", "title", "platforms"]))
        let notices = PublishNotices(store: store, clock: clock)
        for post in stale {
            var expired: [Platform] = []
            for entry in Self.entries(of: post, .draft, until: now) {
                let base = "platforms.\(entry.index)."
                let won = try store.updateOne(Content.collection.rawValue,
                                              .id(entry.contentId) && .eq("approval.status", ApprovalStatus.pending)
                                                  && .eq(base + "status", PostStatus.draft) && .eq(base + "scheduledAt", entry.dueAt),
                                              Update.set(base + "status", PostStatus.expired).set("updatedAt", now))
                if won == 1 { expired.append(entry.platform) }
            }
            guard !expired.isEmpty else { continue }
            report.expired += expired.count
            try notices.expired(post, platforms: expired)
        }
        return report
    }
}
