import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Recurring posts and the standard workflows through the publisher's passes (issue #12):
/// each run made once, by whichever process comes first, a day ahead for posts; never a
/// burst of stale runs after downtime. The test clock starts on Sunday 29 November 2026, 09:00 UTC.
@Suite("Recurring work")
struct RecurringRunsTests {
    static let mondayNine = RecurrenceRule.weekly([.init(weekday: 1, time: .init(hour: 9, minute: 0))], in: "UTC")
    static let dailyNine = RecurrenceRule.every(1, at: .init(hour: 9, minute: 0), from: "2026-11-01", in: "UTC")

    func posts(titled title: String, in p: PublishingWorld) throws -> [Content] {
        try ModelCollection(p.store, Content.self).find(.eq("content.text", "Text of \(title)"), sort: [.asc("_id")])
    }

    func schedule(_ id: ObjectId, in p: PublishingWorld) throws -> RecurringSchedule {
        try #require(try ModelCollection(p.store, RecurringSchedule.self).get(id))
    }

    @Test(arguments: Backend.enabled)
    func aWeeklyPostIsMadeADayAheadOnceAndPublishedAtItsTime(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let original = try p.approvedPost("Tips", in: 10, on: [.facebook, .twitter])
        let series = try RecurringSchedules(store: p.store, clock: p.clock.closure)
            .repeatPost(original._id, rule: Self.mondayNine, by: identity(of: p.manager))
        let monday = p.clock.now.addingTimeInterval(86_400)
        #expect(series.nextRunAt == monday && series.post?.approvedBy == p.manager._id)

        let scheduler = p.scheduler()
        #expect(try scheduler.runOnce().recurring == 1, "made a day ahead")
        #expect(try scheduler.runOnce().recurring == 0)
        let made = try posts(titled: "Tips", in: p).filter { $0._id != original._id }
        #expect(made.count == 1 && made[0]._id == RecurringSchedule.runId(scheduleId: series._id, runAt: monday))
        #expect(made[0].approval.status == .approved && made[0].platforms.map(\.status) == [.scheduled, .scheduled])
        #expect(made[0].platforms.allSatisfy { $0.scheduledAt == monday } && made[0].content.text == "Text of Tips")
        let moved = try schedule(series._id, in: p)
        #expect(moved.nextRunAt == monday.addingTimeInterval(7 * 86_400) && moved.runs == 1 && moved.lastRunAt == monday)

        p.clock.advance(by: 86_400)
        #expect(try scheduler.runOnce().published == 2, "the run goes out at its time on both platforms")
        #expect(try p.post(made[0]._id).platforms.allSatisfy { $0.status == .published })
        _ = try RollupRecount.expectStoredEqualRecount(p.store, "after a recurring run")
    }

