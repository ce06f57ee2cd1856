import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Revenue figures from subscription histories (issue #14): the replay, NRR, ARPU,
/// churn by the date a cancellation takes effect, and the forecast's back-test.
@Suite("Revenue report")
struct RevenueReportTests {
    let now = date("2026-11-29T12:00:00Z")

    func subscription(_ plan: PlanTier, created: String, _ history: [Subscription.HistoryEntry] = []) -> Subscription {
        var s = Subscription()
        s.plan = PlanCatalog.plan(plan, interval: .month)
        s.createdAt = date(created)
        s.history = [.init(action: .created, fromPlan: nil, toPlan: history.isEmpty ? plan.displayName : history[0].fromPlan, date: date(created))] + history
        return s
    }

    @Test func aCancellationAtThePeriodsEndKeepsRevenueUntilThen() {
        let sub = subscription(.pro, created: "2026-01-01", [
            .init(action: .cancelled, fromPlan: "Pro", toPlan: nil, date: date("2026-11-10"), effectiveAt: date("2026-12-01")),
        ])
        let timeline = RevenueTimeline(sub)
        #expect(timeline.monthlyRevenue(at: date("2026-11-20")) == 49)
        #expect(timeline.monthlyRevenue(at: date("2026-12-01")) == 0)
        #expect(timeline.cancellations(after: date("2026-11-01"), upTo: date("2026-11-30")) == 0)
        #expect(timeline.cancellations(after: date("2026-11-01"), upTo: date("2026-12-02")) == 1)

        var withdrawn = sub
        withdrawn.history.append(.init(action: .reactivated, fromPlan: nil, toPlan: "Pro", date: date("2026-11-20")))
        #expect(RevenueTimeline(withdrawn).monthlyRevenue(at: date("2026-12-15")) == 49, "a later entry withdraws the pending cancellation")
    }

    @Test func figuresFollowTheirFormulas() {
        let subs = [
            subscription(.pro, created: "2026-01-01"),                                      // 49 then and now
            subscription(.pro, created: "2026-01-01", [                                     // 49 → 299
                .init(action: .upgraded, fromPlan: "Pro", toPlan: "Enterprise", date: date("2026-11-15"))]),
            subscription(.pro, created: "2026-01-01", [                                     // 49 → cancelled
                .init(action: .cancelled, fromPlan: "Pro", toPlan: nil, date: date("2026-11-20"))]),
            subscription(.pro, created: "2026-11-25"),                                      // new: not in the cohort
            subscription(.free, created: "2026-01-01"),                                     // free: not paying
        ]
        let r = RevenueReport.compute(subs, now: now)
        // The upgraded one is priced by the catalog's list price for the plan it moved to.
        #expect(r.mrr == 49 + 299 + 49)
        #expect(r.payingSubscriptions == 3 && r.arpu == (49 + 299 + 49) / 3)
        #expect(r.arr == r.mrr * 12)
        #expect(r.netRevenueRetention == (49.0 + 299) / (49 * 3))
        #expect(r.churnRate == 1.0 / 3)
        #expect(r.newSubscriptions == 1)
        #expect(r.planMix.map(\.plan) == ["Enterprise", "Pro", "Free"] && r.planMix.map(\.count) == [1, 2, 1])
        #expect(r.trend.count == 12 && r.forecast.count == 3)
        #expect(RevenueReport.formulas.map(\.figure) == ["MRR", "ARR", "ARPU", "churn", "NRR", "new", "forecast"])
    }

    @Test func theBackTestMeasuresTheMethodsMisses() {
        let straight = RevenueForecast.backTest((1...24).map { Double($0) * 100 })
        #expect(straight.projections == 51 && straight.meanAbsolutePercentError! < 1e-9, "a straight line is forecast exactly")
        // A series that turns: the line overshoots after the turn.
        let turning = (0..<24).map { $0 < 18 ? Double($0) * 100 : 1_700 }
        let test = RevenueForecast.backTest(turning)
        #expect(test.meanAbsolutePercentError! > 0 && test.byHorizon[2]! > test.byHorizon[0]!, "further ahead misses more")
        #expect(RevenueForecast.backTest([100, 200]).projections == 0 && RevenueForecast.backTest([]).meanAbsolutePercentError == nil)
        #expect(RevenueForecast.project([100, 200, 300]) == [400, 500, 600])
        #expect(RevenueForecast.project([300, 200, 100]) == [0, 0, 0], "never below zero")
    }

    /// Every cancelled demo subscription pays nothing now: its cancellation is its last change.
    @Test func theDemoHistoriesAgreeWithTheirStatus() throws {
        let s = try TempStore()
        try DemoWorkspace(options: SeededWorkspace(organizations: 12, users: 30, posts: 50, days: 30, seed: 7, now: fixedNow).options)
            .seed(into: s.store)
        let subs = try ModelCollection(s.store, Subscription.self).find()
        #expect(subs.contains { $0.status == .cancelled })
        for sub in subs where sub.status == .cancelled {
            #expect(RevenueTimeline(sub).monthlyRevenue(at: fixedNow) == 0, "\(sub.history)")
        }
        let report = try RevenueReport.build(store: s.store, for: .localOperator(), now: fixedNow)
        #expect(report.mrr == subs.filter { $0.status != .cancelled }.reduce(0) { $0 + $1.plan.monthlyPrice })
    }
}
