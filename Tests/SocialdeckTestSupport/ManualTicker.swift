import Foundation
import Synchronization
import SocialdeckViewModels

/// A ticker the test drives: ticks fire when the test says, and each refresh's work
/// waits in a queue until the test runs it.
public final class ManualTicker: RefreshTicker, Sendable {
    private struct State {
        var tick: (@Sendable () -> Void)?
        var soon: [@Sendable () -> Void] = []
        var jobs: [@Sendable () -> Void] = []
        var interval: TimeInterval?
    }

    private let state = Mutex(State())

    public init() {}

    public var interval: TimeInterval? { state.withLock { $0.interval } }
    public var isRunning: Bool { state.withLock { $0.tick != nil } }
    public var waitingJobs: Int { state.withLock { $0.jobs.count } }
    /// Refreshes asked for with `soon` and not fired yet.
    public var waitingSoon: Int { state.withLock { $0.soon.count } }

    public func start(every interval: TimeInterval, _ tick: @escaping @Sendable () -> Void) {
        state.withLock {
            $0.tick = tick
            $0.interval = interval
        }
    }

    public func stop() { state.withLock { $0.tick = nil } }
    public func soon(_ tick: @escaping @Sendable () -> Void) { state.withLock { $0.soon.append(tick) } }
    public func work(_ job: @escaping @Sendable () -> Void) { state.withLock { $0.jobs.append(job) } }

    /// One tick of the repeating timer, if it runs.
    public func fire() { state.withLock { $0.tick }?() }

    /// The ticks asked for with `soon`.
    public func fireSoon() {
        for tick in state.withLock({ s in defer { s.soon = [] }; return s.soon }) { tick() }
    }

    /// Runs the oldest waiting refresh.
    public func runJob() {
        let job = state.withLock { s in s.jobs.isEmpty ? nil : s.jobs.removeFirst() }
        job?()
    }
}
