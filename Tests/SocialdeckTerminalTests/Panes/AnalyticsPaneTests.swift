import Foundation
import SocialdeckCore
import SocialdeckTerminal
import SocialdeckViewModels
import Testing

@Suite("Analytics pane")
struct AnalyticsPaneTests {
    private func render(_ model: AnalyticsModel, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        AnalyticsPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixture.context)
        return buffer
    }

    private func model(_ report: AnalyticsReport?, top: Int = 0) -> AnalyticsModel {
        var model = AnalyticsModel()
        model.load(report)
        model.moveTop(top)
        return model
    }

    @Test("Golden screen at 80×24")
    func standard() throws {
        let fixture = try PaneFixture.shared.get()
        GoldenFile.assertMatches(render(model(fixture.analytics, top: 1), width: 80, height: 24), named: "analytics-80x24")
    }

    @Test("Golden screen at 160×48")
    func large() throws {
        let fixture = try PaneFixture.shared.get()
        GoldenFile.assertMatches(render(model(fixture.analytics, top: 2), width: 160, height: 48), named: "analytics-160x48")
    }

    @Test("The rate formula, the range and the per-platform colours are on screen")
    func content() throws {
        let fixture = try PaneFixture.shared.get()
        let buffer = render(model(fixture.analytics), width: 80, height: 24)
        let text = buffer.text()
        #expect(text.contains("Last 30 days · 7/30/90 with [ ]"))
        #expect(text.contains(AnalyticsReport.rateFormula))
        #expect(text.contains("Engagement by platform"))
        let palette = PaneFixture.context.palette
        let barStyles = Set(buffer.cells.filter { "▏▎▍▌▋▊▉█".contains($0.grapheme) }.map(\.style))
        let platformStyles = Set(fixture.analytics.platforms.filter { $0.engagement > 0 }.map { palette.chart($0.platform) })
        #expect(barStyles == platformStyles)
    }

    @Test("The selected top post is highlighted")
    func highlight() throws {
        let fixture = try PaneFixture.shared.get()
        let buffer = render(model(fixture.analytics, top: 1), width: 80, height: 24)
        let selection = PaneFixture.context.palette[.selection]
        let rows = (0..<24).filter { y in buffer.cell(x: 79, y: y)?.style == selection }
        #expect(rows.count == 1)
        if let row = rows.first {
            #expect(buffer.line(row).contains(String(fixture.analytics.topPosts[1].title.prefix(12))))
        }
    }

    @Test("Hostile text in a post title is drawn escaped, never sent to the terminal")
    func hostileTitle() throws {
        let fixture = try PaneFixture.shared.get()
        let buffer = render(model(fixture.hostileAnalytics), width: 160, height: 48)
        let text = buffer.text()
        #expect(text.contains("Sale␛[2J␛]52;c;ZXZpbA==␇ now␛[31m!⏎next"))
        let controls = buffer.graphemes.flatMap(\.unicodeScalars).filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty)
        // In the narrow layout the escaped title is cut to its column, not spilled past it.
        let narrow = render(model(fixture.hostileAnalytics), width: 80, height: 24)
        #expect(narrow.text().contains("Sale␛[2J"))
        #expect(narrow.graphemes.flatMap(\.unicodeScalars).allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
    }

    @Test("Without a report the pane says it is loading")
    func loading() {
        let text = render(AnalyticsModel(), width: 80, height: 24).text()
        #expect(text.contains("Last 30 days"))
        #expect(text.contains("loading…"))
    }

    @Test("Any size is safe")
    func sizes() throws {
        let fixture = try PaneFixture.shared.get()
        for width in [0, 1, 2, 5, 13, 40, 79, 119, 120, 200] {
            for height in [0, 1, 2, 3, 6, 12, 31, 32, 60] {
                _ = render(model(fixture.analytics, top: 9), width: width, height: height)
                _ = render(model(nil), width: width, height: height)
            }
        }
    }
}
