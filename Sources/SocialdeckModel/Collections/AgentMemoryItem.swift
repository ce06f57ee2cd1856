import Foundation

/// One remembered item of an agent (`agent_memory`), the spec's vector-store entries.
public struct AgentMemoryItem: StoredModel, Equatable {
    public static let collection = CollectionName.agentMemory

    public var _id = ObjectId()
    public var agentType = AgentType.intelligence
    public var organizationId: ObjectId?
    /// "insight", "winner" (a post that did well), "preference" (what reviewers taught), "task" or "result".
    public var kind = "insight"
    public var text = ""
    public var metadata: Document?
    public var createdAt = Date(timeIntervalSince1970: 0)
    /// How often a recall brought it into a prompt, and when last: what keeps it when memory is full.
    public var uses: Int?
    public var lastUsedAt: Date?
    /// The text's vector from the embeddings model named beside it, when one is configured.
    public var embedding: [Double]?
    public var embeddingModel: String?

    public init() {}
}
