import ArgumentParser
import Dispatch
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal
import Synchronization

/// `socialdeck daemon`: the core without a screen, for servers: the publisher, and the
/// agents' workflows as their requests come due. It logs lines to stdout or a file, never to
/// a terminal screen; SIGTERM and SIGINT stop it after the job in hand and give back
/// its leases.
struct DaemonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon", abstract: "Run the publisher and the agents' workflows without a screen (for servers and systemd).",
        discussion: "Publishes what is due, exactly once, alongside any other socialdeck on the same store. SIGTERM stops it cleanly.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Drain what is due now, then exit.")
    var once = false

    @Option(help: ArgumentHelp("Append the log to this file instead of stdout.", valueName: "file"))
    var log: String?

    @Option(help: ArgumentHelp("Longest sleep between passes, in seconds.", valueName: "seconds"))
    var poll: Double = 5

    @Option(help: ArgumentHelp("Jobs claimed per batch (1–1000).", valueName: "n"))
    var batch: Int?

    @Option(help: ArgumentHelp("How long a claim holds before another process may take the job over (default 300).", valueName: "seconds"))
    var lease: Double?

    @Option(help: ArgumentHelp("The longest one request to a platform may take (default 30).", valueName: "seconds"))
    var requestTimeout: Double?

    func validate() throws {
        guard poll >= 0.05 && poll <= 300 else { throw ValidationError("--poll takes 0.05 to 300 seconds") }
        if let problem = policy(PublishPolicy()).problem { throw ValidationError(problem) }
    }

    /// `base` with this command's choices.
    func policy(_ base: PublishPolicy) -> PublishPolicy {
        var policy = base
        if let batch { policy.batchSize = batch }
        if let lease { policy.lease = lease }
        if let requestTimeout { policy.requestTimeout = requestTimeout }
        return policy
    }

    func run() throws {
        let output = try DaemonLog(path: log)
        let configuration = Configuration.load(environment: ProcessInfo.processInfo.environment)
        for problem in configuration.problems { output.write("config: \(problem)") }
        let policy = policy(configuration.publishing)
        let db = try store.open()
        let (vault, _) = try SecretVault.load(environment: ProcessInfo.processInfo.environment)
        let live = configuration.platforms.liveClient(store: db, vault: vault, timeout: policy.requestTimeout)
        let scheduler = PublishScheduler(store: db, policy: policy, live: live)
        // A model that cannot be used (no key) stops the workflows, never the publisher.
        let workflows: WorkflowRunner?
        do {
            let fetcher = CommentFetcher(store: db, refresher: TokenRefresher(store: db, vault: vault, clients: configuration.platforms.oauth),
                                         endpoints: configuration.platforms.endpoints, timeout: policy.requestTimeout)
            workflows = WorkflowRunner(store: db, client: try configuration.llm.client(environment: ProcessInfo.processInfo.environment, store: db),
                                       fetcher: fetcher, owner: scheduler.owner)
        } catch {
            workflows = nil
            output.write("agents: \(error); workflows are not run, publishing goes on")
        }
        let outbox: EmailOutbox?
        do {
            let email = try configuration.email.withPassword(environment: ProcessInfo.processInfo.environment)
            outbox = email.isConfigured && email.problem == nil
                ? EmailOutbox(store: db, mailer: SMTPMailer(settings: email), owner: scheduler.owner, vault: vault) : nil
        } catch {
            outbox = nil
            output.write("email: \(error); notifications stay in the app")
        }
        let heartbeats = ProcessHeartbeats(store: db)
        let stop = StopSignal()
        output.write("started as \(scheduler.owner) on \(db.backend.rawValue) \(db.location)\(once ? " (once)" : "")")
        var total = PublishScheduler.Report()
        var workflowsCheckedAt = Date.distantPast
        while !stop.requested {
            var waitingForSlot = false
            do {
                let report = try scheduler.runOnce(shouldStop: { stop.requested })
                waitingForSlot = report.waitingForSlot > 0
                total.add(report)
                let line = DaemonLog.summary(report)
                if let line { output.write(line) }
                try heartbeats.beat(owner: scheduler.owner, kind: .daemon, lastPass: line ?? "nothing due")
                // Workflow requests come a few times a day: looked for every 10 s, not every pass.
                if let workflows, once || Date().timeIntervalSince(workflowsCheckedAt) >= 10 {
                    workflowsCheckedAt = Date()
                    let ran = try workflows.runWaiting()
                    if ran.finished + ran.failed > 0 { output.write("workflows: \(ran.finished) finished, \(ran.failed) failed") }
                }
                if let outbox {
                    let mail = try outbox.deliverDue()
                    if !mail.isEmpty {
                        output.write("email: \(mail.sent) sent, \(mail.refused) refused, \(mail.retrying) to retry, \(mail.expired) expired")
                    }
                }
            } catch {
                output.write("pass failed: \(error); trying again")
                try? heartbeats.beat(owner: scheduler.owner, kind: .daemon, error: "pass failed: \(error)")
                if once { throw error }
            }
            // `--once` drains what is due: jobs that waited for another process's send go next.
            if once && !waitingForSlot { break }
            if once { stop.wait(seconds: policy.slotWait); continue }
            let next = (try? scheduler.nextDue()) ?? nil
            let wait = min(poll, max(0.05, next.map { $0.timeIntervalSinceNow } ?? poll))
            stop.wait(seconds: wait)
        }
        let released = (try? scheduler.releaseLeases()) ?? 0
        try? heartbeats.remove(owner: scheduler.owner)
        output.write("stopped: \(total.published) published, \(total.failed) failed, \(total.needsCheck) to check; \(released) leases given back")
    }
}

/// SIGTERM and SIGINT, as a flag the publisher checks between jobs and a sleep they cut short.
final class StopSignal: @unchecked Sendable {
    private let flag = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    /// Kept alive for as long as the signal is watched; written only in `init`.
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                flag.store(true, ordering: .sequentiallyConsistent)
                wake.signal()
            }
            source.resume()
            sources.append(source)
        }
    }

    var requested: Bool { flag.load(ordering: .sequentiallyConsistent) }

    func wait(seconds: Double) {
        _ = wake.wait(timeout: .now() + seconds)
    }
}
