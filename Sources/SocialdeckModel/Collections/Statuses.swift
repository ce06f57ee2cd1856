public enum SubscriptionStatus: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case active, cancelled, expired
    case pastDue = "past_due"
}

public enum PlanTier: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case free, pro, enterprise

    /// The plan's name as `subscriptions.plan.name` spells it.
    public var displayName: String {
        switch self {
        case .free: return "Free"
        case .pro: return "Pro"
        case .enterprise: return "Enterprise"
        }
    }

    public init?(displayName: String) {
        self.init(rawValue: displayName.lowercased())
    }

    /// The list price per month in US dollars (yearly billing pays ten months).
    public var monthlyListPrice: Double {
        switch self {
        case .free: return 0
        case .pro: return 49
        case .enterprise: return 299
        }
    }
}

public enum BillingCycle: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case monthly, yearly
}

public enum BillingInterval: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case month, year
}

public enum ContentType: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case post, campaign, template
}

/// A post's state on one platform. The spec lists draft, scheduled, published and
/// failed; the publisher adds `queued` (its publish job exists and waits for its turn),
/// `publishing` (claimed by a worker), `needs_check` (a send whose outcome is unknown,
/// never retried blindly), `missed` (too late to send) and `expired` (still awaiting
/// approval at its time, so never sent).
public enum PostStatus: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case draft, scheduled, queued, publishing, published, failed
    case needsCheck = "needs_check"
    case missed, expired
}

public enum ApprovalStatus: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case pending, approved, rejected
}

public enum AgentType: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case intelligence, strategy, content, execution, learning, engagement, analytics

    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

public enum AgentStatus: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case active, inactive, error, maintenance
}

public enum AnalyticsType: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case userActivity = "user_activity"
    case contentPerformance = "content_performance"
    case platformMetrics = "platform_metrics"
    case revenue
}

public enum AggregationPeriod: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case daily, weekly, monthly, yearly
}

public enum SubscriptionAction: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case created, upgraded, downgraded, cancelled, reactivated
}

public enum AuditTargetType: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case user, organization, subscription, system, content, agent, ticket
    case adminUser = "admin_user"
}

public enum Severity: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case info, warning, critical
}
