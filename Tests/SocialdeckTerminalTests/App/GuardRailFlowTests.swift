import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Issue #10, item 5: nothing wrong is approved or scheduled quietly.
@Suite("Guard rails in-process")
struct GuardRailFlowTests {
    typealias S = SelectionFlowTests

    /// Gives one of Acme's pending drafts with an X entry a 295-character text, before sign-in.
    static func overLimitDraft(_ app: AppHarness) throws -> ObjectId {
        let acme = try #require(try ModelCollection(app.store, Organization.self).first(.eq("slug", "acme")))
        let drafts = try ModelCollection(app.store, Content.self).find(
            .eq("approval.status", ApprovalStatus.pending) && .eq("organizationId", acme._id), sort: [.asc("_id")])
        let target = try #require(drafts.first { $0.platforms.contains { $0.platform == .twitter } })
        try app.store.updateOne(CollectionName.content.rawValue, .id(target._id), .set("content.text", String(repeating: "a", count: 295)))
        return target._id
    }

    static func cursor(on id: ObjectId, _ app: AppHarness) throws {
        try app.press("2")
        let index = try #require(try app.dashboard().approvals.visible.firstIndex { $0.id == id })
        try app.press("g")
        for _ in 0..<index { try app.press("j") }
        #expect(try app.dashboard().approvals.current?.id == id)
    }

    /// Today a 295/280 X post approves with one key.
    @Test func approvingOverXsLimitAsksFirst() throws {
        let app = try AppHarness()
        let id = try Self.overLimitDraft(app)
        try app.signIn()
        try Self.cursor(on: id, app)
        try app.press("a")
        #expect(app.screen.contains("X: 295/280 characters — approve anyway? y/n"))
        #expect(app.screen.contains(ApprovalQueueModel.limitHint), "the footer says how to answer")
        #expect(try app.stored(id).approval.status == .pending)
        // The question has the keyboard: pane keys do nothing until it is answered.
        try app.press("j", "r", "x", "2")
        #expect(try app.dashboard().approvals.current?.id == id)
        #expect(app.screen.contains("approve anyway? y/n"))
        try app.press("n")
        #expect(!app.screen.contains("approve anyway"))
        #expect(try app.stored(id).approval.status == .pending)
        try app.press("a", "y")
        #expect(try app.stored(id).approval.status == .approved)
    }

    /// A bulk approve names each draft over a limit and approves all only on a yes.
    @Test func aBulkApproveListsTheOffenders() throws {
        let app = try AppHarness()
        let id = try Self.overLimitDraft(app)
        try app.signIn()
        try Self.cursor(on: id, app)
        var model = try app.dashboard()
        let title = try #require(model.approvals.current?.title)
        // The over-limit draft and its neighbour, selected with space, which moves down.
        if model.approvals.cursor + 1 == model.approvals.visible.count { try app.press("k") }
        model = try app.dashboard()
        let pair = [model.approvals.visible[model.approvals.cursor].id, model.approvals.visible[model.approvals.cursor + 1].id]
        let next = try #require(pair.first { $0 != id })
        try app.press("space", "space", "a")
        #expect(try app.dashboard().approvals.limitQuestion?.contains("“\(title)” X: 295/280") == true)
        #expect(app.screen.contains("of 2 drafts are over a platform's limit"))
        #expect(app.screen.contains("X: 295/280"))
        #expect(try app.stored(id).approval.status == .pending && app.stored(next).approval.status == .pending)
        try app.press("y")
        #expect(try app.stored(id).approval.status == .approved && app.stored(next).approval.status == .approved)
    }

    /// Today a move to a time gone by goes through.
    @Test func aPostCannotBeMovedIntoThePast() throws {
        let app = try AppHarness(posts: 120)
        try app.signIn()
        let entry = try app.selectCalendarEntry(where: UndoFlowTests.movable(app))
        let before = try app.stored(entry.postId)
        try app.press("m")
        app.type("2026-11-28 09:00")
        try app.press("enter")
        #expect(try app.stored(entry.postId) == before)
        #expect(app.screen.contains("Sat 28 Nov 09:00 has passed: a post cannot be moved into"))
        #expect(try app.dashboard().prompt != nil, "the prompt stays open with what was typed")
        // The core refuses it too, whoever asks.
        #expect(throws: CoreError.self) {
            try ContentWorkflow(store: app.store, clock: { [now = app.now] in now })
                .reschedule(entry.postId, to: app.now.addingTimeInterval(-60), by: S.someoneElse(app))
        }
    }

    /// Today a rejected draft moves like any other; now the move prompt does not open, and
    /// once the draft is reopened it moves.
    @Test func aRejectedDraftCannotBeMovedUntilReopened() throws {
        let app = try AppHarness(posts: 120)
        try app.signIn()
        let entry = try app.selectCalendarEntry { UndoFlowTests.movable(app)($0) && (try? app.stored($0.postId).approval.status) == .pending }
        let other = try S.someoneElse(app)
        let workflow = ContentWorkflow(store: app.store, clock: { [now = app.now] in now })
        try workflow.reject(entry.postId, reason: "Off-brand", by: other)
        app.refresh()
        #expect(try app.dashboard().calendar.selectedEntry?.approval == .rejected)
        let before = try app.stored(entry.postId)
        try app.press("m")
        #expect(try app.dashboard().prompt == nil, "no move prompt for a rejected draft")
        #expect(app.screen.contains("was rejected; it can be scheduled or moved once it is reopened"))
        #expect(try app.stored(entry.postId) == before)

        try workflow.reopen(entry.postId, by: other)
        app.refresh()
        try app.press("m")
        app.type("21:17")
        try app.press("enter")
        #expect(try app.stored(entry.postId).platforms != before.platforms)
    }
}
