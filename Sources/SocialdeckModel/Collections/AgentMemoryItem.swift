import Foundation

/// One remembered item of an agent (`agent_memory`), the spec's vector-store entries.
public struct AgentMemoryItem: StoredModel, Equatable {
    public static let collection = CollectionName.agentMemory

    public var _id = ObjectId()
    public var agentType = AgentType.intelligence
    public var organizationId: ObjectId?
    /// "task", "result" or "insight".
    public var kind = "insight"
    public var text = ""
    public var metadata: Document?
    public var createdAt = Date(timeIntervalSince1970: 0)

    public init() {}
}
