import Foundation
import SocialdeckModel

/// One subscription's history replayed once into the periods each plan was in force,
/// so a report can ask "what did it pay per month at this moment?" at many moments
/// without replaying again.
///
/// Entries are taken in the order they were made (`date`). A cancellation with a later
/// `effectiveAt` leaves the plan in force until then, unless a later entry (a change of
/// plan, a reactivation) comes first and withdraws it.
struct RevenueTimeline: Sendable {
    struct Period: Sendable {
        let start: Date
        let tier: PlanTier?
        let monthly: Double
    }

    let periods: [Period]
    let createdAt: Date

    init(_ sub: Subscription) {
        self.init(plan: sub.plan.name, price: sub.plan.price, yearly: sub.plan.interval == .year, cancelled: sub.status == .cancelled,
                  createdAt: sub.createdAt, history: sub.history.map { ($0.action, $0.toPlan, $0.date, $0.effectiveAt) })
    }

    /// From a stored subscription's fields, without decoding the whole model: a report
    /// over every subscription reads thousands.
    init(document doc: Document) {
        let history: [(SubscriptionAction, String?, Date, Date?)] = (doc["history"]?.arrayValue ?? []).compactMap { value in
            guard let entry = value.documentValue, let action = entry["action"]?.stringValue.flatMap(SubscriptionAction.init(rawValue:)),
                  let date = entry["date"]?.dateValue else { return nil }
            return (action, entry["toPlan"]?.stringValue, date, entry["effectiveAt"]?.dateValue)
        }
        let plan = doc["plan"]?.documentValue
        self.init(plan: plan?["name"]?.stringValue ?? "", price: plan?["price"]?.doubleValue ?? 0,
                  yearly: plan?["interval"]?.stringValue == BillingInterval.year.rawValue,
                  cancelled: doc["status"]?.stringValue == SubscriptionStatus.cancelled.rawValue,
                  createdAt: doc["createdAt"]?.dateValue ?? .distantPast, history: history)
    }

    private init(plan: String, price: Double, yearly: Bool, cancelled: Bool, createdAt: Date,
                 history: [(action: SubscriptionAction, toPlan: String?, date: Date, effectiveAt: Date?)]) {
        self.createdAt = createdAt
        var periods: [Period] = []
        let own = yearly ? price / 12 : price
        func monthly(_ tier: PlanTier?) -> Double {
            guard let tier else { return 0 }
            return tier.displayName == plan ? own : tier.monthlyListPrice
        }
        func begin(_ tier: PlanTier?, at date: Date) { periods.append(Period(start: date, tier: tier, monthly: monthly(tier))) }
        if history.isEmpty {
            begin(cancelled ? nil : PlanTier(displayName: plan), at: createdAt)
        }
        var current: PlanTier?
        var pendingEnd: Date?
        for entry in history.sorted(by: { $0.date < $1.date }) {
            if let end = pendingEnd, end <= entry.date {
                current = nil
                begin(nil, at: end)
            }
            pendingEnd = nil
            if entry.action == .cancelled {
                if let effective = entry.effectiveAt, effective > entry.date {
                    pendingEnd = effective
                    continue
                }
                current = nil
            } else {
                current = entry.toPlan.flatMap(PlanTier.init(displayName:)) ?? current
            }
            begin(current, at: entry.date)
        }
        if let end = pendingEnd { begin(nil, at: end) }
        self.periods = periods
    }

    /// The period in force at `date`; nil before the first.
    private func period(at date: Date) -> Period? {
        var low = 0, high = periods.count
        while low < high {
            let mid = (low + high) / 2
            if periods[mid].start <= date { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : periods[low - 1]
    }

    func tier(at date: Date) -> PlanTier? { period(at: date)?.tier }
    func monthlyRevenue(at date: Date) -> Double { period(at: date)?.monthly ?? 0 }

    /// Cancellations that took effect in (from, to].
    func cancellations(after from: Date, upTo to: Date) -> Int {
        zip(periods, periods.dropFirst()).filter { previous, next in
            previous.tier != nil && next.tier == nil && next.start > from && next.start <= to
        }.count
    }
}
