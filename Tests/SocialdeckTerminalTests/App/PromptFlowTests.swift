import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Prompts own the keyboard, typed text is never lost silently, and filters say what
/// they do (issue #10, items 2, 3, 7, 8 and 10), driven through the whole app.
@Suite("App flows: prompts and filters")
struct PromptFlowTests {
    func posts(_ app: AppHarness) throws -> [Content] {
        try ModelCollection(app.store, Content.self).find(.all, sort: [.asc("_id")])
    }

    /// Opens the calendar on the local day holding `date`.
    func goTo(_ date: Date, _ app: AppHarness) throws {
        let zone = try app.dashboard().timeZone
        let d = Calendar.gregorian(in: zone).dateComponents([.year, .month, .day], from: date)
        try app.press(":")
        app.type(String(format: "goto %04d-%02d-%02d", d.year!, d.month!, d.day!))
        try app.press("enter")
        app.refresh()
    }

    /// The footer row of the frame.
    func footer(_ app: AppHarness) -> String {
        String(app.screen.split(separator: "\n", omittingEmptySubsequences: false)[app.frame.height - 1])
    }

    /// The calendar offered `/ filter` but opened nothing, so the next letter ran as a
    /// command: `x` took a post off the calendar.
    @Test func slashFiltersTheCalendarAndNoLetterRunsAsACommand() throws {
        let app = try AppHarness()
        try app.signIn()
        let scheduled = try #require(try posts(app).first { $0.platforms.contains { $0.status == .scheduled && $0.scheduledAt != nil } })
        let day = try #require(scheduled.platforms.compactMap(\.scheduledAt).min())
        try goTo(day, app)
        try app.press("v", "v")
        app.refresh()
        #expect(footer(app).contains("/ filter"))
        let before = try posts(app)
        try app.press("/")
        app.type("xm")
        #expect(app.screen.contains("filter: xm"))
        #expect(try posts(app) == before, "no letter typed into the filter ran as a command")
        try app.press("enter")
        #expect(app.screen.contains("“xm”"))
        #expect(app.screen.contains("esc clears"))
        try app.press("esc")
        #expect(!app.screen.contains("“xm”"))
        #expect(try posts(app) == before)
    }

