import Dispatch
import Foundation
import SocialdeckModel

/// The publisher inside a dashboard: a pass every few seconds on a utility queue of
/// its own, so publishing never waits for the screen and the screen never waits for
/// publishing. After each pass it carries out waiting workflow requests (the agents)
/// and sends notification emails that are due, when it was given a runner and an
/// outbox. Each pass leaves the process's heartbeat for the health pane. Stopping
/// gives back the leases of jobs not yet begun and removes the heartbeat.
public final class PublisherLoop: @unchecked Sendable {
    private let scheduler: PublishScheduler
    private let workflows: WorkflowRunner?
    private let outbox: EmailOutbox?
    private let queue = DispatchQueue(label: "socialdeck.publisher", qos: .utility)
    private let interval: TimeInterval
    private let log: @Sendable (String) -> Void
    /// Read from the publisher's queue between jobs; written from the caller's.
    private let stopped = OnceFlag()
    private var timer: DispatchSourceTimer?

    public init(scheduler: PublishScheduler, workflows: WorkflowRunner? = nil, outbox: EmailOutbox? = nil, interval: TimeInterval = 5,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.scheduler = scheduler
        self.workflows = workflows
        self.outbox = outbox
        self.interval = interval
        self.log = log
    }

    public func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: interval, leeway: .milliseconds(500))
        timer.setEventHandler { [scheduler, workflows, outbox, stopped, log] in
            guard !stopped.isSet else { return }
            let heartbeats = ProcessHeartbeats(store: scheduler.store, clock: scheduler.clock)
            do {
                let report = try scheduler.runOnce(shouldStop: { stopped.isSet })
                try? heartbeats.beat(owner: scheduler.owner, kind: .dashboard, lastPass: "\(report.published) published, \(report.failed) failed")
            } catch {
                log("publisher pass failed: \(error)")
                try? heartbeats.beat(owner: scheduler.owner, kind: .dashboard, error: "pass failed: \(error)")
            }
            if let workflows, !stopped.isSet {
                do { _ = try workflows.runWaiting() } catch { log("workflow pass failed: \(error)") }
            }
            if let outbox, !stopped.isSet {
                do { _ = try outbox.deliverDue() } catch { log("email pass failed: \(error)") }
            }
        }
        timer.resume()
        self.timer = timer
    }

    /// Stops after the job in hand, then gives back what this process holds unsent.
    public func stop() {
        stopped.set()
        timer?.cancel()
        timer = nil
        queue.sync {
            _ = try? scheduler.releaseLeases()
            try? ProcessHeartbeats(store: scheduler.store, clock: scheduler.clock).remove(owner: scheduler.owner)
        }
    }
}

/// A flag set once, read from any thread.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
