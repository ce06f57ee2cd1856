import Foundation
import Synchronization
import SocialdeckViewModels

/// A ticker the test drives: ticks fire when the test says, and each refresh's work
/// waits in a queue until the test runs it.
final class ManualTicker: RefreshTicker, Sendable {
    private struct State {
        var tick: (@Sendable () -> Void)?
        var soon: [@Sendable () -> Void] = []
        var jobs: [@Sendable () -> Void] = []
        var interval: TimeInterval?
    }

    private let state = Mutex(State())

    var interval: TimeInterval? { state.withLock { $0.interval } }
    var isRunning: Bool { state.withLock { $0.tick != nil } }
    var waitingJobs: Int { state.withLock { $0.jobs.count } }

    func start(every interval: TimeInterval, _ tick: @escaping @Sendable () -> Void) {
        state.withLock {
            $0.tick = tick
            $0.interval = interval
        }
    }

    func stop() { state.withLock { $0.tick = nil } }
    func soon(_ tick: @escaping @Sendable () -> Void) { state.withLock { $0.soon.append(tick) } }
    func work(_ job: @escaping @Sendable () -> Void) { state.withLock { $0.jobs.append(job) } }

    /// One tick of the repeating timer, if it runs.
    func fire() { state.withLock { $0.tick }?() }

    /// The ticks asked for with `soon`.
    func fireSoon() {
        for tick in state.withLock({ s in defer { s.soon = [] }; return s.soon }) { tick() }
    }

    /// Runs the oldest waiting refresh.
    func runJob() {
        let job = state.withLock { s in s.jobs.isEmpty ? nil : s.jobs.removeFirst() }
        job?()
    }
}
