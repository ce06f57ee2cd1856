import SocialdeckTerminal
import Testing

@Suite("Sparkline")
struct SparklineTests {
    private func draw(_ sparkline: Sparkline, width: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: 1)
        sparkline.draw(in: buffer.bounds, into: &buffer)
        return buffer
    }

    @Test("Eight levels from zero to the largest value")
    func levels() {
        #expect(draw(Sparkline(values: (0...7).map(Double.init)), width: 8).text() == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.level(of: 50, maximum: 100) == 4)
        #expect(Sparkline.level(of: 100, maximum: 100) == 7)
        #expect(Sparkline.level(of: 0, maximum: 100) == 0)
        #expect(Sparkline.level(of: -5, maximum: 100) == 0)
        #expect(Sparkline.level(of: .nan, maximum: 100) == 0)
        #expect(Sparkline.level(of: 5, maximum: 0) == 0)
    }

    @Test("An all-zero series stays on the lowest level; a flat one on the highest")
    func flat() {
        #expect(draw(Sparkline(values: [0, 0, 0]), width: 3).text() == "▁▁▁")
        #expect(draw(Sparkline(values: [4, 4]), width: 2).text() == "██")
        #expect(draw(Sparkline(values: [4]), width: 3).text() == "█  ")
    }

    @Test("Failed runs are drawn in the failed style")
    func failures() {
        let failed = Style(foreground: .ansi(.red))
        let buffer = draw(Sparkline(values: [1, 2, 3], failed: [false, true], failedStyle: failed), width: 3)
        #expect(buffer.cell(x: 0, y: 0)?.style == .plain)
        #expect(buffer.cell(x: 1, y: 0)?.style == failed)
        #expect(buffer.cell(x: 2, y: 0)?.style == .plain)
    }

    @Test("A long series keeps its newest values, scaled to what is shown")
    func newestKept() {
        #expect(draw(Sparkline(values: [100, 1, 2]), width: 2).text() == "▅█")
    }

    @Test("The scale label names the largest value shown, when there is room")
    func scaleLabel() {
        let sparkline = Sparkline(values: [500, 1000, 1500], scaleLabel: { Figures.duration(milliseconds: $0) })
        #expect(draw(sparkline, width: 12).text() == "▃▆█ 1.5 s   ")
        #expect(draw(sparkline, width: 5).text() == "▃▆█  ")
    }

    @Test("Empty data says so; tiny rectangles are safe")
    func emptyAndTiny() {
        #expect(draw(Sparkline(values: []), width: 30).text().contains("no data in this range"))
        #expect(draw(Sparkline(values: [], emptyMessage: "no runs"), width: 7).text() == "no runs")
        for width in 0...3 {
            for height in 0...2 {
                var buffer = CellBuffer(width: width, height: height)
                Sparkline(values: [1, .nan, 3], scaleLabel: { Figures.compact($0) }).draw(in: buffer.bounds, into: &buffer)
                Sparkline(values: []).draw(in: Rect(x: -1, y: 0, width: 9, height: 3), into: &buffer)
            }
        }
    }
}
