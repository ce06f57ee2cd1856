import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import SocialdeckViewModels
import Synchronization
import Testing

@Suite("Dashboard view model")
struct DashboardModelTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }

    @Test func panesFollowTheRole() {
        #expect(PaneID.visible(to: ws.manager) == [.calendar, .approvals, .analytics, .agents])
        #expect(PaneID.visible(to: ws.viewer) == [.calendar, .approvals, .analytics])
        #expect(PaneID.visible(to: ws.support) == [.calendar, .approvals, .analytics, .agents, .customers, .tickets, .health, .audit], "support looks customers up, watches health and reads the audit trail; revenue is not theirs")
        #expect(PaneID.visible(to: .localOperator()) == PaneID.allCases)
        var model = ws.dashboard(ws.viewer)
        let revenue = model.select(.revenue)
        #expect(!revenue)
        let analytics = model.select(.analytics)
        #expect(analytics && model.pane == .analytics)
        model.nextPane()
        #expect(model.pane == .calendar)
        model.nextPane(-1)
        #expect(model.pane == .analytics)
    }

    @Test func aFailedRefreshShowsInTheHeaderAndKeepsTheData() throws {
        var model = ws.dashboard(ws.manager)
        let snap = try ws.snapshot(ws.manager, model: model)
        model.receive(.init(result: .success(snap), request: model.request, duration: 0.02), now: ws.now)
        #expect(model.connection == .connected(at: ws.now))
        let count = model.approvals.visible.count
        model.receive(.init(result: .failure(StoreErrorStub()), request: model.request, duration: 3), now: ws.now.addingTimeInterval(2))
        guard case .unreachable(let since, let reason) = model.connection else { Issue.record("not unreachable"); return }
        #expect(since == ws.now.addingTimeInterval(2) && reason.contains("cannot reach"))
        #expect(model.approvals.visible.count == count)
        model.receive(.init(result: .success(snap), request: model.request, duration: 2.5), now: ws.now.addingTimeInterval(4))
        #expect(model.connection == .slow(at: ws.now.addingTimeInterval(4), seconds: 2.5))
    }

    @Test func theRefreshReadsTheOpenPaneAndLeavesTheOthersAlone() throws {
        var model = ws.dashboard(ws.manager)
        #expect(model.request.panes == [.approvals])
        let snap = try ws.snapshot(ws.manager, model: model)
        model.receive(.init(result: .success(snap), request: ws.everyPane(model), duration: 0.1), now: ws.now)
        let queue = model.approvals.visible.count
        _ = model.select(.analytics)
        #expect(model.request.panes == [.analytics])
        let analyticsOnly = try SnapshotLoader(store: ws.store, identity: ws.manager).load(model.request)
        #expect(analyticsOnly.queue.isEmpty && analyticsOnly.analytics != nil)
        model.receive(.init(result: .success(analyticsOnly), request: model.request, duration: 0.1), now: ws.now)
        #expect(model.approvals.visible.count == queue, "a snapshot not read for the queue leaves it as it was")
    }

    @Test func aCalendarTooFullToListCountsPerDayAndListsTheFocusedDay() throws {
        var model = ws.dashboard(ws.support)
        _ = model.select(.calendar)
        let clock: @Sendable () -> Date = { [now = ws.now] in now }
        let everything = try SnapshotLoader(store: ws.store, identity: ws.support, clock: clock).load(model.request)
        #expect(everything.calendarDayCounts == nil)
        model.receive(.init(result: .success(everything), request: model.request, duration: 0.1), now: ws.now)
        let listed = model.calendar.visibleDays.map { model.calendar.postCount(on: $0.start) }
        #expect(listed.reduce(0, +) > 3)
        #expect(model.request.calendarFocus == nil, "a listed range needs no focused day")

        // The same range over a limit of 3: counts per day from the rollups, the same
        // entries a day shows when listed, no posts yet.
        let tight = SnapshotLoader(store: ws.store, identity: ws.support, clock: clock, listLimit: 3)
        let counted = try tight.load(model.request)
        #expect(counted.calendar.isEmpty)
        model.receive(.init(result: .success(counted), request: model.request, duration: 0.1), now: ws.now)
        #expect(model.calendar.isCounting)
        #expect(model.calendar.visibleDays.map { model.calendar.postCount(on: $0.start) } == listed)
        #expect(model.calendar.awaitsFocusedDay)

        // It then asks for the focused day, and lists that day's posts only.
        let busiest = try #require(model.calendar.visibleDays.max { model.calendar.postCount(on: $0.start) < model.calendar.postCount(on: $1.start) })
        model.calendar.focus(day: busiest.start)
        #expect(model.request.calendarFocus == busiest)
        let day = try tight.load(model.request)
        model.receive(.init(result: .success(day), request: model.request, duration: 0.1), now: ws.now)
        #expect(!model.calendar.awaitsFocusedDay)
        #expect(model.calendar.dayEntries.count == counted.calendarDayCounts?[busiest.start])
        #expect(model.calendar.postCount(on: busiest.start) == model.calendar.dayEntries.count)
        #expect(model.calendar.entries.allSatisfy { busiest.contains($0.time) })
    }

    @Test func theHeaderClockUsesTheUsersZone() {
        let model = ws.dashboard(ws.manager, zone: "Asia/Tokyo")
        #expect(model.clockText(ISODate.date(from: "2026-11-29T10:00:00Z")!) == "2026-11-29 19:00 GMT+9")
    }

    @Test func flashMessagesExpire() {
        var model = ws.dashboard(ws.manager)
        model.show("saved \u{1B}[31m", now: ws.now)
        #expect(model.flashText(at: ws.now.addingTimeInterval(1)) == "saved \\e[31m")
        #expect(model.flashText(at: ws.now.addingTimeInterval(5)) == nil)
    }

    /// Ticks while a load runs are dropped, results arrive with the load's duration on the
    /// injected clock, and a stopped scheduler ticks no more; all without waiting on time.
    @Test func theSchedulerDropsOverlappingTicksAndDelivers() throws {
        let ticker = ManualTicker()
        let uptime = Mutex<TimeInterval>(0)
        let loads = Mutex(0)
        let delivered = Mutex<[RefreshScheduler.Delivery]>([])
        let model = ws.dashboard(ws.manager)
        let scheduler = RefreshScheduler(interval: 2, request: model.request, ticker: ticker, uptime: { uptime.withLock { $0 } },
                                         load: { _ in
                                             loads.withLock { $0 += 1 }
                                             uptime.withLock { $0 += 0.25 }
                                             return DashboardSnapshot(takenAt: Date(timeIntervalSince1970: 0))
                                         }, deliver: { d in delivered.withLock { $0.append(d) } })
        scheduler.start()
        #expect(ticker.interval == 2)
        ticker.fire()
        #expect(ticker.waitingJobs == 1)
        ticker.fire()
        ticker.fire()
        #expect(ticker.waitingJobs == 1, "a tick never starts a load while one runs")
        #expect(scheduler.droppedTicks == 2)
        ticker.runJob()
        #expect(loads.withLock { $0 } == 1)
        #expect(delivered.withLock { $0.map(\.duration) } == [0.25])
        ticker.fire()
        ticker.runJob()
        #expect(loads.withLock { $0 } == 2)

        // A changed request refreshes soon; an unchanged one does not.
        var moved = model.request
        moved.analyticsDays = 90
        scheduler.update(moved)
        scheduler.update(moved)
        ticker.fireSoon()
        ticker.runJob()
        #expect(delivered.withLock { $0.last?.request.analyticsDays } == 90)
        #expect(ticker.waitingJobs == 0)
        #expect(scheduler.droppedTicks == 2, "the unchanged second update asked for no refresh")

        scheduler.stop()
        #expect(!ticker.isRunning)
        ticker.fire()
        #expect(ticker.waitingJobs == 0)
    }

    @Test func analyticsAgentsAndRevenueArrive() throws {
        let staff = Identity.localOperator()
        var model = ws.dashboard(staff)
        let snap = try ws.snapshot(staff, model: model)
        model.receive(.init(result: .success(snap), request: ws.everyPane(model), duration: 0.1), now: ws.now)
        #expect(model.analytics.report?.days.count == 30)
        model.analytics.stepRange(1)
        #expect(model.request.analyticsDays == 90)
        model.analytics.stepRange(1)
        #expect(model.request.analyticsDays == 90, "it stops at the longest range")
        model.analytics.stepRange(-1)
        model.analytics.stepRange(-1)
        model.analytics.stepRange(-1)
        #expect(model.request.analyticsDays == 7)
        #expect(model.agents.rows.count == 7 && model.agents.rows.allSatisfy { !$0.recentRuns.isEmpty })
        #expect(model.agents.rows.first { $0.agent.type == .engagement }?.agent.status == .error)
        let revenue = try #require(model.revenue.report)
        #expect(revenue.mrr > 0 && revenue.arr == revenue.mrr * 12 && revenue.trend.count == 12 && revenue.forecast.count == 3)
        let cmd = try #require(model.agents.command(.restart).first)
        model.agents.move(10)
        try CommandRunner(store: ws.store, identity: staff, deliver: { _, _ in }).execute(.agents(cmd))
    }
}

