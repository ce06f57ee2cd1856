import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Leases: claiming due jobs, renewing them, and taking over those of a process that died.
extension PublishScheduler {
    /// Claims up to a batch of due jobs under a fresh lease, soonest first, in one write.
    public func claimBatch(at now: Date) throws -> [PublishJob] {
        let lease = PublishJob.Lease(owner: owner, token: ObjectId(date: now).hex, expiresAt: now.addingTimeInterval(policy.lease))
        let update = Update.set("state", PublishJobState.publishing)
            .set("lease", try DocumentEncoder().encodeValue(lease)).set("updatedAt", now)
        return try store.claimMany(PublishJob.collection.rawValue,
                                   .eq("state", PublishJobState.queued) && .lte("nextAttemptAt", now),
                                   sort: [.asc("nextAttemptAt"), .asc("_id")], limit: policy.batchSize, update,
                                   token: ("lease.token", .string(lease.token))).map(jobs.decode)
    }

    /// Extends the lease of the jobs a batch still holds when half of it has run out.
    func renew(_ lease: inout PublishJob.Lease, at now: Date) throws {
        guard lease.expiresAt.timeIntervalSince(now) < policy.lease / 2 else { return }
        lease.expiresAt = now.addingTimeInterval(policy.lease)
        try store.updateMany(PublishJob.collection.rawValue,
                             .eq("lease.token", lease.token) && .eq("state", PublishJobState.publishing),
                             Update.set("lease.expiresAt", lease.expiresAt))
    }

    /// Jobs whose lease ran out belong to a process that died or hung. One that had
    /// begun sending may have been published: it becomes `needs_check`, and its author
    /// is told. One that had not goes back to the queue.
    func recoverAbandoned(at now: Date) throws -> Report {
        var report = Report()
        let expired = Filter.eq("state", PublishJobState.publishing) && .lt("lease.expiresAt", now)
        let notices = PublishNotices(store: store, clock: clock)
        for job in try jobs.find(expired && .exists("sendingAt", true), limit: 500) {
            let reason = "the process sending it (\(job.lease?.owner ?? "?")) stopped before the platform's answer was saved"
            let won = try store.updateOne(PublishJob.collection.rawValue,
                                          .id(job._id) && .eq("state", PublishJobState.publishing)
                                              && .eq("lease.token", job.lease?.token ?? ""),
                                          Update.set("state", PublishJobState.needsCheck).set("lastError", reason)
                                              .unset("lease").set("updatedAt", now))
            guard won == 1 else { continue }
            report.needsCheck += 1
            try ContentMirror.write([ContentMirror(job: job, status: .needsCheck)], to: store, at: now)
            try notices.needsCheck(job, reason: reason)
        }
        report.recovered = try store.updateMany(PublishJob.collection.rawValue, expired && .isNull("sendingAt"),
                                                Update.set("state", PublishJobState.queued).unset("lease").set("updatedAt", now))
        return report
    }

    /// Puts claimed jobs back unsent: the next claim may take them from `at` on.
    func putBack(_ jobs: [PublishJob], until at: Date? = nil, now: Date) throws {
        guard !jobs.isEmpty else { return }
        try store.bulkUpdate(PublishJob.collection.rawValue, jobs.map { job in
            var update = Update.set("state", PublishJobState.queued).unset("lease").set("updatedAt", now)
            if let at { update = update.set("nextAttemptAt", at) }
            return BulkUpdate(.id(job._id) && .eq("lease.token", job.lease?.token ?? "") && .isNull("sendingAt"), update)
        })
    }
}
