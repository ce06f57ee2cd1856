import Foundation
import SocialdeckModel
import SocialdeckStorage

/// One row of the agent status pane, with its recent runs for a sparkline.
public struct AgentHealth: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        public let startedAt: Date
        public let durationMs: Double
        public let failed: Bool
    }

    public let agent: AIAgent
    /// Newest last.
    public let recentRuns: [Run]

    public var errorsInRecentRuns: Int { recentRuns.filter(\.failed).count }

    /// Every agent, in the spec's order, with its last `runs` runs.
    ///
    /// Staff see each agent as the platform runs it. A customer sees only their own
    /// organization's part: its runs, its usage and cost, and its own override of the
    /// agent; the platform-wide figures and other organizations' prompts and
    /// preferences are never read into their view.
    public static func all(store: any DocumentStore, for identity: Identity, runs: Int = 30,
                           now: Date = Date()) throws -> [AgentHealth] {
        try AccessControl.authorize(identity, .viewAgents, organizationId: identity.organizationId)
        let agents = try ModelCollection(store, AIAgent.self).find()
        let order = AgentType.allCases
        let usage = try identity.organizationId.map { try OrganizationAgentUsage(store: store, organizationId: $0, now: now) }
        return try agents.sorted { order.firstIndex(of: $0.type)! < order.firstIndex(of: $1.type)! }.map { agent in
            let recent = try ModelCollection(store, AgentRun.self).find(.eq("agentId", agent._id) && AccessControl.scope(identity),
                                                                        sort: [.desc("startedAt")], limit: runs)
            return AgentHealth(agent: usage?.scoped(agent, lastRun: recent.first?.startedAt) ?? agent, recentRuns: recent.reversed().map {
                Run(startedAt: $0.startedAt, durationMs: $0.durationMs, failed: $0.status == .failed)
            })
        }
    }
}

/// Staff actions on agents: enable (resume), disable (pause), restart. Audited.
///
/// An error state survives a pause: pausing an agent in error remembers the error, and
/// resuming it puts the error back. Only a restart clears it.
public struct AgentAdministration: Sendable {
    let store: any DocumentStore
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    public enum Command: String, Sendable, CaseIterable { case enable, disable, restart }

    @discardableResult
    public func apply(_ command: Command, to agentId: ObjectId, reason: String? = nil, by identity: Identity) throws -> AIAgent {
        guard identity.isStaff else { throw AccessDenied(action: .configureAgents, reason: "agents are managed by staff") }
        try AccessControl.authorize(identity, .configureAgents, organizationId: nil)
        let agents = ModelCollection(store, AIAgent.self)
        guard let before = try agents.get(agentId) else { throw CoreError.notFound("agent \(agentId.hex)") }
        let inError = before.status == .error || before.pausedInError == true
        var update = Update.set("updatedAt", clock())
        switch command {
        case .disable:
            update = update.set("status", AgentStatus.inactive)
            update = inError ? update.set("pausedInError", true) : update.unset("pausedInError")
        case .enable:
            if before.status == .error {
                throw CoreError.conflict("\(before.name) is in an error state; restart it to clear the error")
            }
            update = update.set("status", inError ? AgentStatus.error : .active).unset("pausedInError")
        case .restart:
            update = update.set("status", AgentStatus.active).unset("pausedInError")
        }
        try store.updateOne(AIAgent.collection.rawValue, .id(agentId), update)
        guard let after = try agents.get(agentId) else { throw CoreError.notFound("agent \(agentId.hex)") }
        try audit.record(.init(action: "agent_\(command.rawValue)", targetType: .agent, targetId: agentId,
                               before: Self.state(before), after: Self.state(after), reason: reason,
                               severity: command == .enable ? .info : .warning), by: identity)
        return after
    }

    /// What the audit entry records of the agent: its status, and a paused error.
    static func state(_ agent: AIAgent) -> Document {
        var fields = [Document.Field("status", .string(agent.status.rawValue))]
        if agent.pausedInError == true { fields.append(.init("pausedInError", .bool(true))) }
        return Document(fields)
    }
}
