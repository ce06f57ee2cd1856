import Foundation

/// One execution of one agent (`agent_runs`): the history that health charts are drawn from.
public struct AgentRun: StoredModel, Equatable {
    public static let collection = CollectionName.agentRuns

    public var _id = ObjectId()
    /// The `ai_agents` document that ran.
    public var agentId = ObjectId(high: 0, low: 0)
    public var agentType = AgentType.intelligence
    public var organizationId: ObjectId?
    /// What was asked, e.g. "create_content_strategy".
    public var task = ""
    public var status = Outcome.succeeded
    public var startedAt = Date(timeIntervalSince1970: 0)
    public var finishedAt: Date?
    /// Milliseconds from start to finish.
    public var durationMs: Double = 0
    public var model: String?
    /// "openai", "anthropic" or "offline".
    public var provider: String?
    /// What the run was given and what it gave back, as stored for people to read.
    public var input: Document?
    public var output: Document?
    public var promptTokens = 0
    public var completionTokens = 0
    /// US dollars.
    public var cost: Double = 0
    public var error: String?

    public init() {}

    public enum Outcome: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case running, succeeded, failed
    }
}
