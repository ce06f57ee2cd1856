import SocialdeckModel
import SocialdeckStorage

/// How an export narrows a collection to one organization and to a start time.
struct CollectionScope {
    let collection: CollectionName

    /// The field that ties a document to its organization; nil for collections that belong to none.
    var organizationPath: String? {
        switch collection {
        case .organizations: return "_id"
        case .adminUsers, .publishQuotas, .systemSettings, .personalKeys, .processHeartbeats: return nil
        case .aiAgents: return "organizationSpecific.organizationId"
        case .adminActivityLogs: return "targetId"
        default: return "organizationId"
        }
    }

    /// The field `--since` compares against.
    var timePath: String {
        switch collection {
        case .analytics: return "date"
        case .adminActivityLogs: return "timestamp"
        case .agentRuns: return "startedAt"
        case .publishOutbox: return "sentAt"
        case .publishQuotas: return "expiresAt"
        case .systemSettings: return "changedAt"
        case .processHeartbeats: return "lastSeenAt"
        default: return "createdAt"
        }
    }

    /// Decodes a document as its model, the validation every imported record passes.
    func validate(_ doc: Document) throws {
        let decoder = DocumentDecoder()
        switch collection {
        case .users: _ = try decoder.decode(User.self, from: doc)
        case .adminUsers: _ = try decoder.decode(AdminUser.self, from: doc)
        case .organizations: _ = try decoder.decode(Organization.self, from: doc)
        case .content: _ = try decoder.decode(Content.self, from: doc)
        case .aiAgents: _ = try decoder.decode(AIAgent.self, from: doc)
        case .analytics: _ = try decoder.decode(AnalyticsRecord.self, from: doc)
        case .subscriptions: _ = try decoder.decode(Subscription.self, from: doc)
        case .adminActivityLogs: _ = try decoder.decode(AdminActivityLog.self, from: doc)
        case .strategies: _ = try decoder.decode(Strategy.self, from: doc)
        case .contentCalendars: _ = try decoder.decode(ContentCalendarPlan.self, from: doc)
        case .notifications: _ = try decoder.decode(UserNotification.self, from: doc)
        case .supportTickets: _ = try decoder.decode(SupportTicket.self, from: doc)
        case .agentMemory: _ = try decoder.decode(AgentMemoryItem.self, from: doc)
        case .agentMessages: _ = try decoder.decode(AgentMessage.self, from: doc)
        case .agentRuns: _ = try decoder.decode(AgentRun.self, from: doc)
        case .generatedMedia: _ = try decoder.decode(GeneratedMedia.self, from: doc)
        case .customerActivityLogs: _ = try decoder.decode(CustomerActivityLog.self, from: doc)
        case .publishJobs: _ = try decoder.decode(PublishJob.self, from: doc)
        case .publishOutbox: _ = try decoder.decode(PublishOutboxEntry.self, from: doc)
        case .publishQuotas: _ = try decoder.decode(PublishQuota.self, from: doc)
        case .systemSettings: _ = try decoder.decode(SystemSetting.self, from: doc)
        case .recurringSchedules: _ = try decoder.decode(RecurringSchedule.self, from: doc)
        case .comments: _ = try decoder.decode(SocialComment.self, from: doc)
        case .personalKeys: _ = try decoder.decode(PersonalKey.self, from: doc)
        case .processHeartbeats: _ = try decoder.decode(ProcessHeartbeat.self, from: doc)
        case .invitations: _ = try decoder.decode(Invitation.self, from: doc)
        }
    }
}
