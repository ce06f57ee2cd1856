import Foundation
@testable import SocialdeckTerminal
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels
import Testing

@Suite("Calendar pane")
struct CalendarPaneTests {
    @Test("Month at 80×24: November in Berlin, today and the cursor day marked")
    func month80() {
        var model = PaneFixtures.calendar(days: 1)
        model.nextEntry()
        let buffer = PaneFrame.calendar(model, width: 80, height: 24)
        GoldenFile.assertMatches(buffer, named: "calendar-month-80x24")
        let text = buffer.text()
        #expect(text.contains("November 2026 · month (v to switch) · Europe/Berlin"))
        #expect(text.contains("29•"))
        #expect(text.contains("Mon 30 Nov 2026 · 4 posts"))
    }

    @Test("Month at 160×48: December, with a message")
    func month160() {
        var model = PaneFixtures.calendar(days: 2)
        // The calendar follows a post it moved, so the move stays in December to keep it in view.
        model.finished(.reschedule(PaneFixtures.id(36), to: PaneFixtures.now.addingTimeInterval(3 * 86_400)), error: nil)
        let buffer = PaneFrame.calendar(model, width: 160, height: 48)
        GoldenFile.assertMatches(buffer, named: "calendar-month-160x48")
        let text = buffer.text()
        #expect(text.contains("December 2026 · month (v to switch) · Europe/Berlin"))
        // In Berlin the Christmas greetings posted at 23:30 UTC on the 24th land on the 25th.
        #expect(text.contains("00:30 FB Christ"))
        #expect(text.contains("moved to Wed 2 Dec 11:00"))
    }

    @Test("Week at 80×24 and 160×48", arguments: [(80, 24), (160, 48)])
    func week(width: Int, height: Int) {
        let zone = width == 80 ? PaneFixtures.berlin : PaneFixtures.utc
        var model = PaneFixtures.calendar(zone, days: 2, views: 1)
        model.nextEntry()
        let buffer = PaneFrame.calendar(model, width: width, height: height, context: PaneFixtures.context(zone))
        GoldenFile.assertMatches(buffer, named: "calendar-week-\(width)x\(height)")
        #expect(buffer.text().contains("30 Nov – 06 Dec 2026 · week (v to switch) · " + (width == 80 ? "Europe/Berlin" : "UTC")))
    }

    @Test("Agenda at 80×24 and, filtered, at 160×48", arguments: [(80, 24), (160, 48)])
    func agenda(width: Int, height: Int) {
        let zone = width == 80 ? PaneFixtures.berlin : PaneFixtures.utc
        var model = PaneFixtures.calendar(zone, views: 2)
        if width == 160 {
            model.setFilter("x")
        }
        let buffer = PaneFrame.calendar(model, width: width, height: height, context: PaneFixtures.context(zone))
        GoldenFile.assertMatches(buffer, named: "calendar-agenda-\(width)x\(height)")
        let text = buffer.text()
        if width == 160 {
            #expect(text.contains("filter: “x”"))
            #expect(!text.contains("Sunday recap"))
        } else {
            #expect(text.contains("Sun 29 Nov 2026 · today · 2 posts"))
        }
    }

    @Test("Times follow the model's zone")
    func timeZones() {
        let utc = PaneFrame.calendar(PaneFixtures.calendar(PaneFixtures.utc, views: 2), width: 160, height: 48,
                                     context: PaneFixtures.context(PaneFixtures.utc)).text()
        let berlin = PaneFrame.calendar(PaneFixtures.calendar(PaneFixtures.berlin, views: 2), width: 160, height: 48).text()
        #expect(utc.contains("09:00  IG  published"))
        #expect(berlin.contains("10:00  IG  published"))
    }

    @Test("The cursor day and the selected entry are in `selection`")
    func selection() throws {
        var model = PaneFixtures.calendar(days: 1)
        model.nextEntry()
        let buffer = PaneFrame.calendar(model, width: 160, height: 48)
        let selection = PaneFixtures.palette[.selection]
        // The panel lists Monday's four posts; the second is selected.
        let row = try #require((0..<buffer.height).first { buffer.line($0).contains("08:00  X   scheduled   Cyber Monday") })
        let x = try #require(column(ofPanelText: "Cyber Monday", row: row, in: buffer))
        #expect(buffer.cell(x: x, y: row)?.style.background == selection.background)
        #expect(buffer.cell(x: x, y: row)?.style.attributes.contains(.selected) == true)
    }

