import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Revenue figures for staff, computed from `subscriptions` by replaying each
/// subscription's history (`RevenueTimeline`): what it paid per month at any moment.
/// Each figure's formula is stated in `formulas`, which the pane and the CLI print.
public struct RevenueReport: Sendable, Equatable {
    public struct Month: Sendable, Equatable {
        /// The first day of the month, UTC.
        public let start: Date
        public let mrr: Double
    }

    public struct PlanShare: Sendable, Equatable {
        public let plan: String
        public let count: Int
        public let mrr: Double
    }

    public var mrr: Double
    public var arr: Double { mrr * 12 }
    public var payingSubscriptions: Int
    /// MRR ÷ paying subscriptions; nil with none.
    public var arpu: Double? { payingSubscriptions > 0 ? mrr / Double(payingSubscriptions) : nil }
    public var churnRate: Double
    /// The MRR now of the subscriptions that paid 30 days ago ÷ what they paid then; nil
    /// when none paid then.
    public var netRevenueRetention: Double?
    public var newSubscriptions: Int
    /// Subscriptions in force now by plan name, free ones included.
    public var planMix: [PlanShare]
    /// MRR at the end of each of the last 12 months, oldest first, the current month last.
    public var trend: [Month]
    /// MRR projected for the next 3 months.
    public var forecast: [Month]
    /// The forecast method's error on the last 24 months.
    public var backTest: RevenueForecast.BackTest

    public static let forecastMethod = RevenueForecast.method
    public static let formulas: [(figure: String, formula: String)] = [
        ("MRR", "sum over subscriptions in force now of the plan's price per month (a yearly price ÷ 12)"),
        ("ARR", "MRR × 12"),
        ("ARPU", "MRR ÷ paying subscriptions"),
        ("churn", "paying subscriptions whose cancellation took effect in the last 30 days ÷ subscriptions paying 30 days ago"),
        ("NRR", "MRR now of the subscriptions paying 30 days ago ÷ their MRR then (upgrades, downgrades and cancellations included, new ones not)"),
        ("new", "subscriptions created in the last 30 days"),
        ("forecast", RevenueForecast.method + "; back-tested over the last 24 months as mean absolute percentage error"),
    ]

    public static func == (a: RevenueReport, b: RevenueReport) -> Bool {
        a.mrr == b.mrr && a.churnRate == b.churnRate && a.newSubscriptions == b.newSubscriptions && a.trend == b.trend
            && a.forecast == b.forecast && a.planMix == b.planMix && a.netRevenueRetention == b.netRevenueRetention
            && a.payingSubscriptions == b.payingSubscriptions && a.backTest == b.backTest
    }

    /// Needs `revenue.view`. The stored documents are replayed as they are read, without
    /// decoding whole models (a projection costs more than it saves on SQLite).
    public static func build(store: any DocumentStore, for identity: Identity, now: Date) throws -> RevenueReport {
        try AccessControl.authorize(identity, .viewRevenue, organizationId: nil)
        let docs = try store.find(Subscription.collection.rawValue)
        return compute(docs.map(RevenueTimeline.init(document:)), now: now)
    }

    static func compute(_ subs: [Subscription], now: Date) -> RevenueReport {
        compute(subs.map(RevenueTimeline.init), now: now)
    }

    static func compute(_ timelines: [RevenueTimeline], now: Date) -> RevenueReport {
        func mrr(at date: Date) -> Double { timelines.reduce(0) { $0 + $1.monthlyRevenue(at: date) } }
        let monthAgo = now.addingTimeInterval(-30 * 86_400)
        let payingThen = timelines.filter { $0.monthlyRevenue(at: monthAgo) > 0 }
        let cohortThen = payingThen.reduce(0) { $0 + $1.monthlyRevenue(at: monthAgo) }
        let cohortNow = payingThen.reduce(0) { $0 + $1.monthlyRevenue(at: now) }
        let cancelled = payingThen.reduce(0) { $0 + $1.cancellations(after: monthAgo, upTo: now) }
        var mix: [String: (Int, Double)] = [:]
        for timeline in timelines {
            guard let tier = timeline.tier(at: now) else { continue }
            let entry = mix[tier.displayName] ?? (0, 0)
            mix[tier.displayName] = (entry.0 + 1, entry.1 + timeline.monthlyRevenue(at: now))
        }
        let calendar = Calendar.utc
        let thisMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: now))!
        let history: [Month] = (0..<24).reversed().map { back in
            let start = calendar.date(byAdding: .month, value: -back, to: thisMonth)!
            let end = back == 0 ? now : calendar.date(byAdding: .month, value: 1, to: start)!.addingTimeInterval(-1)
            return Month(start: start, mrr: mrr(at: end))
        }
        let trend = Array(history.suffix(12))
        let forecast = RevenueForecast.project(trend.map(\.mrr)).enumerated().map { ahead, value in
            Month(start: calendar.date(byAdding: .month, value: ahead + 1, to: thisMonth)!, mrr: value)
        }
        let order = ["Enterprise", "Pro", "Free"]
        return RevenueReport(
            mrr: mrr(at: now), payingSubscriptions: timelines.filter { $0.monthlyRevenue(at: now) > 0 }.count,
            churnRate: payingThen.isEmpty ? 0 : Double(cancelled) / Double(payingThen.count),
            netRevenueRetention: cohortThen > 0 ? cohortNow / cohortThen : nil,
            newSubscriptions: timelines.filter { $0.createdAt > monthAgo && $0.createdAt <= now }.count,
            planMix: mix.map { PlanShare(plan: $0.key, count: $0.value.0, mrr: $0.value.1) }
                .sorted { (order.firstIndex(of: $0.plan) ?? 9, $0.plan) < (order.firstIndex(of: $1.plan) ?? 9, $1.plan) },
            trend: trend, forecast: forecast, backTest: RevenueForecast.backTest(history.map(\.mrr)))
    }
}
