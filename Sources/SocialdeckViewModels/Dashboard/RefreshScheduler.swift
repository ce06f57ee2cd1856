import Dispatch
import Foundation
import Synchronization

/// Refreshes the dashboard's data on a background `DispatchSourceTimer`. A tick that
/// would overlap a refresh still running is dropped, so a slow store never piles up
/// work. Results go to `deliver` on the scheduler's queue; the terminal layer hands
/// them to its single UI thread. Nothing here waits on, or is waited on by, input.
public final class RefreshScheduler: @unchecked Sendable {
    public struct Delivery: Sendable {
        public let result: Result<DashboardSnapshot, any Error>
        public let request: SnapshotRequest
        /// How long the load took, for the header's connection state and the benchmark.
        public let duration: TimeInterval

        public init(result: Result<DashboardSnapshot, any Error>, request: SnapshotRequest, duration: TimeInterval) {
            self.result = result
            self.request = request
            self.duration = duration
        }
    }

    /// The timer ticks here, on time, even while a load runs on `workQueue`.
    private let queue = DispatchQueue(label: "socialdeck.refresh.timer", qos: .userInitiated)
    private let workQueue = DispatchQueue(label: "socialdeck.refresh.load", qos: .userInitiated)
    private let timerLock = NSLock()
    /// Guarded by `timerLock`; the one mutable field Mutex cannot hold (timers are not Sendable).
    private var timer: (any DispatchSourceTimer)?
    private let running = Atomic<Bool>(false)
    private let request: Mutex<SnapshotRequest>
    private let dropped = Atomic<Int>(0)
    private let interval: TimeInterval
    private let load: @Sendable (SnapshotRequest) throws -> DashboardSnapshot
    private let deliver: @Sendable (Delivery) -> Void

    public init(interval: TimeInterval, request: SnapshotRequest,
                load: @escaping @Sendable (SnapshotRequest) throws -> DashboardSnapshot,
                deliver: @escaping @Sendable (Delivery) -> Void) {
        self.interval = max(0.1, interval)
        self.request = Mutex(request)
        self.load = load
        self.deliver = deliver
    }

    /// Ticks skipped because the previous refresh was still running.
    public var droppedTicks: Int { dropped.load(ordering: .relaxed) }

    public func start() {
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now(), repeating: interval, leeway: .milliseconds(50))
        source.setEventHandler { [weak self] in self?.tick() }
        timerLock.withLock { timer = source }
        source.resume()
    }

    public func stop() {
        timerLock.withLock {
            timer?.cancel()
            timer = nil
        }
    }

    /// Changes what the next refresh reads (the calendar moved, the range changed) and refreshes soon.
    public func update(_ new: SnapshotRequest) {
        let changed = request.withLock { r -> Bool in
            defer { r = new }
            return r != new
        }
        if changed { refreshNow() }
    }

    /// A refresh right away (after a write), still never overlapping one in flight.
    public func refreshNow() {
        queue.async { [weak self] in self?.tick() }
    }

    private func tick() {
        guard running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            dropped.add(1, ordering: .relaxed)
            return
        }
        let current = request.withLock { $0 }
        workQueue.async { [self] in
            let started = ContinuousClock.now
            let result = Result { try load(current) }
            let elapsed = ContinuousClock.now - started
            running.store(false, ordering: .releasing)
            deliver(Delivery(result: result, request: current,
                             duration: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }
    }
}
