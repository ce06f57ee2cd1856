import Dispatch
import Foundation
import Synchronization

/// Refreshes the dashboard's data on each tick of its ticker (a background
/// `DispatchSourceTimer` in the dashboard). A tick that would overlap a refresh still
/// running is dropped, so a slow store never piles up work; a request changed during a
/// refresh is read as soon as that refresh ends. Results go to `deliver`
/// off the UI thread; the terminal layer hands them to its single UI thread. Nothing
/// here waits on, or is waited on by, input.
public final class RefreshScheduler: @unchecked Sendable {
    public struct Delivery: Sendable {
        /// A nil snapshot: nothing the request covers changed since the last one.
        public let result: Result<DashboardSnapshot?, any Error>
        public let request: SnapshotRequest
        /// How long the load took, for the header's connection state and the benchmark.
        public let duration: TimeInterval

        public init(result: Result<DashboardSnapshot?, any Error>, request: SnapshotRequest, duration: TimeInterval) {
            self.result = result
            self.request = request
            self.duration = duration
        }
    }

    private let ticker: any RefreshTicker
    /// Seconds on a monotonic clock, to time each load.
    private let uptime: @Sendable () -> TimeInterval
    private let running = Atomic<Bool>(false)
    private let request: Mutex<SnapshotRequest>
    private let dropped = Atomic<Int>(0)
    private let interval: TimeInterval
    private let load: @Sendable (SnapshotRequest) throws -> DashboardSnapshot?
    private let deliver: @Sendable (Delivery) -> Void

    public init(interval: TimeInterval, request: SnapshotRequest, ticker: any RefreshTicker = DispatchRefreshTicker(),
                uptime: @escaping @Sendable () -> TimeInterval = RefreshScheduler.systemUptime,
                load: @escaping @Sendable (SnapshotRequest) throws -> DashboardSnapshot?,
                deliver: @escaping @Sendable (Delivery) -> Void) {
        self.interval = max(0.1, interval)
        self.request = Mutex(request)
        self.ticker = ticker
        self.uptime = uptime
        self.load = load
        self.deliver = deliver
    }

    public static let systemUptime: @Sendable () -> TimeInterval = {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return TimeInterval(spec.tv_sec) + TimeInterval(spec.tv_nsec) / 1e9
    }

    /// Ticks skipped because the previous refresh was still running.
    public var droppedTicks: Int { dropped.load(ordering: .relaxed) }

    public func start() {
        ticker.start(every: interval) { [weak self] in self?.tick() }
    }

    public func stop() { ticker.stop() }

    /// Changes what the next refresh reads (the calendar moved, the range changed) and
    /// refreshes soon; a request that only watches other posts waits for the next tick.
    public func update(_ new: SnapshotRequest) {
        let changed = request.withLock { r -> Bool in
            defer { r = new }
            return !r.showsSameData(as: new)
        }
        if changed { refreshNow() }
    }

    /// A refresh right away (after a write), still never overlapping one in flight.
    public func refreshNow() {
        ticker.soon { [weak self] in self?.tick() }
    }

    private func tick() {
        guard running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            dropped.add(1, ordering: .relaxed)
            return
        }
        let current = request.withLock { $0 }
        ticker.work { [self] in
            let started = uptime()
            let result = Result { try load(current) }
            let elapsed = uptime() - started
            running.store(false, ordering: .releasing)
            deliver(Delivery(result: result, request: current, duration: elapsed))
            // The request changed while this load ran (an agent's runs opened, a pane
            // switched): the refresh it asked for was dropped, so it runs now.
            if request.withLock({ $0 }) != current { refreshNow() }
        }
    }
}
