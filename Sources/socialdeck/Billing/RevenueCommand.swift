import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal

/// `socialdeck revenue [--json]`: the revenue pane's figures, each with its formula,
/// and the forecast with its back-test.
struct RevenueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revenue", abstract: "MRR, ARR, ARPU, churn, NRR and new subscriptions, with their formulas, and the MRR forecast.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let r = try RevenueReport.build(store: try store.open(), for: .localOperator(), now: Date())
        if json { return try JSONOutput.print(Self.object(r)) }
        let percent = { (value: Double?) in value.map { Figures.percent($0) } ?? "–" }
        var rows = [["FIGURE", "VALUE", "FORMULA"]]
        let values = ["MRR": Figures.money(r.mrr), "ARR": Figures.money(r.arr), "ARPU": r.arpu.map(Figures.money) ?? "–",
                      "churn": Figures.percent(r.churnRate), "NRR": percent(r.netRevenueRetention),
                      "new": Figures.integer(r.newSubscriptions)]
        for (figure, formula) in RevenueReport.formulas where values[figure] != nil {
            rows.append([figure, values[figure]!, formula])
        }
        print(Table.render(rows))
        print("")
        print("Paying subscriptions: \(r.payingSubscriptions)")
        for share in r.planMix { print("  \(share.plan): \(share.count), \(Figures.money(share.mrr))/mo") }
        print("")
        print("MRR by month: " + r.trend.map { "\(Figures.month($0.start)) \(Figures.money($0.mrr))" }.joined(separator: " · "))
        print("Forecast: " + r.forecast.map { "\(Figures.month($0.start)) \(Figures.money($0.mrr))" }.joined(separator: " · "))
        print("Method: \(RevenueReport.forecastMethod).")
        let b = r.backTest
        print("Back-test: \(b.projections) projections, mean absolute error \(percent(b.meanAbsolutePercentError)) "
              + "(1, 2, 3 months ahead: " + b.byHorizon.map(percent).joined(separator: ", ") + ").")
    }

    static func object(_ r: RevenueReport) -> [String: Any] {
        let month = { (m: RevenueReport.Month) -> [String: Any] in ["month": String(ISODate.string(from: m.start).prefix(7)), "mrr": JSONOutput.money(m.mrr)] }
        let optional = { (v: Double?) -> Any in v ?? NSNull() }
        return ["mrr": JSONOutput.money(r.mrr), "arr": JSONOutput.money(r.arr), "arpu": r.arpu.map(JSONOutput.money) ?? NSNull(),
                "churnRate": r.churnRate, "netRevenueRetention": optional(r.netRevenueRetention),
                "newSubscriptions": r.newSubscriptions, "payingSubscriptions": r.payingSubscriptions,
                "planMix": r.planMix.map { ["plan": $0.plan, "count": $0.count, "mrr": JSONOutput.money($0.mrr)] as [String: Any] },
                "trend": r.trend.map(month), "forecast": r.forecast.map(month),
                "forecastMethod": RevenueReport.forecastMethod,
                "backTest": ["projections": r.backTest.projections, "meanAbsolutePercentError": optional(r.backTest.meanAbsolutePercentError),
                             "byHorizon": r.backTest.byHorizon.map(optional)] as [String: Any],
                "formulas": Dictionary(RevenueReport.formulas.map { ($0.figure, $0.formula) }, uniquingKeysWith: { a, _ in a })]
    }
}
