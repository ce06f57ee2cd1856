import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The spec's recurring workflows, scheduled for every organization: analytics daily at
/// 06:00, strategy optimisation on Mondays at 07:00, and engagement (comments fetched
/// and sorted) daily at 09:00 and 15:00, in the time zone of the organization's first admin. Each run leaves a `scheduled_workflow` request in
/// `agent_messages` for the agents' orchestrator. Beside them, the organization's data
/// retention runs daily at 03:00 (`DataRetention`).
public enum StandardWorkflows {
    public static let analytics = "analytics"
    public static let strategyOptimisation = "strategy-optimisation"
    public static let contentCreation = "content-creation"
    public static let engagement = "engagement"
    public static let dataRetention = "data-retention"
    public static let names = [contentCreation, analytics, strategyOptimisation, engagement]

    /// The agent a workflow's first step belongs to.
    static func firstAgent(of workflow: String) -> AgentType {
        switch workflow {
        case analytics: return .analytics
        case strategyOptimisation: return .strategy
        case engagement: return .engagement
        default: return .intelligence
        }
    }

    static func rules(timezone: String) -> [(String, String, RecurrenceRule)] {
        [
            (analytics, "Daily analytics", .weekly((1...7).map { .init(weekday: $0, time: .init(hour: 6, minute: 0)) }, in: timezone)),
            (strategyOptimisation, "Weekly strategy optimisation", .weekly([.init(weekday: 1, time: .init(hour: 7, minute: 0))], in: timezone)),
            (engagement, "Comments fetched and sorted", .weekly((1...7).flatMap { day in
                [9, 15].map { RecurrenceRule.Slot(weekday: day, time: .init(hour: $0, minute: 0)) }
            }, in: timezone)),
            (dataRetention, "Data retention", .weekly((1...7).map { .init(weekday: $0, time: .init(hour: 3, minute: 0)) }, in: timezone)),
        ]
    }

    /// Schedules both for each organization that lacks them; safe from any number of
    /// processes at once (the ids are derived). Two reads when nothing is missing.
    /// Returns how many were added.
    @discardableResult
    public static func ensure(in store: any DocumentStore, organizations: [ObjectId]? = nil, at now: Date) throws -> Int {
        let orgs = try organizations ?? store.find(Organization.collection.rawValue, projection: .include(["_id"]))
            .compactMap { $0["_id"]?.objectIdValue }
        let workflows = [analytics, strategyOptimisation, engagement, dataRetention]
        let existing = try seeded(in: store)
        let missing = orgs.filter { org in workflows.contains { !existing.contains(RecurringSchedule.standardId(organizationId: org, workflow: $0)) } }
        guard !missing.isEmpty else { return 0 }
        var zones: [ObjectId: String] = [:]
        for admin in try store.find(User.collection.rawValue,
                                    .isIn("organizationId", missing.map { BSONValue.objectId($0) }) && .eq("role", UserRole.admin),
                                    sort: [.desc("_id")], projection: .include(["organizationId", "profile.timezone"])) {
            if let org = admin["organizationId"]?.objectIdValue, let zone = admin.value(at: "profile.timezone")?.stringValue,
               TimeZone(identifier: zone) != nil {
                zones[org] = zone
            }
        }
        var fresh: [RecurringSchedule] = []
        for org in missing {
            for (workflow, name, rule) in rules(timezone: zones[org] ?? "UTC") {
                var s = RecurringSchedule()
                s._id = RecurringSchedule.standardId(organizationId: org, workflow: workflow)
                guard !existing.contains(s._id) else { continue }
                s.organizationId = org
                s.kind = workflow == dataRetention ? .retention : .workflow
                s.workflow = workflow == dataRetention ? nil : workflow
                s.name = name
                s.rule = rule
                s.nextRunAt = rule.next(after: now) ?? now
                s.createdAt = now
                s.updatedAt = now
                fresh.append(s)
            }
        }
        let schedules = ModelCollection(store, RecurringSchedule.self)
        do {
            try schedules.insert(fresh)
            return fresh.count
        } catch StoreError.duplicateKey {
            // Another process seeded them meanwhile: only what is still missing, one by one.
        }
        let present = try seeded(in: store)
        var added = 0
        for s in fresh where !present.contains(s._id) {
            do {
                try schedules.insert(s)
                added += 1
            } catch StoreError.duplicateKey {}
        }
        return added
    }

    private static func seeded(in store: any DocumentStore) throws -> Set<ObjectId> {
        Set(try store.find(RecurringSchedule.collection.rawValue, .ne("kind", RecurringSchedule.Kind.post),
                           projection: .include(["_id"])).compactMap { $0["_id"]?.objectIdValue })
    }
}
