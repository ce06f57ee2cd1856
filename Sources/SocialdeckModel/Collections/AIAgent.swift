import Foundation

/// One of the seven agents (`ai_agents`), its configuration and running totals.
public struct AIAgent: StoredModel, Equatable {
    public static let collection = CollectionName.aiAgents

    public var _id = ObjectId()
    public var name = ""
    public var type = AgentType.intelligence
    public var status = AgentStatus.active
    /// True while an agent that was in error is paused: resuming it puts it back in
    /// error, because only a restart clears an error. Absent otherwise.
    public var pausedInError: Bool?
    public var configuration = Configuration()
    public var performance = Performance()
    public var costs = Costs()
    public var organizationSpecific: [OrganizationOverride] = []
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt = Date(timeIntervalSince1970: 0)

    public init() {}

    public struct Configuration: Codable, Sendable, Equatable {
        public var model = ""
        public var temperature: Double = 0.7
        public var maxTokens = 2000
        public var systemPrompt = ""
        public var tools: [String] = []
        public var memory = Memory()
        public init() {}
    }

    public struct Memory: Codable, Sendable, Equatable {
        public var enabled = true
        public var vectorStore: String?
        public var maxMemoryItems = 1000
        public init() {}
    }

    public struct Performance: Codable, Sendable, Equatable {
        public var totalExecutions = 0
        /// Percent, 0…100, as the spec's agent code computes it.
        public var successRate: Double = 100
        /// Milliseconds.
        public var averageResponseTime: Double = 0
        public var lastExecution: Date?
        public var errorCount = 0
        public init() {}
    }

    public struct Costs: Codable, Sendable, Equatable {
        public var totalTokensUsed = 0
        /// US dollars.
        public var totalCost: Double = 0
        public var monthlyTokens = 0
        public var monthlyCost: Double = 0
        /// The same totals per organization; absent until an organization's first run.
        public var byOrganization: [OrganizationCost]?
        public init() {}
    }

    /// One organization's use of an agent: in all, and in `month` ("2026-12", UTC).
    public struct OrganizationCost: Codable, Sendable, Equatable {
        public var organizationId = ObjectId(high: 0, low: 0)
        public var month = ""
        public var monthlyTokens = 0
        public var monthlyCost: Double = 0
        public var totalTokens = 0
        public var totalCost: Double = 0
        public init() {}
    }

    public struct OrganizationOverride: Codable, Sendable, Equatable {
        public var organizationId = ObjectId(high: 0, low: 0)
        public var customPrompts: [String] = []
        public var preferences: Document?
        public var isEnabled = true
        public init() {}
    }
}

/// What an agent may reach beyond its prompt (`configuration.tools`). An agent without
/// a tool does its tasks without it, or refuses the tasks that need it.
public enum AgentTool: String, Sendable, CaseIterable, Codable {
    /// The organization's analytics and published posts' metrics.
    case analyticsQuery = "analytics_query"
    /// Past posts and what the agents remember (preferences, insights, winners).
    case contentSearch = "content_search"
    /// The configured image provider.
    case imageGeneration = "image_generation"

    /// What a new agent of each type gets.
    public static func defaults(for type: AgentType) -> [AgentTool] {
        type == .content ? [.analyticsQuery, .contentSearch, .imageGeneration] : [.analyticsQuery, .contentSearch]
    }
}

extension AIAgent {
    public func uses(_ tool: AgentTool) -> Bool { configuration.tools.contains(tool.rawValue) }

    /// Whether the agent works for an organization: switched on, not in error, and not
    /// switched off for that organization.
    public func isEnabled(for organizationId: ObjectId?) -> Bool {
        guard status == .active else { return false }
        return organizationSpecific.first { $0.organizationId == organizationId }?.isEnabled ?? true
    }
}
