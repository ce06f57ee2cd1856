/// The schema of every collection: the spec's indexes (its "MongoDB Indexes for
/// Performance"), plus the ones socialdeck's own queries need, marked below.
public enum SchemaCatalog {
    /// Bumped whenever a migration is added; stores newer than this are refused.
    public static let currentVersion = 1

    public static func schema(for name: CollectionName) -> CollectionSchema {
        all[name]!
    }

    public static let all: [CollectionName: CollectionSchema] = {
        func i(_ keys: IndexKey..., unique: Bool = false) -> IndexSpec { IndexSpec(keys, unique: unique) }
        func asc(_ p: String) -> IndexKey { IndexKey(p) }
        func desc(_ p: String) -> IndexKey { IndexKey(p, ascending: false) }
        let list: [CollectionSchema] = [
            CollectionSchema(name: "users", indexes: [
                i(asc("organizationId"), asc("email")),
                i(asc("email"), unique: true),
                i(desc("authentication.lastLogin")),
                i(desc("createdAt")),
            ], arrayPaths: ["permissions", "socialAccounts", "preferences.dashboard.widgets",
                            "profile.businessProfile.objectives"], softDeletes: true),
            CollectionSchema(name: "admin_users", indexes: [
                i(asc("email"), unique: true),
                i(asc("role"), asc("isActive")),
            ], arrayPaths: ["permissions", "security.ipWhitelist", "settings.dashboardPreferences.widgets"]),
            CollectionSchema(name: "organizations", indexes: [
                i(asc("slug"), unique: true),
                i(asc("subscription.status")),
                i(asc("subscription.nextBillingDate")),
            ], arrayPaths: ["settings.allowedDomains"], softDeletes: true),
            CollectionSchema(name: "content", indexes: [
                i(asc("organizationId"), desc("createdAt")),
                i(asc("userId"), desc("createdAt")),
                i(asc("platforms.status"), asc("platforms.scheduledAt")),
                // socialdeck: the daily rollups find a day's publications.
                i(asc("platforms.publishedAt")),
                i(asc("approval.status")),
                // socialdeck: the approval queue, per organization and across them, soonest first.
                i(asc("organizationId"), asc("approval.status"), asc("platforms.scheduledAt")),
                i(asc("approval.status"), asc("platforms.scheduledAt")),
            ], arrayPaths: ["platforms", "content.images", "content.videos", "content.hashtags",
                            "content.mentions", "content.links"], softDeletes: true),
            CollectionSchema(name: "ai_agents", indexes: [
                i(asc("type"), asc("status")),
                i(asc("organizationSpecific.organizationId")),
            ], arrayPaths: ["organizationSpecific", "configuration.tools"]),
            CollectionSchema(name: "analytics", indexes: [
                i(asc("organizationId"), desc("date")),
                i(asc("type"), desc("date")),
                i(asc("aggregation"), desc("date")),
            ]),
            CollectionSchema(name: "subscriptions", indexes: [
                i(asc("organizationId")),
                i(asc("status"), asc("billing.currentPeriodEnd")),
            ], arrayPaths: ["history", "plan.features"]),
            CollectionSchema(name: "admin_activity_logs", indexes: [
                i(asc("adminUserId"), desc("timestamp")),
                i(asc("targetType"), asc("targetId")),
                i(desc("timestamp")),
                // socialdeck: an erasure counts the entries sealed with the person's key.
                i(asc("sealed.owner")),
            ], arrayPaths: ["sealed"]),
            // socialdeck's own collections.
            CollectionSchema(name: "customer_activity_logs", indexes: [
                i(asc("organizationId"), desc("timestamp")),
                i(asc("userId"), desc("timestamp")),
                i(asc("sealed.owner")),
            ], arrayPaths: ["sealed"]),
            CollectionSchema(name: "strategies", indexes: [
                i(asc("organizationId"), asc("status"), desc("createdAt")),
            ]),
            CollectionSchema(name: "content_calendars", indexes: [
                i(asc("organizationId"), asc("status"), desc("createdAt")),
            ]),
            CollectionSchema(name: "notifications", indexes: [
                i(asc("userId"), asc("isRead"), desc("createdAt")),
                // socialdeck: the email outbox finds what is due.
                i(asc("email.state"), asc("email.nextAttemptAt")),
            ], softDeletes: true),
            CollectionSchema(name: "support_tickets", indexes: [
                i(asc("status"), desc("updatedAt")),
                i(asc("organizationId"), desc("createdAt")),
            ], arrayPaths: ["messages"]),
            CollectionSchema(name: "agent_memory", indexes: [
                i(asc("agentType"), asc("organizationId"), desc("createdAt")),
            ]),
            CollectionSchema(name: "agent_messages", indexes: [
                i(asc("toAgent"), asc("status"), asc("createdAt")),
            ]),
            CollectionSchema(name: "agent_runs", indexes: [
                i(asc("agentId"), desc("startedAt")),
                // socialdeck: a customer's view of the agents reads only its own organization's runs.
                i(asc("organizationId"), asc("agentId"), desc("startedAt")),
                i(desc("startedAt")),
            ]),
            CollectionSchema(name: "generated_media", indexes: [
                i(asc("organizationId"), desc("createdAt")),
            ]),
            // The publisher's: a job per (post, platform, time); its `_id` is derived from
            // those three, so two processes enqueueing one post collide on the key.
            CollectionSchema(name: "publish_jobs", indexes: [
                i(asc("state"), asc("nextAttemptAt")),
                i(asc("contentId"), asc("platform")),
                i(asc("organizationId"), asc("state"), asc("dueAt")),
                i(asc("lease.owner")),
            ]),
            CollectionSchema(name: "publish_outbox", indexes: [
                i(asc("contentId"), asc("platform"), asc("attempt")),
                i(desc("sentAt")),
            ]),
            CollectionSchema(name: "publish_quotas", indexes: [
                i(asc("expiresAt")),
            ]),
            CollectionSchema(name: "system_settings", indexes: []),
            // The publisher finds due runs by time; the dashboard lists an organization's.
            CollectionSchema(name: "recurring_schedules", indexes: [
                i(asc("active"), asc("nextRunAt")),
                i(asc("organizationId"), asc("kind")),
            ]),
            // The engagement agent's: one per platform comment; the queue reads an organization's newest by state.
            CollectionSchema(name: "comments", indexes: [
                i(asc("organizationId"), asc("platform"), asc("externalId"), unique: true),
                i(asc("organizationId"), asc("status"), desc("receivedAt")),
            ]),
            // One key a person, by their user id (see `PersonalKey`).
            CollectionSchema(name: "personal_keys", indexes: []),
            // One a process that runs the core; the health pane reads them all.
            CollectionSchema(name: "process_heartbeats", indexes: [i(desc("lastSeenAt"))]),
            // Accepting finds one by its code's hash; the settings screen lists an organization's;
            // the outbox finds those whose email is due.
            CollectionSchema(name: "invitations", indexes: [
                i(asc("codeHash"), unique: true),
                i(asc("organizationId"), asc("email")),
                i(asc("delivery.state"), asc("delivery.nextAttemptAt")),
            ]),
        ]
        var out: [CollectionName: CollectionSchema] = [:]
        for s in list { out[CollectionName(rawValue: s.name)!] = s }
        precondition(out.count == CollectionName.allCases.count, "every collection needs a schema")
        return out
    }()
}