    /// A pane with nothing to narrow does not offer `/`, and `/` opens nothing there.
    @Test func panesWithoutAListDoNotOfferAFilter() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("3")
        #expect(!footer(app).contains("/ filter"))
        try app.press("/")
        #expect((try? app.dashboard())?.prompt == nil)
    }

    @Test func ctrlCInTheEditorDoesNotQuit() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2", "e")
        try app.press("ctrl+c")
        #expect(app.isRunning)
        #expect(app.screen.contains(ApprovalsController.editorKeys))
    }

    /// Esc with changes asks; a second Esc discards; nothing reaches the store.
    @Test func escInTheEditorAsksBeforeThrowingTextAway() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2")
        let before = try posts(app)
        try app.press("e")
        app.type(" and more")
        try app.press("esc")
        #expect(app.screen.contains("discard your changes?"))
        #expect(app.screen.contains(ApprovalQueueModel.discardQuestion))
        #expect((try? app.dashboard())?.approvals.mode != .browsing, "the editor is still open")
        app.type("!")
        try app.press("esc")
        #expect((try? app.dashboard())?.approvals.mode != .browsing, "typing again means a new question")
        try app.press("esc")
        #expect((try? app.dashboard())?.approvals.mode == .browsing)
        #expect(try posts(app) == before)
        // Without changes Esc closes at once.
        try app.press("e", "esc")
        #expect((try? app.dashboard())?.approvals.mode == .browsing)
    }

    /// The move prompt names the post; a bad time keeps what was typed and says why.
    @Test func aRefusedMoveKeepsTheTextAndSaysWhy() throws {
        let app = try AppHarness()
        try app.signIn()
        let future = try #require(try posts(app).first {
            $0.approval.status != .rejected && $0.platforms.contains { $0.status == .scheduled && ($0.scheduledAt ?? .distantPast) > app.now.addingTimeInterval(86_400) }
        })
        let day = try #require(future.platforms.compactMap(\.scheduledAt).filter { $0 > app.now }.min())
        try goTo(day, app)
        let selected = try #require((try? app.dashboard())?.calendar.selectedEntry)
        try app.press("m")
        #expect(app.screen.contains("move “\(selected.title)” to:"))
        app.type("25:99")
        try app.press("enter")
        #expect(app.screen.contains("move “\(selected.title)” to: 25:99"))
        #expect(app.screen.contains("type a time like 09:30"))
        try app.press("backspace", "backspace", "backspace", "backspace", "backspace")
        app.type("10:15")
        try app.press("enter")
        #expect((try? app.dashboard())?.prompt == nil)
        app.refresh()
        let moved = try #require(try ModelCollection(app.store, Content.self).get(selected.postId))
        let local = Calendar.gregorian(in: try app.dashboard().timeZone)
        #expect(moved.platforms.compactMap(\.scheduledAt).contains { local.component(.hour, from: $0) == 10 && local.component(.minute, from: $0) == 15 })
    }

    /// A filter that matches nothing says so and how to clear it; badges are terms.
    @Test func filterStates() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2", "/")
        app.type("zzqq")
        #expect(app.screen.contains("No drafts match “zzqq” · esc clears"))
        try app.press("esc")
        #expect(!app.runtimeQueueTitles.isEmpty, "esc in the prompt clears the filter")
        try app.press("/")
        app.type("tt")
        try app.press("enter")
        let shown = try #require((try? app.dashboard())?.approvals.visible)
        #expect(!shown.isEmpty)
        #expect(shown.allSatisfy { $0.platforms.contains(.tiktok) }, "TT names TikTok, as the rows' badges do")
        #expect(app.screen.contains("filter “tt”"))
        try app.press("esc")
        #expect((try? app.dashboard())?.approvals.filter == "")
    }

    /// A message beside the keys makes them give way whole, never cut mid-word.
    @Test(arguments: [80, 110, 140])
    func aMessageBesideTheKeysDropsWholeKeys(width: Int) throws {
        let app = try AppHarness(width: width, height: 30)
        try app.signIn()
        try app.press("2", "a")
        let row = footer(app)
        let message = try #require(row.range(of: " 1 draft approved"))
        let keys = row[..<message.lowerBound].trimmingCharacters(in: .whitespaces)
        let entries = KeyBindings.defaults.footerEntries(scope: .pane(.approvals)).map(\.footerText)
        let shown = keys.components(separatedBy: "  ").filter { !$0.isEmpty }
        #expect(!shown.isEmpty)
        #expect(shown.allSatisfy(entries.contains), "the keys left of the message are whole entries: '\(keys)'")
    }

    /// Help scrolls with its own keys instead of closing on them.
    @Test func helpScrollsWithItsOwnKeys() throws {
        let app = try AppHarness(width: 100, height: 20)
        try app.signIn()
        try app.press("?")
        #expect(app.screen.contains("Keys"))
        try app.press("G")
        #expect((try? app.dashboard())?.prompt != nil, "G scrolls to the end, it does not close help")
        #expect(app.screen.contains("Show the calendar") == false)
        #expect(app.screen.contains("Reload from the store") == false || app.screen.contains("Restart the selected agent"))
        try app.press("g")
        #expect(app.screen.contains("Approve the selected drafts"))
        try app.press("space")
        #expect(!app.screen.contains("Approve the selected drafts"))
        try app.press("q")
        #expect((try? app.dashboard())?.prompt == nil)
        #expect(app.isRunning, "q closes help, not the app")
    }

    /// Staff: the palette completes organization slugs; a bare `org` explains itself.
    @Test func thePaletteCompletesOrganizations() throws {
        let app = try AppHarness()
        try app.signIn("admin@socialdeck.example")
        try app.press(":")
        app.type("org")
        try app.press("enter")
        #expect(app.screen.contains("org SLUG shows one organization, org all shows every one"))
        #expect(app.screen.contains("acme"))
        try app.press(":")
        app.type("org ac")
        #expect(app.screen.contains("org acme"))
        #expect(app.screen.contains("Acme Coffee Roasters"))
        try app.press("tab")
        #expect((try? app.dashboard())?.prompt == .palette(PromptLine("org acme"), selected: 0), "tab fills in the completion")
        try app.press("enter")
        #expect((try? app.dashboard())?.organizationFilter != nil)
        #expect(app.screen.contains("showing Acme Coffee Roasters only"))
        try app.press(":")
        app.type("org all")
        try app.press("enter")
        #expect((try? app.dashboard())?.organizationFilter == nil)
    }
}
