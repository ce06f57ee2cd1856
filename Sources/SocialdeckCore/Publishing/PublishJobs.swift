import Foundation
import SocialdeckModel
import SocialdeckStorage

/// People's commands on publish jobs: list them, retry a failed or missed one, cancel
/// one, and settle a `needs_check` by saying whether the post went out. Each checks
/// the permission matrix and the organization, and is audited.
public struct PublishJobs: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    var jobs: ModelCollection<PublishJob> { ModelCollection(store) }

    /// Jobs the identity may see, soonest first; staff see every organization unless one is given.
    public func list(for identity: Identity, organizationId: ObjectId? = nil, states: Set<PublishJobState> = [],
                     contentIds: [ObjectId]? = nil, limit: Int = 200) throws -> [PublishJob] {
        try AccessControl.authorize(identity, .viewContent, organizationId: organizationId ?? identity.organizationId)
        var filter = AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        if !states.isEmpty { filter = filter && .isIn("state", anyOf: states.sorted { $0.rawValue < $1.rawValue }) }
        if let contentIds { filter = filter && .isIn("contentId", contentIds.map { BSONValue.objectId($0) }) }
        return try jobs.find(filter, sort: [.asc("dueAt"), .asc("_id")], limit: limit)
    }

    /// The newest job of a post on a platform, for commands that name the post.
    public func latest(contentId: ObjectId, platform: Platform, for identity: Identity) throws -> PublishJob {
        try AccessControl.authorize(identity, .viewContent, organizationId: identity.organizationId)
        guard let job = try jobs.first(.eq("contentId", contentId) && .eq("platform", platform) && AccessControl.scope(identity),
                                       sort: [.desc("dueAt")]) else {
            throw CoreError.notFound("a \(platform.displayName) publish job for this post")
        }
        return job
    }

    /// Sends a failed, missed, cancelled or expired job again, now, with fresh attempts
    /// and no missed window: a person asked for it.
    @discardableResult
    public func retry(_ id: ObjectId, by identity: Identity) throws -> PublishJob {
        try change(id, by: identity, action: "publish_retried", allowed: [.failed, .missed, .cancelled, .expired]) { job, now in
            Update.set("state", PublishJobState.queued).set("attempts", 0).set("nextAttemptAt", now).set("lateAllowed", true)
                .unset("sendingAt").unset("lastError")
        } post: { _ in .queued }
    }

    /// Takes a job off: it will not be sent, and its post's entry goes back to draft.
    @discardableResult
    public func cancel(_ id: ObjectId, by identity: Identity) throws -> PublishJob {
        try change(id, by: identity, action: "publish_cancelled", allowed: [.queued, .failed, .missed, .expired]) { _, _ in
            Update.set("state", PublishJobState.cancelled).unset("lease")
        } post: { _ in .draft }
    }

    /// Settles a `needs_check` job after a person looked at the platform: published (with
    /// the post's address when known) or not, in which case it is sent again now.
    @discardableResult
    public func check(_ id: ObjectId, published: Bool, permalink: String? = nil, by identity: Identity) throws -> PublishJob {
        if let permalink, !(permalink.hasPrefix("https://") && permalink.count < 2048 && !permalink.contains(where: \.isWhitespace)) {
            throw CoreError.invalid("the permalink must be an https:// address")
        }
        return try change(id, by: identity, action: "publish_checked", allowed: [.needsCheck],
                          info: ["published": .bool(published)]) { _, now in
            if published {
                var update = Update.set("state", PublishJobState.published).set("publishedAt", now)
                if let permalink { update = update.set("permalink", permalink).set("platformPostId", permalink) }
                return update
            }
            return Update.set("state", PublishJobState.queued).set("nextAttemptAt", now).set("lateAllowed", true).unset("sendingAt")
        } post: { _ in published ? .published : .queued }
    }

    private func change(_ id: ObjectId, by identity: Identity, action: String, allowed: Set<PublishJobState>,
                        info: Document? = nil, _ update: (PublishJob, Date) -> Update,
                        post status: (PublishJob) -> PostStatus) throws -> PublishJob {
        guard let job = try jobs.first(.id(id) && AccessControl.scope(identity)) else { throw CoreError.notFound("publish job \(id.hex)") }
        try AccessControl.authorize(identity, .publishContent, organizationId: job.organizationId)
        guard allowed.contains(job.state) else {
            throw CoreError.conflict("the job is \(job.state.rawValue.replacingOccurrences(of: "_", with: " ")); this applies to "
                                     + allowed.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.sorted().joined(separator: ", ") + " jobs")
        }
        let now = clock()
        let write = update(job, now).set("resolvedBy", PublishingSwitch.actor(identity)).set("resolvedAt", now).set("updatedAt", now)
        guard try store.updateOne(PublishJob.collection.rawValue, .id(id) && .eq("state", job.state), write) == 1 else {
            throw CoreError.conflict("the job changed a moment ago; look again")
        }
        let after = try jobs.get(id) ?? job
        try mirror(after, status(after), at: now)
        try AuditTrail(store: store, clock: clock).record(
            .init(action: action, targetType: .content, targetId: job.contentId, organizationId: job.organizationId,
                  before: Document([.init("state", .string(job.state.rawValue))]),
                  after: Document([.init("state", .string(after.state.rawValue))]),
                  info: Document([.init("job", .objectId(id)), .init("platform", .string(job.platform.rawValue))]
                                 + (info?.fields ?? []))), by: identity)
        return after
    }

    /// Shows a person's decision on the post: its entry for the job's platform and time.
    private func mirror(_ job: PublishJob, _ status: PostStatus, at now: Date) throws {
        var mirror = ContentMirror(job: job, status: status)
        if status == .published {
            mirror.publishedAt = job.publishedAt ?? now
            mirror.platformPostId = job.permalink
        }
        try ContentMirror.write([mirror], to: store, at: now)
    }
}