    @Test(arguments: Backend.enabled)
    func twoProcessesRacingMakeEachRunOnce(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let original = try p.approvedPost("Race", in: 10)
        let series = try RecurringSchedules(store: p.store, clock: p.clock.closure)
            .repeatPost(original._id, rule: Self.dailyNine, by: identity(of: p.manager))
        let stores = [p.store, try backend.otherConnection(to: p.w.base)]
        for _ in 0..<3 {
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                _ = try? RecurringRuns(store: stores[i], clock: p.clock.closure, missedAfter: 6 * 3600).runDue()
            }
            p.clock.advance(by: 86_400)
        }
        let made = try posts(titled: "Race", in: p).filter { $0._id != original._id }
        #expect(made.count == 3, "three days, three runs")
        #expect(Set(made.map(\._id)).count == 3)
        #expect(try schedule(series._id, in: p).runs == 3)
    }

    /// A process that made the run's post and died before moving the schedule on: the
    /// next pass finds the post's key taken and only moves on.
    @Test(arguments: Backend.enabled)
    func aRunMadeBeforeACrashIsNotMadeAgain(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let original = try p.approvedPost("Crash", in: 10)
        let series = try RecurringSchedules(store: p.store, clock: p.clock.closure)
            .repeatPost(original._id, rule: Self.mondayNine, by: identity(of: p.manager))
        let runAt = series.nextRunAt
        let id = RecurringSchedule.runId(scheduleId: series._id, runAt: runAt)
        try ContentWorkflow.insertMade(RecurringRuns.post(from: series.post!, id: id, schedule: series, at: runAt, now: p.clock.now),
                                       store: p.store, clock: p.clock.closure)
        let outcome = try RecurringRuns(store: p.store, clock: p.clock.closure, missedAfter: 6 * 3600).runDue()
        #expect(outcome.made == 0)
        #expect(try posts(titled: "Crash", in: p).count == 2, "the original and the one run")
        #expect(try schedule(series._id, in: p).nextRunAt == runAt.addingTimeInterval(7 * 86_400))
    }

    @Test(arguments: Backend.enabled)
    func afterDowntimeStaleRunsArePassedOverNotFired(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let original = try p.approvedPost("Daily", in: 10, on: [.linkedin])
        let series = try RecurringSchedules(store: p.store, clock: p.clock.closure)
            .repeatPost(original._id, rule: Self.dailyNine, by: identity(of: p.manager))
        p.clock.advance(by: 10 * 86_400)
        let report = try p.scheduler().runOnce()
        #expect(report.recurringSkipped == 9 && report.recurring == 1, "9 days passed over, today's run made: \(report)")
        #expect(report.published == 1, "today's run goes out; the original is missed, not sent: \(report)")
        #expect(try posts(titled: "Daily", in: p).count == 2)
        let after = try schedule(series._id, in: p)
        #expect(after.skipped == 9 && after.runs == 1 && after.nextRunAt == p.clock.now.addingTimeInterval(86_400))
    }

    @Test func anUnapprovedSeriesMakesDraftsForApproval() throws {
        let p = try PublishingWorld(.sqlite)
        let draft = try p.pendingPost("Pending", in: 10)
        _ = try RecurringSchedules(store: p.store, clock: p.clock.closure).repeatPost(draft._id, rule: Self.mondayNine, by: identity(of: p.manager))
        #expect(try p.scheduler().runOnce().recurring == 1)
        let made = try #require(try posts(titled: "Pending", in: p).first { $0._id != draft._id })
        #expect(made.approval.status == .pending && made.platforms.map(\.status) == [.draft])
        #expect(try p.w.workflow.approvalQueue(for: identity(of: p.manager)).contains { $0._id == made._id })
    }

    @Test(arguments: Backend.enabled)
    func theStandardWorkflowsAreScheduledOnceAndRunAsRequestsForTheAgents(_ backend: Backend) throws {
        let p = try PublishingWorld(backend)
        let scheduler = p.scheduler()
        try scheduler.runOnce()
        #expect(try StandardWorkflows.ensure(in: p.store, at: p.clock.now) == 0, "already there")
        let workflows = try ModelCollection(p.store, RecurringSchedule.self).find(.eq("kind", RecurringSchedule.Kind.workflow))
        #expect(Set(workflows.compactMap(\.workflow)) == ["analytics", "strategy-optimisation", "engagement"])
        #expect(workflows.allSatisfy { $0.organizationId == p.org._id })
        // Monday 30 November, 07:00: the 03:00 data retention, the daily 06:00 analytics and Monday's
        // 07:00 strategy run; Sunday's 15:00 engagement round, 16 hours late, is passed over.
        p.clock.advance(by: 22 * 3600)
        #expect(try scheduler.runOnce().recurring == 3)
        try p.scheduler(owner: "other").runOnce()
        let requests = try ModelCollection(p.store, AgentMessage.self).find(.eq("type", "scheduled_workflow"))
        #expect(requests.count == 2 && Set(requests.map(\.toAgent)) == [.analytics, .strategy])
        // Monday 09:00: the engagement round.
        p.clock.advance(by: 2 * 3600)
        #expect(try scheduler.runOnce().recurring == 1)
        #expect(try ModelCollection(p.store, AgentMessage.self).count(.eq("type", "scheduled_workflow") && .eq("toAgent", AgentType.engagement)) == 1)
        #expect(requests.allSatisfy { $0.status == .queued && $0.organizationId == p.org._id })
    }

    @Test func onlyThoseWhoMaySchedulePostsRepeatThemAndOtherOrganizationsSeeNothing() throws {
        let p = try PublishingWorld(.sqlite)
        let post = try p.approvedPost("Mine", in: 10)
        let schedules = RecurringSchedules(store: p.store, clock: p.clock.closure)
        #expect(throws: AccessDenied.self) { try schedules.repeatPost(post._id, rule: Self.mondayNine, by: identity(of: p.writer)) }
        #expect(throws: CoreError.self) {
            try schedules.repeatPost(post._id, rule: .weekly([], in: "UTC"), by: identity(of: p.manager))
        }
        let series = try schedules.repeatPost(post._id, rule: Self.mondayNine, by: identity(of: p.manager))
        let stranger = try p.w.customer("admin@other.test", in: try p.w.organization("other"), role: .admin)
        #expect(try schedules.list(for: identity(of: stranger)).isEmpty)
        #expect(throws: CoreError.self) { try schedules.setActive(false, series._id, by: identity(of: stranger)) }
        #expect(try schedules.setActive(false, series._id, by: identity(of: p.manager)).active == false)
        p.clock.advance(by: 86_400)
        #expect(try p.scheduler().runOnce().recurring == 0, "a paused series makes nothing")
        let resumed = try schedules.setActive(true, series._id, by: identity(of: p.manager))
        #expect(resumed.nextRunAt == p.clock.now.addingTimeInterval(7 * 86_400), "it starts again from the next Monday")
        try schedules.remove(series._id, by: identity(of: p.manager))
        #expect(try schedules.list(for: identity(of: p.manager)).filter { $0.kind == .post }.isEmpty)
        #expect(try p.w.customerLog().map(\.action).filter { $0.hasPrefix("recurring") }
                == ["recurring_created", "recurring_paused", "recurring_resumed", "recurring_removed"])
    }
}
