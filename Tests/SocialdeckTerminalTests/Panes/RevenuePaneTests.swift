import Foundation
import SocialdeckCore
import SocialdeckTerminal
import SocialdeckViewModels
import Testing

@Suite("Revenue pane")
struct RevenuePaneTests {
    private func render(_ report: RevenueReport?, width: Int, height: Int) -> CellBuffer {
        var model = RevenueModel()
        model.load(report)
        var buffer = CellBuffer(width: width, height: height)
        RevenuePane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    @Test("Golden screen at 80×24")
    func standard() throws {
        GoldenFile.assertMatches(render(try PaneFixture.shared.get().revenue, width: 80, height: 24), named: "revenue-80x24")
    }

    @Test("Golden screen at 160×48")
    func large() throws {
        GoldenFile.assertMatches(render(try PaneFixture.shared.get().revenue, width: 160, height: 48), named: "revenue-160x48")
    }

    @Test("Key figures, the plan mix and the forecast method are on screen")
    func content() throws {
        let report = try PaneFixture.shared.get().revenue
        for size in [(80, 24), (160, 48)] {
            let text = render(report, width: size.0, height: size.1).text()
            #expect(text.contains("MRR " + Figures.money(report.mrr)))
            #expect(text.contains("ARR " + Figures.money(report.arr)))
            #expect(text.contains("churn " + Figures.percent(report.churnRate)))
            #expect(text.contains(RevenueReport.forecastMethod))
            for plan in report.planMix { #expect(text.contains(plan.plan)) }
        }
    }

    @Test("The forecast is drawn in the dim style, the actual months are not")
    func forecastStyle() throws {
        let buffer = render(try PaneFixture.shared.get().revenue, width: 160, height: 48)
        let palette = PaneFixture.context.palette
        let braille = buffer.cells.filter { ("\u{2801}"..."\u{28FF}").contains($0.grapheme) }
        #expect(braille.contains { $0.style == palette[.sparkline] })
        #expect(braille.contains { $0.style == palette[.textDim] })
    }

    @Test("Without a report the pane says it is loading; any size is safe")
    func loadingAndSizes() throws {
        #expect(render(nil, width: 80, height: 24).text().contains("loading…"))
        let report = try PaneFixture.shared.get().revenue
        for width in [0, 1, 2, 5, 13, 40, 79, 119, 120, 200] {
            for height in [0, 1, 2, 3, 6, 12, 31, 32, 60] {
                _ = render(report, width: width, height: height)
                _ = render(nil, width: width, height: height)
            }
        }
    }
}
