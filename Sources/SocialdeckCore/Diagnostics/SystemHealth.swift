import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What the health pane and `socialdeck health` show staff: how fast and how big the
/// store is, how far behind the publisher runs and what its jobs are doing, each agent's
/// error rate over the last day, which processes run the core, the email outbox, and
/// whether maintenance has paused publishing and the agents.
public struct SystemHealth: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    /// A process whose heartbeat is older than this is shown as stale: a pass takes
    /// seconds, so a minute without one means it stopped or hangs.
    public static let staleAfter: TimeInterval = 60
    /// The window of the agents' error rates.
    public static let agentWindow: TimeInterval = 86_400

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public struct AgentErrors: Sendable, Equatable {
        public let agent: AgentType
        public let runs: Int
        public let failed: Int
        public init(agent: AgentType, runs: Int, failed: Int) {
            self.agent = agent
            self.runs = runs
            self.failed = failed
        }
        public var rate: Double { runs == 0 ? 0 : Double(failed) / Double(runs) }
    }

    public struct Report: Sendable {
        public let at: Date
        /// "SQLite" or "MongoDB".
        public let backend: String
        public let location: String
        /// The median of three pings, in milliseconds.
        public let latencyMs: Double
        /// The store's files on disk (SQLite); nil where the server keeps them (MongoDB).
        public let storeBytes: Int64?
        public let jobs: [PublishJobState: Int]
        /// How long the most overdue queued job has waited past its time; 0 when none is overdue.
        public let publisherLag: TimeInterval
        public let agents: [AgentErrors]
        public let processes: [ProcessHeartbeat]
        public let email: [UserNotification.EmailDelivery.State: Int]
        /// Why publishing and the agents are paused, or nil while they run.
        public let maintenance: String?

        public init(at: Date, backend: String, location: String, latencyMs: Double, storeBytes: Int64?, jobs: [PublishJobState: Int],
                    publisherLag: TimeInterval, agents: [AgentErrors], processes: [ProcessHeartbeat],
                    email: [UserNotification.EmailDelivery.State: Int], maintenance: String?) {
            self.at = at
            self.backend = backend
            self.location = location
            self.latencyMs = latencyMs
            self.storeBytes = storeBytes
            self.jobs = jobs
            self.publisherLag = publisherLag
            self.agents = agents
            self.processes = processes
            self.email = email
            self.maintenance = maintenance
        }

        public func isStale(_ process: ProcessHeartbeat) -> Bool { at.timeIntervalSince(process.lastSeenAt) > SystemHealth.staleAfter }
    }

    public func report(for identity: Identity) throws -> Report {
        try AccessControl.authorize(identity, .viewSystemHealth, organizationId: nil)
        guard identity.isStaff else { throw AccessDenied(action: .viewSystemHealth, reason: "system health is for staff") }
        var pings: [Double] = []
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try store.ping()
            pings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let now = clock()
        var jobs: [PublishJobState: Int] = [:]
        for state in PublishJobState.allCases {
            jobs[state] = try store.count(PublishJob.collection.rawValue, .eq("state", state))
        }
        let overdue = try ModelCollection(store, PublishJob.self).first(.eq("state", PublishJobState.queued) && .lte("nextAttemptAt", now),
                                                                        sort: [.asc("nextAttemptAt")])
        let switchState = try PublishingSwitch(store: store, clock: clock).state()
        return Report(at: now, backend: store.backend.rawValue, location: store.location, latencyMs: pings.sorted()[1],
                      storeBytes: Self.fileBytes(store), jobs: jobs,
                      publisherLag: overdue.map { now.timeIntervalSince($0.nextAttemptAt) } ?? 0,
                      agents: try agentErrors(since: now.addingTimeInterval(-Self.agentWindow)),
                      processes: try ProcessHeartbeats(store: store, clock: clock).list(),
                      email: try EmailOutbox.counts(in: store),
                      maintenance: switchState.paused ? (switchState.reason ?? "") : nil)
    }

    private func agentErrors(since: Date) throws -> [AgentErrors] {
        var runs: [AgentType: (Int, Int)] = [:]
        for doc in try store.find(AgentRun.collection.rawValue, .gte("startedAt", since), projection: .include(["agentType", "status"])) {
            guard let agent = doc["agentType"]?.stringValue.flatMap(AgentType.init(rawValue:)) else { continue }
            let failed = doc["status"]?.stringValue == AgentRun.Outcome.failed.rawValue
            runs[agent, default: (0, 0)].0 += 1
            if failed { runs[agent, default: (0, 0)].1 += 1 }
        }
        return AgentType.allCases.map { AgentErrors(agent: $0, runs: runs[$0]?.0 ?? 0, failed: runs[$0]?.1 ?? 0) }
    }

    static func fileBytes(_ store: any DocumentStore) -> Int64? {
        guard store.backend == .sqlite else { return nil }
        return [store.location, store.location + "-wal"].reduce(Int64(0)) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }
}
