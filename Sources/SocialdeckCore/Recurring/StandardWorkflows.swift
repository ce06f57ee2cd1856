import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The spec's recurring workflows, scheduled for every organization: analytics daily at
/// 06:00 and strategy optimisation on Mondays at 07:00, in the time zone of the
/// organization's first admin. Each run leaves a `scheduled_workflow` request in
/// `agent_messages` for the agents' orchestrator.
public enum StandardWorkflows {
    public static let analytics = "analytics"
    public static let strategyOptimisation = "strategy-optimisation"
    public static let contentCreation = "content-creation"
    public static let names = [contentCreation, analytics, strategyOptimisation]

    /// The agent a workflow's first step belongs to.
    static func firstAgent(of workflow: String) -> AgentType {
        switch workflow {
        case analytics: return .analytics
        case strategyOptimisation: return .strategy
        default: return .intelligence
        }
    }

    static func rules(timezone: String) -> [(String, String, RecurrenceRule)] {
        [
            (analytics, "Daily analytics", .weekly((1...7).map { .init(weekday: $0, time: .init(hour: 6, minute: 0)) }, in: timezone)),
            (strategyOptimisation, "Weekly strategy optimisation", .weekly([.init(weekday: 1, time: .init(hour: 7, minute: 0))], in: timezone)),
        ]
    }

    /// Schedules both for each organization that lacks them; safe from any number of
    /// processes at once (the ids are derived). Returns how many were added.
    @discardableResult
    public static func ensure(in store: any DocumentStore, organizations: [ObjectId]? = nil, at now: Date) throws -> Int {
        let orgs = try organizations ?? store.find(Organization.collection.rawValue, projection: .include(["_id"]))
            .compactMap { $0["_id"]?.objectIdValue }
        let schedules = ModelCollection(store, RecurringSchedule.self)
        var added = 0
        for org in orgs {
            let wanted = [analytics, strategyOptimisation].map { RecurringSchedule.standardId(organizationId: org, workflow: $0) }
            guard try schedules.count(.isIn("_id", wanted.map { BSONValue.objectId($0) })) < wanted.count else { continue }
            let admin = try ModelCollection(store, User.self).first(.eq("organizationId", org) && .eq("role", UserRole.admin), sort: [.asc("_id")])
            let zone = admin.map(\.profile.timezone).flatMap { TimeZone(identifier: $0) != nil ? $0 : nil } ?? "UTC"
            for (workflow, name, rule) in rules(timezone: zone) {
                var s = RecurringSchedule()
                s._id = RecurringSchedule.standardId(organizationId: org, workflow: workflow)
                s.organizationId = org
                s.kind = .workflow
                s.workflow = workflow
                s.name = name
                s.rule = rule
                s.nextRunAt = rule.next(after: now) ?? now
                s.createdAt = now
                s.updatedAt = now
                do {
                    try schedules.insert(s)
                    added += 1
                } catch StoreError.duplicateKey {}
            }
        }
        return added
    }
}
