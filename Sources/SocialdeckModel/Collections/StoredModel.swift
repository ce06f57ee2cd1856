/// A type stored as one document in one collection.
public protocol StoredModel: Codable, Sendable {
    static var collection: CollectionName { get }
    var _id: ObjectId { get }
}

/// Every collection socialdeck stores. The raw values are the collection names
/// as they appear in MongoDB and as table names in SQLite.
public enum CollectionName: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    case users
    case adminUsers = "admin_users"
    case organizations
    case content
    case aiAgents = "ai_agents"
    case analytics
    case subscriptions
    case adminActivityLogs = "admin_activity_logs"
    case customerActivityLogs = "customer_activity_logs"
    case strategies
    case contentCalendars = "content_calendars"
    case notifications
    case supportTickets = "support_tickets"
    case agentMemory = "agent_memory"
    case agentMessages = "agent_messages"
    case agentRuns = "agent_runs"
    case generatedMedia = "generated_media"
    case publishJobs = "publish_jobs"
    case publishOutbox = "publish_outbox"
    case publishQuotas = "publish_quotas"
    case systemSettings = "system_settings"
    case recurringSchedules = "recurring_schedules"
    case comments
    case personalKeys = "personal_keys"
    case processHeartbeats = "process_heartbeats"
    case invitations

    public var description: String { rawValue }
}
