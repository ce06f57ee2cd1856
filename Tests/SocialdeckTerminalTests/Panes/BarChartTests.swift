import SocialdeckTerminal
import Testing

@Suite("Bar chart")
struct BarChartTests {
    @Test("Lengths are counted in eighths of a cell", arguments: [
        (0, ""), (1, "▏"), (2, "▎"), (3, "▍"), (4, "▌"), (5, "▋"), (6, "▊"), (7, "▉"), (8, "█"), (19, "██▍"), (-3, ""),
    ])
    func blocks(eighths: Int, expected: String) {
        #expect(BarChart.blocks(eighths: eighths) == expected)
    }

    @Test("A value's share of the scale becomes eighths, rounded, never past the end")
    func scaling() {
        #expect(BarChart.eighths(for: 1, maximum: 2, cells: 10) == 40)
        #expect(BarChart.eighths(for: 2, maximum: 2, cells: 10) == 80)
        #expect(BarChart.eighths(for: 1, maximum: 3, cells: 10) == 27)
        #expect(BarChart.eighths(for: 5, maximum: 2, cells: 10) == 80)
        // Any positive value shows; nothing else does.
        #expect(BarChart.eighths(for: 0.0001, maximum: 2, cells: 10) == 1)
        #expect(BarChart.eighths(for: 0, maximum: 2, cells: 10) == 0)
        #expect(BarChart.eighths(for: -1, maximum: 2, cells: 10) == 0)
        #expect(BarChart.eighths(for: .nan, maximum: 2, cells: 10) == 0)
        #expect(BarChart.eighths(for: 1, maximum: 0, cells: 10) == 0)
        #expect(BarChart.eighths(for: 1, maximum: .infinity, cells: 10) == 0)
    }

    @Test("Bars are drawn with labels, values, details and a scale with its unit")
    func drawing() {
        let chart = BarChart(bars: [.init(label: "X", value: 5, detail: "10 views"),
                                    .init(label: "TikTok", value: 10, detail: "200 views")], unit: "eng.")
        var buffer = CellBuffer(width: 40, height: 3)
        chart.draw(in: buffer.bounds, into: &buffer)
        // Label column 6 wide, axis, then 40 - 7 - (2 + 1) - (9 + 1) = 20 cells of bar.
        #expect(buffer.line(0) == "     X│" + String(repeating: "█", count: 10) + String(repeating: " ", count: 10) + "  5 10 views ")
        #expect(buffer.line(1) == "TikTok│" + String(repeating: "█", count: 20) + " 10 200 views")
        #expect(buffer.line(2) == "      └" + String(repeating: "─", count: 20) + " 10 eng.     ")
    }

    @Test("A given maximum sets the full length")
    func fixedMaximum() {
        let chart = BarChart(bars: [.init(label: "Pro", value: 0.5)], format: { Figures.percent($0, digits: 0) }, maximum: 1)
        var buffer = CellBuffer(width: 20, height: 1)
        chart.draw(in: buffer.bounds, into: &buffer)
        // "Pro│" then 12 cells of bar, " 50%": half of 12 is 6.
        #expect(buffer.line(0) == "Pro│██████       50%")
    }

    @Test("Columns drop as the width shrinks, bars keep at least a cell")
    func narrowing() {
        let chart = BarChart(bars: [.init(label: "Instagram", value: 3, detail: "a long detail column")])
        for width in 0...30 {
            var buffer = CellBuffer(width: width, height: 2)
            chart.draw(in: buffer.bounds, into: &buffer)
            if width >= 3 { #expect(buffer.line(0).contains("█")) }
        }
    }

    @Test("Empty data says so; all-zero data draws empty bars")
    func emptyAndZero() {
        var buffer = CellBuffer(width: 30, height: 3)
        BarChart(bars: []).draw(in: buffer.bounds, into: &buffer)
        #expect(buffer.text().contains("no data in this range"))

        var zeros = CellBuffer(width: 30, height: 3)
        BarChart(bars: [.init(label: "a", value: 0), .init(label: "b", value: 0)], unit: "eng.").draw(in: zeros.bounds, into: &zeros)
        #expect(!zeros.text().contains("█"))
        #expect(zeros.line(2).contains("0 eng."))
    }

    @Test("Any rectangle, from 0×0 and off the buffer, is safe", arguments: [0, 1, 2, 3, 5])
    func tinyRects(size: Int) {
        let chart = BarChart(bars: [.init(label: "Facebook", value: 1, detail: "x"), .init(label: "X", value: .infinity),
                                    .init(label: "\u{1B}[2J", value: -4)], unit: "eng.")
        for height in [0, 1, 2, 3, 4] {
            var buffer = CellBuffer(width: size, height: size)
            chart.draw(in: Rect(width: size, height: height), into: &buffer)
            chart.draw(in: Rect(x: -2, y: -1, width: size + 3, height: height + 2), into: &buffer)
            #expect(!buffer.text().unicodeScalars.contains("\u{1B}"))
        }
    }
}
