import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Issue #10, item 4: every change can be undone with `u` within its window, from any
/// pane, through the core, and the screen says what was undone.
@Suite("Undo in-process")
struct UndoFlowTests {
    typealias S = SelectionFlowTests

    func footer(_ app: AppHarness) throws -> String? { try app.dashboard().flashText(at: app.now) }

    /// A draft the queue approves with one key (none of its platforms over a limit).
    func cursorOnADraftWithinLimits(_ app: AppHarness) throws -> QueueItem {
        try app.press("2")
        while try app.dashboard().approvals.current?.isOverLimit == true { try app.press("j") }
        return try #require(try app.dashboard().approvals.current)
    }

    /// A post ahead that can move: scheduled or a draft, not rejected.
    static func movable(_ app: AppHarness) -> (CalendarModel.Entry) -> Bool {
        { $0.time > app.now.addingTimeInterval(86_400) && [.scheduled, .draft].contains($0.status) && $0.approval != .rejected }
    }

    /// Today `u` after an edit says "nothing to undo".
    @Test func uUndoesAnEdit() throws {
        let app = try AppHarness()
        try app.signIn()
        let draft = try cursorOnADraftWithinLimits(app)
        try app.press("e")
        app.type(" Now with oat milk.")
        try app.press("ctrl+o")
        #expect(try app.stored(draft.id).content.text == draft.text + " Now with oat milk.")
        #expect(app.screen.contains("u undo (5 s)"))
        try app.press("u")
        #expect(try app.stored(draft.id).content.text == draft.text)
        #expect(try footer(app) == "undid: edited “\(draft.title)”; the earlier text is back")
        #expect(app.screen.contains("undid: edited"))
    }

    /// Today `u` after a move or an unschedule does nothing.
    @Test func uUndoesAMoveAndAnUnschedule() throws {
        let app = try AppHarness(posts: 120)
        try app.signIn()
        let entry = try app.selectCalendarEntry(where: Self.movable(app))
        let before = try app.stored(entry.postId)
        try app.press("m")
        app.type("21:17")
        try app.press("enter")
        let moved = try app.stored(entry.postId)
        #expect(moved.platforms != before.platforms)
        #expect(app.screen.contains("u undo (5 s)"))
        try app.press("u")
        #expect(try app.stored(entry.postId).platforms == before.platforms)
        let model = try app.dashboard()
        let when = model.calendar.dateText(try #require(before.platforms.compactMap(\.scheduledAt).min()))
        #expect(try footer(app) == "undid: moved “\(entry.title)” back to \(when)")
        app.refresh()
        #expect(try app.dashboard().calendar.selectedEntry?.postId == entry.postId, "the calendar follows the post back")

        try app.press("x")
        #expect(try app.stored(entry.postId).platforms.allSatisfy { $0.scheduledAt == nil || $0.status == .published })
        try app.press("u")
        #expect(try app.stored(entry.postId).platforms == before.platforms)
        #expect(try footer(app)?.hasPrefix("undid: unscheduled “\(entry.title)”; back on ") == true)
    }

    /// The offer goes when the window closes, instead of staying in the queue's status line.
    @Test func theUndoOfferGoesWhenItsWindowCloses() throws {
        let app = try AppHarness()
        try app.signIn()
        let draft = try cursorOnADraftWithinLimits(app)
        try app.press("a")
        #expect(app.screen.contains("u undo (5 s)"))
        app.advance(by: 2)
        #expect(app.screen.contains("u undo (3 s)"))
        app.advance(by: 3.5)
        #expect(!app.screen.contains("u undo"))
        #expect(!app.screen.contains("u to undo"))
        #expect(app.runtime.wakeInterval() == 30, "nothing left to count down")
        try app.press("u")
        #expect(app.screen.contains("nothing to undo"))
        #expect(try app.stored(draft.id).approval.status == .approved)
    }

    /// One stack for the dashboard: an approval made in the queue is undone from the calendar.
    @Test func uWorksFromAnotherPane() throws {
        let app = try AppHarness()
        try app.signIn()
        let draft = try cursorOnADraftWithinLimits(app)
        try app.press("a")
        #expect(try app.stored(draft.id).approval.status == .approved)
        try app.press("1")
        try app.press("u")
        #expect(try app.stored(draft.id).approval.status == .pending)
        #expect(try footer(app) == "undid: approved “\(draft.title)”; back in the queue")
        try app.press("2")
        app.refresh()
        #expect(try app.dashboard().approvals.current?.id == draft.id, "the draft is back under the cursor")
    }

    /// A bulk approve is undone as one.
    @Test func aBulkApproveIsUndoneAsOne() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2")
        let rows = try app.dashboard().approvals.visible.filter { !$0.isOverLimit }.prefix(3).map(\.id)
        for id in rows {
            while try app.dashboard().approvals.current?.id != id { try app.press("j") }
            try app.press("space")
        }
        try app.press("a")
        #expect(try rows.allSatisfy { try app.stored($0).approval.status == .approved })
        try app.press("u")
        #expect(try rows.allSatisfy { try app.stored($0).approval.status == .pending })
        #expect(try footer(app) == "undid: approved 3 drafts; back in the queue")
    }

    /// Someone else moved the post after it was approved: the undo is refused, says so,
    /// and their change stands.
    @Test func anUndoIsRefusedWhenSomeoneChangedThePostSince() throws {
        let app = try AppHarness()
        try app.signIn()
        let draft = try cursorOnADraftWithinLimits(app)
        try app.press("a")
        try ContentWorkflow(store: app.store, clock: { [now = app.now] in now })
            .reschedule(draft.id, to: app.now.addingTimeInterval(5 * 86_400), by: S.someoneElse(app))
        let theirs = try app.stored(draft.id)
        try app.press("u")
        #expect(try app.stored(draft.id) == theirs)
        #expect(try footer(app) == "could not undo: “\(draft.title)” was changed by someone else since; nothing was undone")
    }
}
