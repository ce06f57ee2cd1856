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
