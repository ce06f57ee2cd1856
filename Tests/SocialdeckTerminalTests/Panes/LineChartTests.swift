import SocialdeckTerminal
import Testing

@Suite("Line chart")
struct LineChartTests {
    private func draw(_ chart: LineChart, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        chart.draw(in: buffer.bounds, into: &buffer)
        return buffer
    }

    @Test("A rising series sets one braille dot per value, bottom left to top right")
    func dotPlacement() {
        // 2×1 cells are 4×4 dots: values 0…3 land on (0,3) (1,2) (2,1) (3,0).
        // Left cell: dots 7 (0x40) and 6 (0x20); right cell: dots 2 (0x02) and 4 (0x08).
        let buffer = draw(LineChart(values: [0, 1, 2, 3]), width: 2, height: 1)
        #expect(buffer.text() == "\u{2860}\u{280A}")
        #expect(buffer.text() == "⡠⠊")
    }

    @Test("Neighbouring points are joined by a continuous line")
    func interpolation() {
        // From (0,3) to (3,0) on one 2×1 canvas, but via two points only: the line fills in.
        #expect(draw(LineChart(values: [0, 3]), width: 2, height: 1).text() == "⡠⠊")
    }

    @Test("An all-zero series lies on the bottom row of dots")
    func allZero() {
        #expect(draw(LineChart(values: [0, 0]), width: 1, height: 1).text() == "⣀")
    }

    @Test("A single point is drawn in the middle")
    func singlePoint() {
        // Four dots wide: the middle column is dot 1, the top of a 0…5 range is dot row 0.
        #expect(draw(LineChart(values: [5]), width: 2, height: 1).text() == "⠈ ")
    }

    @Test("Axes carry the minimum and maximum with units and first/middle/last labels")
    func axes() {
        let chart = LineChart(values: [0, 600, 1200], xLabels: ["1 Nov", "2 Nov", "3 Nov"], unit: "eng.")
        let buffer = draw(chart, width: 40, height: 6)
        let lines = buffer.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("1.2k eng.┤"))
        #expect(lines[3].hasPrefix("   0 eng.┤"))
        #expect(lines[1].hasPrefix("         │"))
        #expect(lines[4] == "         └" + String(repeating: "─", count: 30))
        #expect(lines[5].hasPrefix("          1 Nov"))
        #expect(lines[5].contains("2 Nov"))
        #expect(lines[5].hasSuffix("3 Nov"))
    }

    @Test("Projected values are dotted and drawn in the projected style")
    func projection() {
        let faint = Style(attributes: [.dim])
        let line = Style(attributes: [.bold])
        let chart = LineChart(values: [1, 1, 1, 1], projectedFrom: 2, lineStyle: line, projectedStyle: faint)
        let buffer = draw(chart, width: 2, height: 1)
        #expect(buffer.cell(x: 0, y: 0)?.style == line)
        #expect(buffer.cell(x: 1, y: 0)?.style == faint)
        #expect(buffer.text() == "⠉⠉")
    }

    @Test("A projected line is dotted between its points")
    func dotted() {
        // An axis column, then two values 7 dots apart on one row: the solid line sets
        // all 8 dots, the dotted one every other (and the end point).
        let solid = draw(LineChart(values: [1, 1]), width: 5, height: 1).text()
        let dotted = draw(LineChart(values: [1, 1], projectedFrom: 1), width: 5, height: 1).text()
        #expect(solid == "│⠉⠉⠉⠉")
        #expect(dotted == "│⠁⠁⠁⠉")
    }

    @Test("Empty data says so, cut to the space there is")
    func empty() {
        #expect(draw(LineChart(values: []), width: 30, height: 3).text().contains("no data in this range"))
        #expect(draw(LineChart(values: [.nan, .infinity]), width: 30, height: 1).text().contains("no data in this range"))
        #expect(draw(LineChart(values: []), width: 5, height: 1).text() == "no d…")
    }

    @Test("Non-finite values break the line without trapping")
    func nonFinite() {
        let buffer = draw(LineChart(values: [1, .nan, 3, -.infinity, 2, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]),
                          width: 30, height: 8)
        #expect(buffer.text().contains("┤"))
    }

    @Test("Any rectangle, from 0×0 and off the buffer, is safe", arguments: [0, 1, 2, 3, 4, 7])
    func tinyRects(size: Int) {
        let charts = [LineChart(values: []), LineChart(values: [4]), LineChart(values: [0, 0, 0]),
                      LineChart(values: (0..<90).map { Double($0 % 7) }, xLabels: (0..<90).map { "day \($0)" }, unit: "eng.",
                                projectedFrom: 80)]
        for chart in charts {
            for height in [0, 1, 2, 3, 4, size] {
                var buffer = CellBuffer(width: size, height: size)
                chart.draw(in: Rect(width: size, height: height), into: &buffer)
                chart.draw(in: Rect(x: -3, y: -2, width: size + 5, height: height + 1), into: &buffer)
                chart.draw(in: Rect(x: size, y: size, width: 10, height: 10), into: &buffer)
            }
        }
    }
}
