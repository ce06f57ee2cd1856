import Foundation
import SocialdeckModel

extension DemoBuilder {
    /// One subscription per organization, with a history of upgrades, downgrades and cancellations.
    mutating func subscriptions(for orgs: [Organization]) -> [Subscription] {
        orgs.enumerated().map { i, org in
            let current = org.subscription.plan
            var sub = Subscription()
            sub._id = id(org.createdAt)
            sub.organizationId = org._id
            let changeDate = now.addingTimeInterval(-days(Double.random(in: 5..<Double(max(options.days, 6)), using: &rng)))
            let initial: PlanTier
            switch current {
            case .enterprise: initial = .pro
            case .pro: initial = i % 2 == 0 ? .free : .pro
            case .free: initial = i % 2 == 0 ? .pro : .free
            }
            sub.history = [.init(action: .created, fromPlan: nil, toPlan: initial.displayName, date: org.createdAt)]
            if initial != current {
                let upgraded = current.monthlyListPrice > initial.monthlyListPrice
                sub.history.append(.init(action: upgraded ? .upgraded : .downgraded, fromPlan: initial.displayName,
                                         toPlan: current.displayName, date: changeDate,
                                         reason: upgraded ? "Needed more seats" : "Budget cuts"))
            }
            sub.plan = PlanCatalog.plan(current, interval: org.subscription.billingCycle == .yearly ? .year : .month)
            if DemoBuilder.isChurned(i) {
                // After the last change of plan: a subscription cancelled once stays cancelled.
                let cancelled = max(now.addingTimeInterval(-days(Double.random(in: 1..<Double(min(options.days, 30) + 1), using: &rng))),
                                    sub.history.last!.date.addingTimeInterval(3_600))
                sub.status = .cancelled
                sub.billing.cancelledAt = cancelled
                sub.history.append(.init(action: .cancelled, fromPlan: current.displayName, toPlan: nil, date: cancelled,
                                         reason: "Switched to another tool"))
            } else {
                sub.status = i % 11 == 10 ? .pastDue : .active
            }
            let periodStart = now.addingTimeInterval(-days(Double(i % 28)))
            sub.billing.stripeSubscriptionId = current == .free ? nil : "sub_demo\(2000 + i)"
            sub.billing.currentPeriodStart = periodStart
            sub.billing.currentPeriodEnd = periodStart.addingTimeInterval(days(org.subscription.billingCycle == .yearly ? 365 : 30))
            sub.usage.currentUsers = Int.random(in: 1...sub.plan.limits.users, using: &rng)
            sub.usage.currentSocialAccounts = Int.random(in: 1...sub.plan.limits.socialAccounts, using: &rng)
            sub.usage.currentMonthPosts = Int.random(in: 0...min(sub.plan.limits.postsPerMonth, 400), using: &rng)
            sub.usage.currentMonthAiGenerations = Int.random(in: 0...sub.plan.limits.aiGenerations, using: &rng)
            sub.createdAt = org.createdAt
            sub.updatedAt = sub.history.last!.date
            return sub
        }
    }

    /// Daily records: each organization's user activity, and the platform's revenue as
    /// computed from the subscription histories. (The content rollups are counted from
    /// the posts once they are written: `ContentRollups.build`.)
    mutating func analytics(orgs: [Organization], users: [User], subscriptions: [Subscription]) -> [AnalyticsRecord] {
        var out: [AnalyticsRecord] = []
        let today = Int64(now.timeIntervalSince1970) / 86_400
        let members = Dictionary(grouping: users, by: \.organizationId).mapValues(\.count)
        let timelines = subscriptions.map(RevenueTimeline.init)
        for day in (today - Int64(options.days))..<today {
            let date = Date(timeIntervalSince1970: TimeInterval(day * 86_400))
            for org in orgs {
                var activity = AnalyticsRecord()
                activity._id = id(date)
                activity.organizationId = org._id
                activity.type = .userActivity
                activity.date = date
                activity.metrics.activeUsers = Int.random(in: 0...max(members[org._id] ?? 0, 1), using: &rng)
                activity.metrics.newUsers = rng.chance(0.05) ? 1 : 0
                activity.metrics.sessionDuration = Double(Int.random(in: 120...1800, using: &rng))
                activity.metrics.pageViews = Int.random(in: 5...200, using: &rng)
                activity.createdAt = date.addingTimeInterval(days(1))
                out.append(activity)
            }
            var revenue = AnalyticsRecord()
            revenue._id = id(date)
            revenue.type = .revenue
            revenue.date = date
            let end = date.addingTimeInterval(days(1))
            let mrr = timelines.reduce(0) { $0 + $1.monthlyRevenue(at: end) }
            revenue.metrics.mrr = mrr
            revenue.metrics.arr = mrr * 12
            revenue.metrics.revenue = (mrr / 30 * 100).rounded() / 100
            revenue.metrics.newSubscriptions = subscriptions.filter { $0.createdAt >= date && $0.createdAt < end }.count
            let cancelled = subscriptions.filter { s in s.history.contains { $0.action == .cancelled && $0.date >= date && $0.date < end } }.count
            let active = zip(subscriptions, timelines).filter { $1.monthlyRevenue(at: date) > 0 || $0.plan.name == "Free" }.count
            revenue.metrics.churnRate = active > 0 ? Double(cancelled) / Double(active) : 0
            revenue.createdAt = end
            out.append(revenue)
        }
        return out
    }
}
