import Dispatch
import Foundation

/// What drives the refresh scheduler: a repeating tick, and a tick as soon as
/// possible. The dashboard uses `DispatchRefreshTicker`; tests fire ticks by hand, so
/// they never wait on real time.
public protocol RefreshTicker: Sendable {
    /// Calls `tick` every `interval` seconds, starting now, until `stop`.
    func start(every interval: TimeInterval, _ tick: @escaping @Sendable () -> Void)
    func stop()
    /// Calls `tick` once, soon, in the same order as the repeating ticks.
    func soon(_ tick: @escaping @Sendable () -> Void)
    /// Runs a refresh's work off the ticking queue, so ticks stay on time while it runs.
    func work(_ job: @escaping @Sendable () -> Void)
}

/// Ticks from a `DispatchSourceTimer` on a private queue; the work runs on another.
public final class DispatchRefreshTicker: RefreshTicker, @unchecked Sendable {
    private let queue = DispatchQueue(label: "socialdeck.refresh.timer", qos: .userInitiated)
    private let workQueue = DispatchQueue(label: "socialdeck.refresh.load", qos: .userInitiated)
    private let lock = NSLock()
    /// Guarded by `lock`; the one mutable field Mutex cannot hold (timers are not Sendable).
    private var timer: (any DispatchSourceTimer)?

    public init() {}

    public func start(every interval: TimeInterval, _ tick: @escaping @Sendable () -> Void) {
        let source = DispatchSource.makeTimerSource(queue: queue)
        source.schedule(deadline: .now(), repeating: interval, leeway: .milliseconds(50))
        source.setEventHandler(handler: tick)
        lock.withLock { timer = source }
        source.resume()
    }

    public func stop() {
        lock.withLock {
            timer?.cancel()
            timer = nil
        }
    }

    public func soon(_ tick: @escaping @Sendable () -> Void) { queue.async(execute: tick) }

    public func work(_ job: @escaping @Sendable () -> Void) { workQueue.async(execute: job) }
}
