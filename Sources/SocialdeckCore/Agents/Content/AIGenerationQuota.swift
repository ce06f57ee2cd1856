import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The plan's AI generations a month (`subscriptions.plan.limits.aiGenerations`): each
/// content agent run that wrote drafts counts one, read from `agent_runs` for the calendar
/// month in UTC. An organization without a subscription has no limit. Two runs starting
/// at the same moment can both pass the check at the last free generation, so a plan
/// can be passed by one run per process at most.
struct AIGenerationQuota: Sendable {
    let store: any DocumentStore

    struct Usage: Sendable, Equatable {
        var used: Int
        var limit: Int?
        var left: Int? { limit.map { max(0, $0 - used) } }
    }

    func usage(_ organizationId: ObjectId, at now: Date) throws -> Usage {
        let subscription = try ModelCollection(store, Subscription.self).first(.eq("organizationId", organizationId),
                                                                                sort: [.desc("createdAt"), .desc("_id")])
        let month = AgentRunRecorder.month(of: now) + "-01T00:00:00.000Z"
        let start = ISODate.date(from: month) ?? now
        let used = try store.count(AgentRun.collection.rawValue,
                                   .eq("organizationId", organizationId) && .eq("task", "generate_content")
                                       && .eq("status", AgentRun.Outcome.succeeded) && .gte("startedAt", start))
        let limit = subscription.map(\.plan.limits.aiGenerations).flatMap { $0 < 0 ? nil : $0 }
        return Usage(used: used, limit: limit)
    }

    /// Refuses when the month's generations are used up, saying how many and when they come back.
    func check(_ organizationId: ObjectId, at now: Date) throws -> Usage {
        let usage = try usage(organizationId, at: now)
        if let limit = usage.limit, usage.used >= limit {
            throw CoreError.conflict("the plan's \(limit) AI generations this month are used up; they start again on the 1st, or upgrade the plan")
        }
        return usage
    }
}
