import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Makes the runs of recurring schedules that have come due, from every publisher pass
/// (the daemon's and each dashboard's) at once, each run exactly once.
///
/// A run first makes its product under an id derived from the schedule and the run's
/// time (a post, or a workflow request for the agents), then moves `nextRunAt` on with
/// a compare-and-set. A second process making the same run collides on the product's
/// key; a process that dies between the steps leaves the product made, and whoever comes
/// next finds the key taken and only moves the schedule on.
struct RecurringRuns: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date
    /// Runs later than this are passed over, not made: no burst of stale posts after downtime.
    let missedAfter: TimeInterval
    /// Posts are made this long before their time, so people see and can edit them.
    static let postLead: TimeInterval = 86_400
    private var collection: String { RecurringSchedule.collection.rawValue }

    struct Outcome: Equatable {
        var made = 0
        var skipped = 0
    }

    func runDue(limit: Int = 100) throws -> Outcome {
        let now = clock()
        // Posts a day ahead, workflows at their time.
        let due: Filter = .eq("active", true) && (.lte("nextRunAt", now)
            || (.eq("kind", RecurringSchedule.Kind.post) && .lte("nextRunAt", now.addingTimeInterval(Self.postLead))))
        var outcome = Outcome()
        for schedule in try ModelCollection(store, RecurringSchedule.self).find(due, sort: [.asc("nextRunAt")], limit: limit) {
            let one = try run(schedule, now: now)
            outcome.made += one.made
            outcome.skipped += one.skipped
        }
        return outcome
    }

    /// The run at `nextRunAt` (or, past stale ones, the first still in time), then the schedule moved on.
    private func run(_ schedule: RecurringSchedule, now: Date) throws -> Outcome {
        var runAt: Date? = schedule.nextRunAt
        var skipped = 0
        while let at = runAt, at < now.addingTimeInterval(-missedAfter), skipped < 10_000 {
            runAt = schedule.rule.next(after: at)
            skipped += 1
        }
        var update = Update.set("updatedAt", now)
        var made = false
        if let at = runAt, at <= now.addingTimeInterval(schedule.kind == .post ? Self.postLead : 0) {
            made = try make(schedule, at: at, now: now)
            update = update.set("lastRunAt", at).inc("runs", Int64(1))
            runAt = schedule.rule.next(after: at)
        }
        if skipped > 0 { update = update.inc("skipped", Int64(skipped)) }
        update = runAt.map { update.set("nextRunAt", $0) } ?? update.set("active", false)
        // Only the process that saw this `nextRunAt` moves it on; the others' products collided.
        let moved = try store.updateOne(collection, .id(schedule._id) && .eq("nextRunAt", schedule.nextRunAt), update)
        return moved == 1 ? Outcome(made: made ? 1 : 0, skipped: skipped) : Outcome()
    }

    /// Makes the run's product; false when another process already had.
    private func make(_ schedule: RecurringSchedule, at runAt: Date, now: Date) throws -> Bool {
        let id = RecurringSchedule.runId(scheduleId: schedule._id, runAt: runAt)
        do {
            switch schedule.kind {
            case .post:
                guard let template = schedule.post else { return false }
                try ContentWorkflow.insertMade(RecurringRuns.post(from: template, id: id, schedule: schedule, at: runAt, now: now),
                                               store: store, clock: clock)
            case .workflow:
                var request = AgentMessage()
                request._id = id
                let first = StandardWorkflows.firstAgent(of: schedule.workflow ?? "")
                request.fromAgent = first
                request.toAgent = first
                request.organizationId = schedule.organizationId
                request.type = "scheduled_workflow"
                request.payload = Document([.init("workflow", .string(schedule.workflow ?? "")), .init("scheduleId", .objectId(schedule._id)),
                                            .init("runAt", .date(runAt))])
                request.createdAt = now
                try ModelCollection(store, AgentMessage.self).insert(request)
            case .retention:
                try DataRetention(store: store, clock: clock).apply(to: schedule.organizationId, at: runAt)
            }
            return true
        } catch StoreError.duplicateKey {
            return false
        }
    }

    static func post(from template: RecurringSchedule.PostTemplate, id: ObjectId, schedule: RecurringSchedule,
                     at runAt: Date, now: Date) -> Content {
        var post = Content()
        post._id = id
        post.organizationId = schedule.organizationId
        post.userId = template.authorId
        post.title = template.title
        post.content = template.body
        let approved = template.approvedBy != nil
        post.platforms = template.platforms.map { platform in
            var entry = Content.PlatformPost(platform: platform, status: approved ? .scheduled : .draft, scheduledAt: runAt)
            entry.text = template.variants[platform.rawValue]
            return entry
        }
        if let approver = template.approvedBy {
            post.approval.status = .approved
            post.approval.approvedBy = approver
            post.approval.approvedAt = now
        }
        post.createdAt = now
        post.updatedAt = now
        return post
    }
}
