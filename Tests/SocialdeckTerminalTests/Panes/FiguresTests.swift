import Foundation
import SocialdeckTerminal
import Testing

@Suite("Figures")
struct FiguresTests {
    @Test("Compact numbers", arguments: [
        (0.0, "0"), (12, "12"), (3.46, "3.5"), (999, "999"), (999.7, "1k"), (1234, "1.2k"), (12_345, "12.3k"),
        (340_000, "340k"), (999_999, "1M"), (1_260_000, "1.3M"), (-1500, "-1.5k"), (3e9, "3B"), (.nan, "–"), (.infinity, "–"),
    ])
    func compact(value: Double, expected: String) {
        #expect(Figures.compact(value) == expected)
    }

    @Test("Money", arguments: [
        (0.0, "$0"), (12_345, "$12,345"), (999_999.4, "$999,999"), (1_234_567, "$1.2M"), (2_500_000_000, "$2.5B"),
        (-40, "-$40"), (.nan, "–"),
    ])
    func money(value: Double, expected: String) {
        #expect(Figures.money(value) == expected)
    }

    @Test("Dollars and cents, percentages, whole numbers")
    func others() {
        #expect(Figures.dollars(12.34) == "$12.34")
        #expect(Figures.dollars(1234.5) == "$1,234.50")
        #expect(Figures.percent(0.0341) == "3.4%")
        #expect(Figures.percent(0.0341, digits: 2) == "3.41%")
        #expect(Figures.integer(1_234_567) == "1,234,567")
        #expect(Figures.integer(-1000) == "-1,000")
        #expect(Figures.integer(Int.min).hasPrefix("-9,223"))
    }

    @Test("Durations", arguments: [
        (850.0, "850 ms"), (1234, "1.2 s"), (59_000, "59.0 s"), (150_000, "2.5 min"), (5_400_000, "1.5 h"), (-1, "–"),
    ])
    func duration(ms: Double, expected: String) {
        #expect(Figures.duration(milliseconds: ms) == expected)
    }

    @Test("Relative times")
    func relative() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(Figures.relative(now.addingTimeInterval(-20), now: now) == "just now")
        #expect(Figures.relative(now.addingTimeInterval(-180), now: now) == "3 min ago")
        #expect(Figures.relative(now.addingTimeInterval(-5 * 3600 - 10), now: now) == "5 h ago")
        #expect(Figures.relative(now.addingTimeInterval(-12 * 86_400), now: now) == "12 d ago")
        #expect(Figures.relative(now.addingTimeInterval(600), now: now) == "in 10 min")
        #expect(Figures.relative(.distantPast, now: .distantFuture).hasSuffix("d ago"))
    }

    @Test("Report days and months are UTC")
    func dates() {
        let date = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01T00:00:00Z
        #expect(Figures.day(date) == "1 Dec")
        #expect(Figures.month(date) == "Dec 2026")
    }
}
