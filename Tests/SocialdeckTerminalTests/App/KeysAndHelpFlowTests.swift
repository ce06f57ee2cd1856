import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Keys and help agree (issue #10, item 8): what the role cannot use is dimmed with why,
/// `g`/`G` reach both ends of every list, Enter opens the selected item, and `?` says
/// what Space does.
@Suite("App flows in-process: keys and help")
struct KeysAndHelpFlowTests {
    /// The help overlay's line for `description`, tall enough to hold every section.
    func helpLine(_ description: String, _ app: AppHarness) throws -> String {
        try app.press("?")
        defer { _ = try? app.press("esc") }
        return try #require(app.screen.split(separator: "\n").first { $0.contains(description) }.map(String.init),
                            "help has no line for \(description):\n\(app.screen)")
    }

    @Test func aManagersHelpDimsStaffAndRevenueKeysWithTheReasonFromAnyPane() throws {
        let app = try AppHarness(width: 120, height: 80)
        try app.signIn()
        try app.press("2")
        #expect(try helpLine("Show revenue", app).contains("(your role cannot open Revenue)"))
        #expect(try helpLine("Restart the selected agent", app).contains("(agents are managed by staff)"))
        #expect(try helpLine("Pause the selected agent", app).contains("(agents are managed by staff)"))
        #expect(try helpLine("Show the agents", app).contains("your role") == false)
        try app.press("5")
        #expect(app.screen.contains("your role cannot open Revenue"))
    }

    @Test func aViewersHelpDimsThePanesItCannotOpen() throws {
        let app = try AppHarness(width: 120, height: 80)
        try app.signIn("viewer@acme.example")
        #expect(try helpLine("Show the agents", app).contains("(your role cannot open Agents)"))
        #expect(try helpLine("(your role cannot open Agents) Restart", app).contains(" R "))
    }

    @Test func gAndGReachTheEndsOfTheAgentsAndTopPostsLists() throws {
        let app = try AppHarness()
        try app.signIn("super-admin@socialdeck.example")
        try app.press("4")
        try app.press("G")
        let agents = try app.dashboard().agents
        #expect(agents.cursor == agents.rows.count - 1)
        try app.press("g")
        #expect(try app.dashboard().agents.cursor == 0)

        try app.press("3")
        app.refresh()
        let top = try #require(try app.dashboard().analytics.report?.topPosts)
        try #require(top.count > 1)
        try app.press("G")
        #expect(try app.dashboard().analytics.topIndex == top.count - 1)
        try app.press("g")
        #expect(try app.dashboard().analytics.topIndex == 0)
    }

    /// The focused day's first post that has another after it on the same day.
    func busyDay(_ app: AppHarness) throws -> (day: Date, entries: [CalendarModel.Entry]) {
        let calendar = try app.dashboard().calendar
        let (day, entries) = try #require(calendar.byDay.filter { $0.value.count > 2 }.min { $0.key < $1.key },
                                          "the seed has a day with three posts")
        return (day, entries.sorted { $0.time < $1.time })
    }

    func goTo(_ day: Date, _ app: AppHarness) throws {
        let parts = Calendar.gregorian(in: try app.dashboard().timeZone).dateComponents([.year, .month, .day], from: day)
        try app.press(":")
        app.type(String(format: "goto %04d-%02d-%02d", parts.year!, parts.month!, parts.day!))
        try app.press("enter")
    }

    @Test func gAndGReachTheFirstAndLastPostOfTheDay() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("1")
        app.refresh()
        let (day, entries) = try busyDay(app)
        try goTo(day, app)
        try app.press("G")
        #expect(try app.dashboard().calendar.selectedEntry == entries.last)
        try app.press("g")
        #expect(try app.dashboard().calendar.selectedEntry == entries.first)
    }

    /// In the month grid the arrows move between days; with a post open they step
    /// through the day's posts, and the open post follows.
    @Test func enterOnACalendarPostOpensItAndEscGoesBack() throws {
        let app = try AppHarness(width: 120, height: 36)
        try app.signIn()
        try app.press("1")
        app.refresh()
        let (day, entries) = try busyDay(app)
        try goTo(day, app)
        #expect(try app.dashboard().calendar.selectedEntry == entries[0])
        let posts = try entries.map { try #require(try ModelCollection(app.store, Content.self).get($0.postId)) }
        let openings = posts.map { String($0.content.text.prefix(20)) }
        #expect(!app.screen.contains(openings[0]), "the grid shows titles, not the text")
        try app.press("enter")
        #expect(app.screen.contains(openings[0]), "the post's text is shown:\n\(app.screen)")
        #expect(app.screen.contains(posts[0].title))
        #expect(app.screen.contains("1 of \(entries.count) on"))
        #expect(try app.dashboard().calendar.selectedEntry == entries[0], "Enter opens the post; it does not move the selection")
        try app.press("j")
        #expect(try app.dashboard().calendar.selectedEntry == entries[1])
        #expect(app.screen.contains(openings[1]))
        #expect(app.screen.contains("2 of \(entries.count) on"))
        try app.press("esc")
        #expect(!app.screen.contains(openings[1]))
        #expect(app.screen.contains("month"))
        #expect(try app.dashboard().calendar.selectedEntry == entries[1], "going back keeps the post selected")
    }

    @Test func enterOnATopPostOpensIt() throws {
        let app = try AppHarness(width: 120, height: 36)
        try app.signIn()
        try app.press("3")
        app.refresh()
        let top = try #require(try app.dashboard().analytics.report?.topPosts.first)
        let post = try #require(try ModelCollection(app.store, Content.self).get(top.id))
        try app.press("enter")
        app.refresh()
        #expect(app.screen.contains(String(post.content.text.prefix(20))), "\(app.screen)")
        try app.press("esc")
        #expect(app.screen.contains("Top posts"))
    }

    @Test func enterOnADraftOpensItWholeAndEscGoesBack() throws {
        let app = try AppHarness(width: 80, height: 24)
        try app.signIn()
        try app.press("2")
        let current = try #require(try app.dashboard().approvals.current)
        try app.press("enter")
        #expect(!app.screen.contains("pending ·") && !app.screen.contains(" pending"), "the list gives way to the draft")
        #expect(app.screen.contains(String(current.title.prefix(20))))
        try app.press("esc")
        #expect(app.screen.contains("pending"))
    }

    @Test func helpSaysThatSpaceSelectsAndMovesOn() throws {
        let app = try AppHarness(width: 120, height: 80)
        try app.signIn()
        try app.press("2")
        #expect(try helpLine("Select or unselect", app).contains("move to the next"))
        try app.press("space")
        let approvals = try app.dashboard().approvals
        #expect(approvals.selected.count == 1)
        #expect(approvals.cursor == 1)
    }
}
