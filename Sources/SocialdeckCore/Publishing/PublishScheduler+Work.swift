import Foundation
import SocialdeckModel
import SocialdeckStorage

/// A claimed batch: each job is checked against its post as it is now, the rate
/// windows are reserved, and what may go out is sent, one job at a time. A job of an
/// organization deleted since it was queued fails instead: nothing goes out in the
/// name of an organization staff took away (restoring it and retrying sends it).
extension PublishScheduler {
    func work(_ batch: [PublishJob], shouldStop: @Sendable () -> Bool) throws -> Report {
        var report = Report()
        let now = clock()
        let posts = try Dictionary(store.find(Content.collection.rawValue,
                                              .isIn("_id", Array(Set(batch.map(\.contentId))).map { .objectId($0) }),
                                              includeDeleted: true).compactMap { doc in doc["_id"]?.objectIdValue.map { ($0, doc) } },
                                   uniquingKeysWith: { a, _ in a })
        let deleted = Set(try store.find(Organization.collection.rawValue,
                                         .isIn("_id", Array(Set(batch.map(\.organizationId))).map { .objectId($0) }) && .exists("deletedAt", true),
                                         projection: .include(["_id"]), includeDeleted: true).compactMap { $0["_id"]?.objectIdValue })
        var mirrors: [ContentMirror] = []
        var ready: [(job: PublishJob, post: OutgoingPost)] = []
        for job in batch {
            let verdict = deleted.contains(job.organizationId)
                ? Gate.finish(.failed, "the organization was deleted; restore it (socialdeck org restore) and retry the job to send it")
                : gate(job, posts[job.contentId], at: now)
            switch verdict {
            case .send(let outgoing): ready.append((job, outgoing))
            case .finish(let state, let reason):
                try finish(job, state, reason: reason, at: now)
                report.count(state)
                mirrors.append(ContentMirror(job: job, status: state.postStatus))
                if state == .expired, let post = posts[job.contentId] {
                    try PublishNotices(store: store, clock: clock).expired(post, platforms: [job.platform])
                } else if [.failed, .missed].contains(state) {
                    try PublishNotices(store: store, clock: clock).failed(job, reason: reason)
                }
            }
        }
        let (sendable, waiting) = try reserve(ready.map(\.job), at: now)
        report.deferred += waiting.count
        var lease = batch.first?.lease ?? PublishJob.Lease(owner: owner, token: "", expiresAt: now)
        for (job, outgoing) in ready where sendable.contains(job._id) {
            if shouldStop() {
                try putBack(ready.map(\.job).filter { sendable.contains($0._id) && !mirrors.contains(jobId: $0._id) }, now: clock())
                break
            }
            try renew(&lease, at: clock())
            guard let slots = try sendingSlots.take(job, at: clock()) else {
                let now = clock()
                try putBack([job], until: now.addingTimeInterval(policy.slotWait), now: now)
                try PublishQuotas(store: store, limits: policy.rateLimits).giveBack(job, at: now)
                report.deferred += 1
                report.waitingForSlot += 1
                continue
            }
            let (state, mirror) = try send(job, outgoing)
            slots.release()
            report.count(state)
            if let mirror { mirrors.append(mirror) }
        }
        try ContentMirror.write(mirrors, to: store, at: clock())
        return report
    }

    enum Gate {
        case send(OutgoingPost)
        case finish(PublishJobState, String)
    }

