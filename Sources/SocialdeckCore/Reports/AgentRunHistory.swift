import Foundation
import SocialdeckModel
import SocialdeckStorage

/// One agent's recent runs, newest first, each with its task, outcome, time, duration
/// and, for a failure, the error it recorded: what explains an agent in error.
///
/// Scoped like ``AgentHealth`` and ``OrganizationAgentUsage``: staff see every run; a
/// customer sees only the runs made for their own organization.
public struct AgentRunHistory: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        public let id: ObjectId
        public let task: String
        public let outcome: AgentRun.Outcome
        public let startedAt: Date
        public let durationMs: Double
        /// The failure's message as the agent recorded it; nil for a run that did not fail.
        public let error: String?
        /// The organization the run worked for; nil for the platform's own work.
        public let organizationId: ObjectId?

        public var failed: Bool { outcome == .failed }
    }

    public let agentId: ObjectId
    public let agentName: String
    public let runs: [Run]
    /// Whether `runs` are one organization's only, as a customer sees them.
    public let isOrganizationsOwn: Bool

    public var failures: Int { runs.filter(\.failed).count }

    public static let defaultLimit = 50

    /// The last `limit` runs of the agent `agentId` the identity may see.
    public static func recent(store: any DocumentStore, agentId: ObjectId, limit: Int = defaultLimit,
                              for identity: Identity) throws -> AgentRunHistory {
        try AccessControl.authorize(identity, .viewAgents, organizationId: identity.organizationId)
        guard let agent = try ModelCollection(store, AIAgent.self).get(agentId) else {
            throw CoreError.notFound("agent \(agentId.hex)")
        }
        let runs = try ModelCollection(store, AgentRun.self).find(.eq("agentId", agentId) && AccessControl.scope(identity),
                                                                  sort: [.desc("startedAt")], limit: max(1, limit))
        return AgentRunHistory(agentId: agentId, agentName: agent.name, runs: runs.map {
            Run(id: $0._id, task: $0.task, outcome: $0.status, startedAt: $0.startedAt, durationMs: $0.durationMs,
                error: $0.status == .failed ? ($0.error ?? "no message recorded") : nil, organizationId: $0.organizationId)
        }, isOrganizationsOwn: identity.organizationId != nil)
    }
}
