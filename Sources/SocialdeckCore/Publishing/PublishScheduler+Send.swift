import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Sending one job and keeping what came of it.
extension PublishScheduler {
    /// Marks the job as sending (durably, before anything leaves), sends it, and records
    /// the outcome. Returns the job's new state, and how its post should show it.
    func send(_ job: PublishJob, _ outgoing: OutgoingPost) throws -> (PublishJobState, ContentMirror?) {
        let collection = PublishJob.collection.rawValue
        let token = job.lease?.token ?? ""
        let marked = try store.updateOne(collection,
                                         .id(job._id) && .eq("lease.token", token) && .eq("state", PublishJobState.publishing),
                                         Update.set("sendingAt", clock()).inc("attempts", 1).set("updatedAt", clock()))
        // The lease ran out and another process took the job over: it is theirs now.
        guard marked == 1 else { return (.publishing, nil) }
        let client = job.account?.live == true ? live! : sandbox
        let outcome = client.send(outgoing)
        let now = clock()
        let attempt = outgoing.attempt
        // The outcome is written even if the lease was taken over meanwhile: a platform's
        // acceptance must never be lost, and a refusal is still the truth.
        let mine = Filter.id(job._id) && .isIn("state", anyOf: [PublishJobState.publishing, .needsCheck]) && .eq("attempts", Int64(attempt))
        let notices = PublishNotices(store: store, clock: clock)
        switch outcome {
        case .accepted(let postId, let permalink):
            var update = Update.set("state", PublishJobState.published).set("platformPostId", postId).set("publishedAt", now)
                .unset("lease").unset("lastError").set("updatedAt", now)
            if let permalink { update = update.set("permalink", permalink) }
            try store.updateOne(collection, mine, update)
            var mirror = ContentMirror(job: job, status: .published)
            mirror.platformPostId = permalink ?? postId
            mirror.publishedAt = now
            return (.published, mirror)
        case .transient(let reason, let retryAfter) where attempt < policy.retry.maxAttempts:
            let wait = policy.retry.delay(afterAttempt: attempt, retryAfter: retryAfter, unit: random())
            try store.updateOne(collection, mine,
                                Update.set("state", PublishJobState.queued).set("nextAttemptAt", now.addingTimeInterval(wait))
                                    .set("lastError", reason).unset("lease").unset("sendingAt").set("updatedAt", now))
            return (.queued, nil)
        case .transient(let reason, _):
            let message = "gave up after \(attempt) attempts: \(reason)"
            try store.updateOne(collection, mine, Self.ending(.failed, message, now))
            try notices.failed(job, reason: message)
            return (.failed, ContentMirror(job: job, status: .failed))
        case .unauthorized(let reason):
            let message = "\(job.account?.accountName ?? "the account")'s token was refused (\(reason)); reconnect it with `socialdeck accounts connect \(job.platform.rawValue)`"
            try store.updateOne(collection, mine, Self.ending(.failed, message, now))
            try notices.failed(job, reason: message)
            return (.failed, ContentMirror(job: job, status: .failed))
        case .rejected(let reason):
            try store.updateOne(collection, mine, Self.ending(.failed, reason, now))
            try notices.failed(job, reason: "\(job.platform.displayName) refused it: \(reason)")
            return (.failed, ContentMirror(job: job, status: .failed))
        case .unknown(let reason):
            try store.updateOne(collection, mine, Self.ending(.needsCheck, reason, now))
            try notices.needsCheck(job, reason: reason)
            return (.needsCheck, ContentMirror(job: job, status: .needsCheck))
        }
    }

    static func ending(_ state: PublishJobState, _ reason: String, _ now: Date) -> Update {
        Update.set("state", state).set("lastError", String(reason.prefix(2000))).unset("lease").set("updatedAt", now)
    }
}
