import Foundation

/// A message from one agent to another (`agent_messages`), replacing the spec's Redis channel
/// so that hand-offs survive a restart and can be inspected.
public struct AgentMessage: StoredModel, Equatable {
    public static let collection = CollectionName.agentMessages

    public var _id = ObjectId()
    public var fromAgent = AgentType.intelligence
    public var toAgent = AgentType.strategy
    public var organizationId: ObjectId?
    /// e.g. "new_strategy", "new_calendar".
    public var type = ""
    public var payload = Document()
    public var status = Delivery.queued
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var processedAt: Date?
    /// The process consuming it, and until when its claim holds; a claim that lapses (the
    /// process died) lets another process take the message over.
    public var claimedBy: String?
    public var claimedUntil: Date?
    /// Claims so far; a message that keeps failing its consumer is given up.
    public var attempts: Int?
    /// Why its consumer failed, for people.
    public var error: String?

    public init() {}

    public enum Delivery: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        /// `cancelled`: a person stopped it; a runner in the middle stops after its step.
        case queued, processing, done, failed, cancelled
    }
}
