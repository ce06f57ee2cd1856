import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Revenue figures for staff, computed from `subscriptions` by replaying each
/// subscription's history: what it paid per month at any moment.
public struct RevenueReport: Sendable, Equatable {
    public struct Month: Sendable, Equatable {
        /// The first day of the month, UTC.
        public let start: Date
        public let mrr: Double
    }

    public var mrr: Double
    public var arr: Double { mrr * 12 }
    /// Cancellations in the last 30 days ÷ paying subscriptions 30 days ago.
    public var churnRate: Double
    /// Subscriptions created in the last 30 days.
    public var newSubscriptions: Int
    /// Paying and free subscriptions by plan name, active now.
    public var planMix: [(plan: String, count: Int, mrr: Double)]
    /// MRR at the end of each of the last 12 months, oldest first, the current month last.
    public var trend: [Month]
    /// MRR projected for the next 3 months.
    public var forecast: [Month]
    public static let forecastMethod = "least-squares line through the last 6 months' MRR"

    public static func == (a: RevenueReport, b: RevenueReport) -> Bool {
        a.mrr == b.mrr && a.churnRate == b.churnRate && a.newSubscriptions == b.newSubscriptions && a.trend == b.trend
            && a.forecast == b.forecast && a.planMix.map(\.plan) == b.planMix.map(\.plan) && a.planMix.map(\.count) == b.planMix.map(\.count)
    }

    /// Needs `revenue.view`.
    public static func build(store: any DocumentStore, for identity: Identity, now: Date) throws -> RevenueReport {
        try AccessControl.authorize(identity, .viewRevenue, organizationId: nil)
        return compute(try ModelCollection(store, Subscription.self).find(), now: now)
    }

    static func compute(_ subs: [Subscription], now: Date) -> RevenueReport {
        let day: TimeInterval = 86_400
        let mrrNow = subs.reduce(0) { $0 + monthlyRevenue($1, at: now) }
        let monthAgo = now.addingTimeInterval(-30 * day)
        let payingThen = subs.filter { monthlyRevenue($0, at: monthAgo) > 0 }.count
        let cancelled = subs.filter { s in s.history.contains { $0.action == .cancelled && $0.date > monthAgo && $0.date <= now } }.count
        var mix: [String: (Int, Double)] = [:]
        for s in subs {
            guard let plan = plan(s, at: now) else { continue }
            let entry = mix[plan.displayName] ?? (0, 0)
            mix[plan.displayName] = (entry.0 + 1, entry.1 + monthlyRevenue(s, at: now))
        }
        let calendar = Calendar.utc
        let thisMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: now))!
        let trend: [Month] = (0..<12).reversed().map { back in
            let start = calendar.date(byAdding: .month, value: -back, to: thisMonth)!
            let end = back == 0 ? now : calendar.date(byAdding: .month, value: 1, to: start)!.addingTimeInterval(-1)
            return Month(start: start, mrr: subs.reduce(0) { $0 + monthlyRevenue($1, at: end) })
        }
        let recent = trend.suffix(6).map(\.mrr)
        let (slope, intercept) = leastSquares(recent)
        let forecast: [Month] = (1...3).map { ahead in
            Month(start: calendar.date(byAdding: .month, value: ahead, to: thisMonth)!,
                  mrr: max(0, intercept + slope * Double(recent.count - 1 + ahead)))
        }
        let order = ["Enterprise", "Pro", "Free"]
        return RevenueReport(
            mrr: mrrNow, churnRate: payingThen > 0 ? Double(cancelled) / Double(payingThen) : 0,
            newSubscriptions: subs.filter { $0.createdAt > monthAgo && $0.createdAt <= now }.count,
            planMix: mix.map { (plan: $0.key, count: $0.value.0, mrr: $0.value.1) }
                .sorted { (order.firstIndex(of: $0.plan) ?? 9, $0.plan) < (order.firstIndex(of: $1.plan) ?? 9, $1.plan) },
            trend: trend, forecast: forecast)
    }

    /// The plan in force at `date`, or nil before creation or after cancellation.
    static func plan(_ sub: Subscription, at date: Date) -> PlanTier? {
        var current: PlanTier?
        for entry in sub.history.sorted(by: { $0.date < $1.date }) where entry.date <= date {
            current = entry.action == .cancelled ? nil : entry.toPlan.flatMap(PlanTier.init(displayName:)) ?? current
        }
        if sub.history.isEmpty && sub.createdAt <= date && sub.status != .cancelled { current = PlanTier(displayName: sub.plan.name) }
        return current
    }

    /// Monthly revenue at `date`: the plan in force, at the subscription's own price when it is that plan.
    static func monthlyRevenue(_ sub: Subscription, at date: Date) -> Double {
        guard let tier = plan(sub, at: date) else { return 0 }
        if tier.displayName == sub.plan.name { return sub.plan.monthlyPrice }
        return tier.monthlyListPrice
    }

    /// Slope and intercept of the least-squares line through (0, y0), (1, y1), ….
    static func leastSquares(_ ys: [Double]) -> (Double, Double) {
        let n = Double(ys.count)
        guard ys.count > 1 else { return (0, ys.first ?? 0) }
        let xs = ys.indices.map(Double.init)
        let mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        let slope = sxx == 0 ? 0 : sxy / sxx
        return (slope, my - slope * mx)
    }
}