    @Test("Escape sequences in a title are drawn escaped")
    func hostileTitle() {
        let model = PaneFixtures.calendar(PaneFixtures.utc, views: 2)
        let buffer = PaneFrame.calendar(model, width: 160, height: 48, context: PaneFixtures.context(PaneFixtures.utc))
        #expect(buffer.text().contains("Holiday hours␛[2J␛]52;c;aGVsbG8=␇"))
        #expect(!buffer.text().unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("CJK and emoji titles keep the grid's rules in place")
    func gridAligned() {
        for (width, height) in [(80, 24), (160, 48)] {
            for views in 0..<2 {
                let buffer = PaneFrame.calendar(PaneFixtures.calendar(days: 2, views: views), width: width, height: height)
                var ruleColumns: Set<[Int]> = []
                for y in 3..<(height - 8) {
                    let xs = cells(buffer).filter { $0.y == y && $0.cell.grapheme == "│" }.map(\.x)
                    if xs.count >= 8 { ruleColumns.insert(Array(xs.prefix(7))) }
                    #expect(DisplayWidth.of(buffer.line(y)) == width)
                }
                #expect(ruleColumns.count == 1, "\(width)×\(height) view \(views): \(ruleColumns)")
            }
        }
    }

    /// A range too full to list, as staff see a month over every organization: each day
    /// shows its count, the focused day (1 December) its posts.
    static func counting(views: Int = 0, listed: Bool = true) -> CalendarModel {
        var model = PaneFixtures.calendar(days: 2, views: views)
        let counts = Dictionary(uniqueKeysWithValues: model.visibleDays.enumerated().map { ($1.start, ($0 * 37) % 900) })
        let day = model.focusedDay
        let posts = PaneFixtures.calendarPosts.filter { $0.platforms.contains { $0.scheduledAt.map(day.contains) ?? false } }
        model.load(listed ? posts.map(CalendarPost.init) : [], dayCounts: counts, listed: listed ? day : model.visibleDays[0])
        return model
    }

    @Test("Counting at 80×24 and 160×48: counts per day, the focused day listed", arguments: [(80, 24), (160, 48)])
    func countingGolden(width: Int, height: Int) {
        let model = Self.counting()
        let buffer = PaneFrame.calendar(model, width: width, height: height)
        GoldenFile.assertMatches(buffer, named: "calendar-counting-\(width)x\(height)")
        let text = buffer.text()
        #expect(text.contains("Tue 01 Dec 2026 · 6 posts"))
        #expect(text.contains("09:00  FB  scheduled   Winter launch"))
        #expect(text.contains("555 posts"))
        #expect(text.contains(width == 80 ? "16,557 posts counted" : "16,557 posts, counted per day · :org SLUG lists them"))
    }

    @Test("While the focused day's posts are on their way, its panel says so; week and agenda count too")
    func countingViews() {
        let waiting = PaneFrame.calendar(Self.counting(listed: false), width: 120, height: 36)
        #expect(waiting.text().contains("loading…"))
        let week = PaneFrame.calendar(Self.counting(views: 1), width: 160, height: 48).text()
        #expect(week.contains("74 posts") && week.contains("09:00 FB"))
        let agenda = PaneFrame.calendar(Self.counting(views: 2), width: 120, height: 36).text()
        #expect(agenda.contains("Wed 02 Dec 2026 · 37 posts"))
    }

    @Test("Every size from 0×0 draws without trapping, in every view")
    func tinySizes() {
        for views in 0..<3 {
            let model = views == 0 ? Self.counting() : PaneFixtures.calendar(days: 1, views: views)
            for width in 0...40 {
                for height in 0...14 {
                    var buffer = CellBuffer(width: width, height: height)
                    CalendarPane.render(model, in: buffer.bounds, into: &buffer, context: PaneFixtures.context())
                }
            }
        }
    }
}

/// The first column of `text` on `row`, by cell.
private func column(ofPanelText text: String, row: Int, in buffer: CellBuffer) -> Int? {
    let wanted = Array(text)
    let line = cells(buffer).filter { $0.y == row }
    for start in line.indices.reversed() where start + wanted.count <= line.count {
        if zip(line[start...], wanted).allSatisfy({ $0.cell.grapheme == $1 }) { return line[start].x }
    }
    return nil
}
