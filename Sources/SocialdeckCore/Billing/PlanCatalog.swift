import Foundation
import SocialdeckModel

/// What each plan costs and allows: the one table the demo, plan changes and the
/// limits read. Yearly billing pays ten months.
public enum PlanCatalog {
    public static func plan(_ tier: PlanTier, interval: BillingInterval) -> Subscription.Plan {
        var p = Subscription.Plan()
        p.name = tier.displayName
        p.interval = interval
        p.price = interval == .year ? tier.monthlyListPrice * 10 : tier.monthlyListPrice
        p.features = ["scheduling", "analytics"] + (tier == .free ? [] : ["ai_drafts", "approvals"])
            + (tier == .enterprise ? ["sso", "audit_log"] : [])
        p.limits = limits(tier)
        return p
    }

    public static func limits(_ tier: PlanTier) -> Subscription.Limits {
        var limits = Subscription.Limits()
        switch tier {
        case .free: (limits.users, limits.socialAccounts, limits.postsPerMonth, limits.aiGenerations) = (3, 3, 30, 10)
        case .pro: (limits.users, limits.socialAccounts, limits.postsPerMonth, limits.aiGenerations) = (10, 15, 500, 300)
        case .enterprise: (limits.users, limits.socialAccounts, limits.postsPerMonth, limits.aiGenerations) = (100, 75, 10_000, 5_000)
        }
        return limits
    }

    /// The organization's copy of its plan (`organizations.subscription`), which lists
    /// and the header read without opening the subscription.
    public static func apply(_ plan: Subscription.Plan, status: SubscriptionStatus, to org: inout Organization.OrgSubscription) {
        org.plan = PlanTier(displayName: plan.name) ?? org.plan
        org.status = status
        org.maxUsers = plan.limits.users
        org.maxSocialAccounts = plan.limits.socialAccounts
        org.maxPostsPerMonth = plan.limits.postsPerMonth
        org.billingCycle = plan.interval == .year ? .yearly : .monthly
        org.monthlyRevenue = status == .cancelled ? 0 : plan.monthlyPrice
    }
}
