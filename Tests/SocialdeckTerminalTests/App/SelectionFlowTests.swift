import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Issue #10, item 1: the selection follows the item, not the row number. Two writers
/// share one store: the app under test, and another person acting through the core.
@Suite("Selection follows the item in-process")
struct SelectionFlowTests {
    /// Someone else in the same organization, acting through the core as a second dashboard would.
    static func someoneElse(_ app: AppHarness, _ email: String = "admin@acme.example") throws -> Identity {
        let user = try #require(try ModelCollection(app.store, User.self).first(.eq("email", email)))
        return Identity(principal: .customer(userId: user._id, organizationId: user.organizationId, role: user.role),
                        sessionId: "second-dashboard", context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
    }

    static func approval(_ app: AppHarness, _ id: ObjectId) throws -> Content.Approval {
        try #require(try ModelCollection(app.store, Content.self).get(id)).approval
    }

    /// The queue's drafts, as the app lists them now.
    static func queue(_ app: AppHarness) throws -> [QueueItem] { try app.dashboard().approvals.visible }

    /// The issue's own steps: A's cursor on row 4, B approves row 1, A refreshes and presses `a`.
    @Test func anApprovalElsewhereDoesNotShiftTheCursorOntoAnotherDraft() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2")
        let rows = try Self.queue(app)
        try #require(rows.count >= 5)
        try app.press("j", "j", "j")
        let seen = rows[3].id
        #expect(try app.dashboard().approvals.current?.id == seen)

        try ContentWorkflow(store: app.store).approve(rows[0].id, by: Self.someoneElse(app))
        app.refresh()
        #expect(try app.dashboard().approvals.current?.id == seen, "the cursor stays on the draft A was reading")
        #expect(app.screen.contains("3/\(rows.count - 1)"), "its row number changes instead")
        try app.press("a")
        #expect(try Self.approval(app, seen).status == .approved)
        #expect(try Self.approval(app, rows[4].id).status == .pending, "the draft that slid into row 4 is not approved")
    }

    /// When the draft under the cursor is the one decided elsewhere, the cursor moves to
    /// its neighbour and the screen says what happened and where it is now.
    @Test func whenTheSelectedDraftLeavesTheScreenSaysSo() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2")
        let rows = try Self.queue(app)
        try #require(rows.count >= 5)
        try app.press("j", "j", "j")
        try ContentWorkflow(store: app.store).approve(rows[3].id, by: Self.someoneElse(app))
        app.refresh()
        let model = try app.dashboard()
        #expect(model.approvals.current?.id == rows[4].id, "the next draft down takes its place")
        let notice = "“\(rows[3].title)” left the queue (approved by someone else); now on “\(rows[4].title)”"
        #expect(model.approvals.message == notice)
        #expect(app.screen.contains("left the queue (approved by someone else)"))
    }

    /// A key pressed while the old frame was on screen applies to what that frame showed,
    /// even when a refresh arrives in the same turn of the loop, before the key is read.
    @Test func aKeyPressedBeforeARefreshLandsActsOnWhatWasOnScreen() throws {
        let app = try AppHarness()
        try app.signIn()
        try app.press("2")
        let rows = try Self.queue(app)
        try #require(rows.count >= 5)
        try app.press("j", "j", "j")
        let other = try Self.someoneElse(app)
        try ContentWorkflow(store: app.store).approve(rows[3].id, by: other)
        // `a` is waiting in the terminal when the refresh's snapshot is delivered.
        app.terminal.queue(.key(.character("a")))
        app.refresh()
        #expect(try Self.approval(app, rows[4].id).status == .pending, "the neighbour the refresh moved to is not approved")
        #expect(try Self.approval(app, rows[3].id).approvedBy == other.actorId, "the draft on screen was already decided")
    }

    /// The calendar's day list keeps its post when an earlier post of the day goes away.
    @Test func theCalendarDayListKeepsItsPost() throws {
        let app = try AppHarness(posts: 200)
        try app.signIn()
        try app.press("1")
        var model = try app.dashboard()
        // A day ahead whose list has a post after an earlier, movable post of another draft.
        let movable = { (e: CalendarModel.Entry) in e.time > app.now && e.status != .published && e.status != .publishing }
        let candidates = model.calendar.byDay.sorted { $0.key < $1.key }.compactMap { day, entries -> (Date, Int)? in
            let list = entries.sorted { $0.time < $1.time }
            guard let index = list.indices.dropFirst().dropLast().first(where: { i in
                list[..<i].contains { movable($0) && $0.postId != list[i].postId }
            }) else { return nil }
            return (day, index)
        }
        let (day, index) = try #require(candidates.first, "the seed has a busy day ahead")
        while model.calendar.cursorDay != day {
            try app.press(model.calendar.cursorDay < day ? "l" : "h")
            model = try app.dashboard()
        }
        try app.press("v", "v")  // the agenda, where j moves through the day's posts
        for _ in 0..<index { try app.press("j") }
        model = try app.dashboard()
        let selected = try #require(model.calendar.selectedEntry)
        let earlier = try #require(model.calendar.dayEntries.prefix(index).first { movable($0) && $0.postId != selected.postId })
        try ContentWorkflow(store: app.store).unschedule(earlier.postId, by: Self.someoneElse(app))
        app.refresh()
        model = try app.dashboard()
        #expect(model.calendar.selectedEntry?.postId == selected.postId)
        #expect(model.calendar.selectedEntry?.platform == selected.platform)
    }
}

extension AppHarness {
    /// Opens the calendar on the first day ahead holding a post that `pick` accepts, and
    /// selects it with the keys a person would use.
    @discardableResult
    func selectCalendarEntry(where pick: (CalendarModel.Entry) -> Bool) throws -> CalendarModel.Entry {
        try press("1")
        var model = try dashboard()
        var found: (Date, Int)?
        for (day, entries) in model.calendar.byDay.sorted(by: { $0.key < $1.key }) {
            if let index = entries.sorted(by: { $0.time < $1.time }).firstIndex(where: pick) {
                found = (day, index)
                break
            }
        }
        let (day, index) = try #require(found, "the seed has such a post ahead")
        while model.calendar.cursorDay != day {
            try press(model.calendar.cursorDay < day ? "l" : "h")
            model = try dashboard()
        }
        for _ in 0..<index { try press("enter") }
        return try #require(try dashboard().calendar.selectedEntry)
    }

    /// A post as stored now.
    func stored(_ id: ObjectId) throws -> Content {
        try #require(try ModelCollection(store, Content.self).get(id))
    }
}
