import Foundation
import SocialdeckViewModels
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
@testable import SocialdeckTerminal

/// The whole app in-process, driven by scripted keys on the in-memory terminal, with a
/// test clock and a refresh ticker fired by hand: whole frames are checked, and the
/// store afterwards.
@Suite("App flows in-process")
struct AppFlowTests {
    func pending(_ app: AppHarness) throws -> [Content] {
        try ModelCollection(app.store, Content.self).find(.eq("approval.status", ApprovalStatus.pending), sort: [.asc("_id")])
    }

    @Test func signInAndSwitchPanes() throws {
        let app = try AppHarness()
        #expect(app.screen.contains("socialdeck · sign in"))
        try app.signIn()
        #expect(app.screen.contains("Approvals"))
        try app.press("1")
        #expect(app.screen.contains("month"))
        try app.press("3")
        #expect(app.screen.contains("Last 30 days"))
        try app.press("4")
        #expect(app.screen.contains("Intelligence"))
        try app.press("5")
        #expect(app.screen.contains("your role cannot open Revenue"))
        try app.press("q")
        #expect(!app.isRunning)
    }

    /// Keys the role cannot use are dimmed in the footer, and `?` says why.
    @Test func unavailableKeysAreDimmedAndExplained() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("4")
        let footer = app.frame.height - 1
        let row = app.screen.split(separator: "\n", omittingEmptySubsequences: false)[footer]
        let column = try #require(row.range(of: "p pause")).lowerBound.utf16Offset(in: row)
        let help = try #require(row.range(of: "? help")).lowerBound.utf16Offset(in: row)
        #expect(app.frame.cell(x: column, y: footer)?.style != app.frame.cell(x: help, y: footer)?.style,
                "the unavailable key is drawn differently")
        try app.press("R")
        #expect(app.screen.contains("agents are managed by staff"))
        try app.press("?")
        #expect(app.screen.contains("(agents are managed by staff)"))
    }

    @Test func aWrongPasswordIsRefusedOnTheForm() throws {
        let app = try AppHarness()
        app.type("manager@acme.example")
        try app.press("tab")
        app.type("not the password")
        try app.press("enter")
        #expect(app.screen.contains("sign-in refused"))
        #expect(app.screen.contains("socialdeck · sign in"))
    }

    @Test func approveRejectWithAReasonAndUndo() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2")
        let before = try pending(app).count
        try app.press("a")
        #expect(app.screen.contains("1 draft approved"))
        #expect(app.screen.contains("u undo (5 s)"))
        #expect(try pending(app).count == before - 1)
        try app.press("u")
        app.refresh()
        #expect(try pending(app).count == before)
        try app.press("r")
        app.type("Too salesy for the harness")
        try app.press("enter")
        app.refresh()
        let rejected = try ModelCollection(app.store, Content.self).find(.eq("approval.rejectionReason", "Too salesy for the harness"))
        #expect(rejected.count == 1)
        #expect(app.screen.contains("rejected"))
    }

    @Test func thePaletteRunsCommands() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press(":")
        app.type("goto 2026-12-25")
        try app.press("enter")
        #expect(app.screen.contains("December 2026"))
        try app.press(":")
        app.type("range 7")
        try app.press("enter")
        #expect(app.screen.contains("Last 7 days"))
        try app.press(":")
        app.type("no-such-verb")
        try app.press("enter")
        #expect(app.screen.contains("unknown command 'no-such-verb'"))
    }

    @Test func theFilterNarrowsTheQueue() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2")
        let all = app.runtimeQueueTitles
        let title = try #require(all.first)
        let matching = all.filter { $0.localizedCaseInsensitiveContains(title) }
        try #require(matching.count < all.count, "the seed has drafts with other titles")
        try app.press("/")
        app.type(title)
        #expect(app.screen.contains("filter: \(title)"))
        #expect(app.screen.contains("\(matching.count) pending · filter “\(title)”"))
        try app.press("enter")
        #expect(app.runtimeQueueTitles == matching)
        try app.press("esc")
        #expect(app.runtimeQueueTitles == all)
    }

    @Test func tooSmallAndBack() throws {
        let app = try AppHarness(width: 100, height: 30)
        try app.signIn()
        app.resize(width: 50, height: 12)
        #expect(app.screen.contains("too small"))
        app.resize(width: 100, height: 30)
        #expect(app.screen.contains("Approvals"))
        #expect(!app.screen.contains("too small"))
    }

    /// Past the inactivity timeout, the next refresh ends the session, and the sign-in
    /// screen says why, with the email filled in.
    @Test func anIdleSessionExpires() throws {
        let app = try AppHarness()
        try app.signIn()
        app.advance(by: AccountPolicy().customerSessionTimeout + 5)
        app.refresh()
        #expect(app.screen.contains("socialdeck · sign in"))
        #expect(app.screen.contains("session ended"))
        #expect(app.screen.contains("manager@acme.example"))
    }

    /// A key's frame goes out before the read it starts: the read would otherwise share
    /// the cores with drawing it (with 20 dashboards on 2 cores, a pane switch's p99).
    @Test func aPaneSwitchIsDrawnBeforeItsReadStarts() throws {
        let app = try AppHarness()
        try app.signIn()
        app.terminal.queue(.key(try Key(parsing: "3")))
        app.runtime.step()
        #expect(app.waitingRefreshes == 0, "nothing is read before the frame")
        app.runtime.render()
        #expect(app.screen.contains("Last 30 days"), "the analytics pane is drawn at once")
        #expect(app.waitingRefreshes == 1, "then its read is asked for")
        app.settle()
        #expect(try app.dashboard().analytics.report != nil)
    }

    @Test func yPutsTheSelectedDraftOnTheTerminalsClipboard() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2")
        let draft = try #require(try app.dashboard().approvals.current)
        try app.press("y")
        #expect(app.terminal.clipboard == [draft.text])
        #expect(app.screen.contains("copied the post's text"))
    }
}