    /// Whether the job may go out now, against its post as stored: only an approved,
    /// undeleted post still scheduled for this job's time, within the missed window,
    /// from an account the process can publish with.
    func gate(_ job: PublishJob, _ post: Document?, at now: Date) -> Gate {
        guard let post, post["deletedAt"]?.dateValue == nil else { return .finish(.cancelled, "the post was deleted") }
        guard case .array(let entries)? = post["platforms"],
              let entry = entries.lazy.compactMap(\.documentValue).first(where: { $0["platform"]?.stringValue == job.platform.rawValue })
        else { return .finish(.cancelled, "\(job.platform.displayName) was taken off the post") }
        if entry["status"]?.stringValue == PostStatus.published.rawValue {
            return .finish(.cancelled, "the post is already published on \(job.platform.displayName)")
        }
        guard entry["scheduledAt"]?.dateValue == job.dueAt else {
            return .finish(.cancelled, "the post was moved from \(ISODate.string(from: job.dueAt))")
        }
        switch post.value(at: "approval.status")?.stringValue.flatMap(ApprovalStatus.init(rawValue:)) {
        case .approved?: break
        case .rejected?: return .finish(.cancelled, "the post was rejected")
        default: return .finish(.expired, "the post was still awaiting approval at its time")
        }
        let late = now.timeIntervalSince(job.dueAt)
        if late > policy.missedAfter && !job.lateAllowed {
            return .finish(.missed, "\(Self.duration(late)) late, past the \(Self.duration(policy.missedAfter)) a post may be late")
        }
        guard let account = job.account else {
            return .finish(.failed, "the organization has no connected \(job.platform.displayName) account; connect one with `socialdeck accounts connect \(job.platform.rawValue)`")
        }
        if account.live && live == nil {
            return .finish(.failed, "\(account.accountName) is switched to live publishing, which this socialdeck cannot do; switch it back to the sandbox")
        }
        let replyTo = post.value(at: "replyTo.externalId")?.stringValue
        if replyTo != nil && !PlatformRequests.takesReplies.contains(job.platform) {
            return .finish(.failed, "\(job.platform.displayName) offers no API to answer a comment; reply in the app")
        }
        let text = entry["text"]?.stringValue ?? post.value(at: "content.text")?.stringValue ?? ""
        let media = ["content.images", "content.videos"].flatMap { path -> [String] in
            guard case .array(let items)? = post.value(at: path) else { return [] }
            return items.compactMap(\.stringValue)
        }
        return .send(OutgoingPost(job: job, text: text, media: media, attempt: job.attempts + 1, replyTo: replyTo))
    }

    /// Reserves each account's rate window for its jobs; those the window refuses go
    /// back to the queue until it ends. Returns the ids that may go now, and those put back.
    func reserve(_ ready: [PublishJob], at now: Date) throws -> (Set<ObjectId>, [PublishJob]) {
        let quotas = PublishQuotas(store: store, limits: policy.rateLimits)
        var sendable = Set<ObjectId>()
        var waiting: [PublishJob] = []
        let groups = Dictionary(grouping: ready) { "\($0.platform.rawValue):\($0.account?.accountId ?? "")" }
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let grant = try quotas.reserve(group.count, platform: group[0].platform, accountId: group[0].account?.accountId ?? "", at: now)
            sendable.formUnion(group.prefix(grant.granted).map(\._id))
            let rest = Array(group.dropFirst(grant.granted))
            try putBack(rest, until: grant.windowEnd, now: now)
            waiting += rest
        }
        return (sendable, waiting)
    }

    /// Ends a job without sending it.
    func finish(_ job: PublishJob, _ state: PublishJobState, reason: String, at now: Date) throws {
        try store.updateOne(PublishJob.collection.rawValue, .id(job._id) && .eq("lease.token", job.lease?.token ?? ""),
                            Update.set("state", state).set("lastError", reason).unset("lease").set("updatedAt", now))
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 120 { return "\(minutes) min" }
        return "\(minutes / 60) h \(minutes % 60) min"
    }
}

extension PublishScheduler.Report {
    mutating func count(_ state: PublishJobState) {
        switch state {
        case .published: published += 1
        case .queued: retrying += 1
        case .failed: failed += 1
        case .needsCheck: needsCheck += 1
        case .missed: missed += 1
        case .expired: expired += 1
        case .cancelled: cancelled += 1
        case .publishing: break
        }
    }
}

private extension Array where Element == ContentMirror {
    func contains(jobId: ObjectId) -> Bool { contains { $0.job._id == jobId } }
}
