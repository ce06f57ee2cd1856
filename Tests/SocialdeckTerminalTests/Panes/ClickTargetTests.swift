import SocialdeckCore
import Foundation
@testable import SocialdeckTerminal
import SocialdeckModel
import SocialdeckTestSupport
import SocialdeckViewModels
import Testing

/// Clicks are resolved against the frame on screen: each test draws the real
/// dashboard layout, finds a row by its text, and checks what a click there means
/// and what it does to the model.
@Suite("Mouse clicks")
struct ClickTargetTests {
    static func dashboard(_ pane: PaneID) -> DashboardModel {
        var model = DashboardModel(identity: PaneFixtures.identity, userName: "Anna Schmidt", roleName: "manager",
                                   organizationName: "Acme Outdoor", storeLocation: "sqlite test",
                                   timeZone: PaneFixtures.berlin, now: PaneFixtures.now)
        model.approvals = PaneFixtures.approvals()
        model.calendar = PaneFixtures.calendar()
        _ = model.select(pane)
        return model
    }

    static func frame(_ model: DashboardModel, width: Int = 80, height: Int = 24,
                      prompt: DashboardPrompt? = nil) -> CellBuffer {
        var model = model
        model.prompt = prompt
        return DashboardView.frame(width: width, height: height, screen: .dashboard(model),
                            palette: PaneFixtures.palette, bindings: KeyBindings(), now: PaneFixtures.now)
    }

    /// The first cell (x, y) where `text` is drawn, searching rows from `fromRow`.
    static func locate(_ text: String, in buffer: CellBuffer, fromRow: Int = 2) -> (x: Int, y: Int)? {
        for y in fromRow..<buffer.height {
            let line = buffer.line(y)
            guard let range = line.range(of: text) else { continue }
            return (DisplayWidth.of(String(line[..<range.lowerBound])), y)
        }
        return nil
    }

    @Test("A tab click opens its pane; panes the role may not open have no tab", arguments: [(80, 24), (160, 48)])
    func tabs(width: Int, height: Int) throws {
        var model = Self.dashboard(.approvals)
        let buffer = Self.frame(model, width: width, height: height)
        let analyticsFound = Self.locate("Analytics", in: buffer, fromRow: 1)
        let analytics = try #require(analyticsFound, "Analytics not on screen")
        #expect(analytics.y == 1)
        let targetHit = buffer.clickTarget(x: analytics.x, y: 1)
        let target = try #require(targetHit)
        #expect(target == .tab(.analytics))
        model.click(target, now: PaneFixtures.now)
        #expect(model.pane == .analytics)
        #expect(Self.locate("Revenue", in: buffer, fromRow: 1)?.y != 1)
        #expect(buffer.clickTarget(x: width - 2, y: 1) == nil)
    }

    @Test("A queue row click moves the cursor there; a click on its mark selects it", arguments: [(80, 24), (160, 48)])
    func queueRows(width: Int, height: Int) throws {
        var model = Self.dashboard(.approvals)
        let items = model.approvals.visible
        let index = 3
        let buffer = Self.frame(model, width: width, height: height)
        let title = String(items[index].title.prefix(10))
        let rowFound = Self.locate(title, in: buffer)
        let row = try #require(rowFound, "the title is not on screen")
        #expect(buffer.clickTarget(x: row.x, y: row.y) == .queueRow(index))
        model.click(.queueRow(index), now: PaneFixtures.now)
        #expect(model.approvals.cursor == index)
        #expect(model.approvals.current?.id == items[index].id)

        let markFound = Self.locate("○", in: buffer, fromRow: row.y)
        let mark = try #require(markFound, "○ not on screen")
        #expect(mark.y == row.y)
        let targetHit = buffer.clickTarget(x: mark.x, y: mark.y)
        let target = try #require(targetHit)
        #expect(target == .queueMark(index))
        model.click(target, now: PaneFixtures.now)
        #expect(model.approvals.selected == [items[index].id])
        // Clicks select; they never decide.
        #expect(model.approvals.all.count == items.count)
        #expect(model.approvals.mode == .browsing)
    }

