import Foundation
import SocialdeckModel
import SocialdeckStorage

/// People's side of recurring work: repeat a post, list, pause, resume and remove
/// schedules. Permission-checked and audited; the runs themselves are ``RecurringRuns``'.
public struct RecurringSchedules: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date
    let audit: AuditTrail

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
        audit = AuditTrail(store: store, clock: clock)
    }

    private var schedules: ModelCollection<RecurringSchedule> { ModelCollection(store, RecurringSchedule.self) }

    /// Makes a post come round again by `rule`. Each run copies the post as it is now;
    /// if it is approved, so is each run.
    public func repeatPost(_ contentId: ObjectId, rule: RecurrenceRule, by identity: Identity) throws -> RecurringSchedule {
        if let problem = rule.problem { throw CoreError.invalid(problem) }
        guard let post = try ModelCollection(store, Content.self).first(.id(contentId) && AccessControl.scope(identity)) else {
            throw CoreError.notFound("post \(contentId.hex)")
        }
        try AccessControl.authorize(identity, .scheduleContent, organizationId: post.organizationId)
        let now = clock()
        guard let first = rule.next(after: now) else { throw CoreError.invalid("the rule never comes round") }
        var template = RecurringSchedule.PostTemplate()
        template.title = post.title
        template.body = post.content
        template.platforms = post.platforms.map(\.platform)
        template.variants = Dictionary(uniqueKeysWithValues: post.platforms.compactMap { entry in entry.text.map { (entry.platform.rawValue, $0) } })
        template.authorId = post.userId
        template.approvedBy = post.approval.status == .approved ? post.approval.approvedBy ?? identity.actorId : nil
        var schedule = RecurringSchedule()
        schedule.organizationId = post.organizationId
        schedule.kind = .post
        schedule.name = post.title
        schedule.rule = rule
        schedule.post = template
        schedule.nextRunAt = first
        schedule.createdBy = identity.actorId
        schedule.createdAt = now
        schedule.updatedAt = now
        try schedules.insert(schedule)
        try record("recurring_created", schedule, info: ["rule": .string(rule.summary), "from": .objectId(contentId)], by: identity)
        return schedule
    }

    /// The schedules the caller can see, soonest first.
    public func list(for identity: Identity, organizationId: ObjectId? = nil) throws -> [RecurringSchedule] {
        var filter = AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        return try schedules.find(filter, sort: [.desc("active"), .asc("nextRunAt")])
    }

    /// Pauses or resumes a schedule. A resumed schedule starts from its next run after now.
    public func setActive(_ active: Bool, _ id: ObjectId, by identity: Identity) throws -> RecurringSchedule {
        var schedule = try owned(id, by: identity)
        let now = clock()
        var update = Update.set("active", active).set("updatedAt", now)
        if active {
            guard let next = schedule.rule.next(after: now) else { throw CoreError.invalid("the rule never comes round") }
            update = update.set("nextRunAt", next)
            schedule.nextRunAt = next
        }
        try store.updateOne(RecurringSchedule.collection.rawValue, .id(id), update)
        schedule.active = active
        try record(active ? "recurring_resumed" : "recurring_paused", schedule, by: identity)
        return schedule
    }

    /// Deletes a schedule; runs already made stay as ordinary posts.
    public func remove(_ id: ObjectId, by identity: Identity) throws {
        let schedule = try owned(id, by: identity)
        try store.deleteOne(RecurringSchedule.collection.rawValue, .id(id))
        try record("recurring_removed", schedule, by: identity)
    }

    /// Post schedules need the right to schedule; workflow schedules the right to configure agents.
    private func owned(_ id: ObjectId, by identity: Identity) throws -> RecurringSchedule {
        guard let schedule = try schedules.first(.id(id) && AccessControl.scope(identity)) else {
            throw CoreError.notFound("recurring schedule \(id.hex)")
        }
        guard schedule.kind != .retention else {
            throw CoreError.invalid("data retention cannot be paused or removed; change the organization's retention days instead")
        }
        try AccessControl.authorize(identity, schedule.kind == .post ? .scheduleContent : .configureAgents,
                                    organizationId: schedule.organizationId)
        return schedule
    }

    private func record(_ action: String, _ schedule: RecurringSchedule, info: Document = [:], by identity: Identity) throws {
        var details: Document = ["name": .string(schedule.name)]
        for key in info.keys { details[key] = info[key] }
        try audit.record(.init(action: action, targetType: .content, targetId: schedule._id, organizationId: schedule.organizationId,
                               info: details), by: identity)
    }
}