struct StoreErrorStub: Error, CustomStringConvertible {
    var description: String { "cannot reach MongoDB at db1:27017" }
}

@Suite("Refresh across processes")
struct CrossProcessRefreshTests {
    /// A write through another connection (another SSH user's socialdeck) shows in the next snapshot.
    @Test func anotherWritersApprovalLeavesTheQueueWithinOneRefresh() throws {
        let ws = try Workspace()
        let other = try StoreLocation.sqlite(directory: (ws.store.location as NSString).deletingLastPathComponent).open()
        let model = ws.dashboard(ws.manager)
        let delivered = Mutex<[DashboardSnapshot]>([])
        let loader = SnapshotLoader(store: ws.store, identity: ws.manager)
        let ticker = ManualTicker()
        let scheduler = RefreshScheduler(interval: 2, request: model.request, ticker: ticker, load: { try loader.loadIfChanged($0) },
                                         deliver: { d in if case .success(let s?) = d.result { delivered.withLock { $0.append(s) } } })
        scheduler.start()
        defer { scheduler.stop() }
        ticker.fire()
        ticker.runJob()
        let first = try #require(delivered.withLock { $0.last })
        let target = try #require(first.queue.first)
        try ContentWorkflow(store: other).approve(target._id, by: ws.manager)
        ticker.fire()
        ticker.runJob()
        let snapshot = try #require(delivered.withLock { $0.count == 2 ? $0.last : nil }, "the tick after the write refreshed")
        #expect(!snapshot.queue.contains { $0._id == target._id }, "the next refresh after the write shows it")
    }
}