    @Test("While editing or rejecting, clicks on the queue are held back")
    func editorHoldsClicks() throws {
        var model = Self.dashboard(.approvals)
        _ = model.approvals.send(.beginEdit, now: PaneFixtures.now)
        let buffer = Self.frame(model)
        for y in 2..<22 { #expect(buffer.clickTarget(x: 5, y: y) == .overlay) }
        #expect(buffer.clickTarget(x: 20, y: 1) != .overlay)
    }

    @Test("A click on a month-grid day focuses it; on one of its posts, selects that post", arguments: [(80, 24), (160, 48)])
    func calendarMonth(width: Int, height: Int) throws {
        var model = Self.dashboard(.calendar)
        let buffer = Self.frame(model, width: width, height: height)
        let decemberFound = Self.locate("1 Dec", in: buffer)
        let december = try #require(decemberFound, "1 Dec not on screen")
        let targetHit = buffer.clickTarget(x: december.x, y: december.y)
        let target = try #require(targetHit)
        let first = date("2026-11-30T23:00:00Z") // midnight on 1 December in Berlin
        #expect(target == .day(first))
        model.click(target, now: PaneFixtures.now)
        #expect(model.calendar.cursorDay == first)
        #expect(model.calendar.entryIndex == 0)

        // The lines under the number are the day's posts in time order (one fits at 80×24).
        let index = height >= 48 ? 1 : 0
        let entryHit = buffer.clickTarget(x: december.x, y: december.y + 1 + index)
        let entry = try #require(entryHit)
        #expect(entry == .calendarEntry(day: first, index: index))
        model.click(entry, now: PaneFixtures.now)
        #expect(model.calendar.cursorDay == first)
        #expect(model.calendar.selectedEntry == model.calendar.dayEntries[index])
    }

    @Test("Week columns and agenda lines click through to their day and post")
    func calendarWeekAndAgenda() throws {
        var model = Self.dashboard(.calendar)
        model.calendar = PaneFixtures.calendar(days: 2, views: 1)
        let week = Self.frame(model, width: 160, height: 48)
        let headerFound = Self.locate("Tue 1", in: week)
        let header = try #require(headerFound, "Tue 1 not on screen")
        let day = date("2026-11-30T23:00:00Z")
        #expect(week.clickTarget(x: header.x, y: header.y) == .day(day))
        // Narrow week columns give each post two lines: the third post starts on the fifth line down.
        #expect(week.clickTarget(x: header.x, y: header.y + 5) == .calendarEntry(day: day, index: 2))
        #expect(week.clickTarget(x: header.x, y: header.y + 6) == .calendarEntry(day: day, index: 2))

        model.calendar.cycleView()
        let agenda = Self.frame(model, width: 80, height: 24)
        let webinarFound = Self.locate("Webinar", in: agenda)
        let webinar = try #require(webinarFound, "Webinar not on screen")
        let targetHit = agenda.clickTarget(x: webinar.x, y: webinar.y)
        let target = try #require(targetHit)
        model.click(target, now: PaneFixtures.now)
        #expect(model.calendar.selectedEntry?.title == "Webinar reminder")
    }

    @Test("Agent rows and top posts select on click")
    func insightRows() throws {
        let fixture = try PaneFixture.shared.get()
        var model = Self.dashboard(.agents)
        model.agents.load(fixture.agents)
        let agents = Self.frame(model)
        let name = fixture.agents[4].agent.name
        let rowFound = Self.locate(name, in: agents)
        let row = try #require(rowFound, "the name is not on screen")
        let targetHit = agents.clickTarget(x: row.x, y: row.y)
        let target = try #require(targetHit)
        #expect(target == .agentRow(4))
        model.click(target, now: PaneFixtures.now)
        #expect(model.agents.selected?.agent.name == name)

        _ = model.select(.analytics)
        model.analytics.load(fixture.analytics)
        let analytics = Self.frame(model, width: 160, height: 48)
        let title = String(fixture.analytics.topPosts[2].title.prefix(12))
        let postFound = Self.locate(title, in: analytics)
        let post = try #require(postFound, "the title is not on screen")
        #expect(analytics.clickTarget(x: post.x, y: post.y) == .topPost(2))
        model.click(.topPost(2), now: PaneFixtures.now)
        #expect(model.analytics.topIndex == 2)
    }

    @Test("An open overlay covers the whole screen")
    func overlayCovers() {
        let buffer = Self.frame(Self.dashboard(.approvals), prompt: .help(offset: 0))
        #expect(buffer.clickTarget(x: 0, y: 1) == .overlay)
        #expect(buffer.clickTarget(x: 40, y: 10) == .overlay)
    }
}

/// Failed expectations about a frame name its size instead of dumping every cell.
extension CellBuffer: CustomTestStringConvertible {
    public var testDescription: String { "\(width)×\(height) frame" }
}
