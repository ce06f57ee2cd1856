import Foundation

/// A content strategy written by the strategy agent (`strategies`), as its spec code stores it.
public struct Strategy: StoredModel, Equatable {
    public static let collection = CollectionName.strategies

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    /// "content_strategy".
    public var type = "content_strategy"
    /// The agent's structured output, validated JSON.
    public var strategy = Document()
    /// The agent or user that wrote it, e.g. "strategy_agent".
    public var createdBy = "strategy_agent"
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt: Date?
    public var status = RecordStatus.active
    public var version = 1

    public init() {}
}

/// Whether a generated plan is the one in force.
public enum RecordStatus: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case active, superseded, archived
}
