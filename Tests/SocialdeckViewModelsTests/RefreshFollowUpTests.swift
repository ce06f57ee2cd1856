import Foundation
import Synchronization
import SocialdeckModel
import Testing
import SocialdeckTestSupport
import SocialdeckViewModels

/// A request changed while a refresh runs (Enter on an agent opens its runs) is read as
/// soon as that refresh ends, instead of at the next tick, seconds later.
@Suite("Refresh follow-up")
struct RefreshFollowUpTests {
    @Test func aRequestChangedDuringALoadIsReadRightAfterIt() throws {
        let ws = try Workspace()
        let ticker = ManualTicker()
        let delivered = Mutex<[SnapshotRequest]>([])
        let model = ws.dashboard(ws.manager)
        let scheduler = RefreshScheduler(interval: 2, request: model.request, ticker: ticker,
                                         load: { _ in DashboardSnapshot(takenAt: Date(timeIntervalSince1970: 0)) },
                                         deliver: { d in delivered.withLock { $0.append(d.request) } })
        scheduler.start()
        ticker.fire()
        var opened = model.request
        opened.agentRuns = ws.acme._id
        scheduler.update(opened)
        ticker.fireSoon()
        #expect(scheduler.droppedTicks == 1, "the load in flight drops the refresh the change asked for")
        ticker.runJob()
        ticker.fireSoon()
        #expect(ticker.waitingJobs == 1, "the changed request is loaded without waiting for the next tick")
        ticker.runJob()
        #expect(delivered.withLock { $0.map(\.agentRuns) } == [nil, ws.acme._id])
        ticker.fireSoon()
        #expect(ticker.waitingJobs == 0, "an unchanged request asks for nothing more")
        scheduler.stop()
    }
}
