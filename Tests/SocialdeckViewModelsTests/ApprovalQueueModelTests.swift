import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels
import Testing

@Suite("Approval queue view model")
struct ApprovalQueueModelTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }

    func loaded(_ identity: Identity) throws -> (DashboardModel, DashboardSnapshot) {
        var model = ws.dashboard(identity)
        let snap = try ws.snapshot(identity, model: model)
        model.receive(.init(result: .success(snap), request: model.request, duration: 0.01), now: ws.now)
        return (model, snap)
    }

    @Test func theQueueIsPendingDraftsSoonestFirstOfOneOrganization() throws {
        let (model, _) = try loaded(ws.manager)
        let items = model.approvals.visible
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0.organization == "Acme Coffee Roasters" })
        let times = items.compactMap(\.scheduledAt)
        #expect(times == times.sorted())
        #expect(items.drop { $0.scheduledAt != nil }.allSatisfy { $0.scheduledAt == nil }, "unscheduled drafts come last")
        #expect(items.contains { $0.isAIDraft && $0.confidence != nil })
    }

    @Test func approvingIsOneKeystrokeAndMovesOn() throws {
        var (model, _) = try loaded(ws.manager)
        let first = try #require(model.approvals.current)
        let second = model.approvals.visible[1].id
        let commands = model.approvals.send(.approve, now: ws.now)
        #expect(commands == [.approve([first.id])])
        #expect(model.approvals.current?.id == second)
        #expect(model.approvals.message?.contains("approved") == true)
        let runner = CommandRunner(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now }, deliver: { _, _ in })
        try runner.execute(.approvals(commands[0]))
        let stored = try ContentWorkflow(store: ws.store).post(first.id, for: ws.manager)
        #expect(stored.approval.status == .approved)
        #expect(stored.approval.approvedBy == ws.manager.actorId)
    }

    @Test func moveToPutsTheCursorOnARowAndStaysInTheList() throws {
        var (model, _) = try loaded(ws.manager)
        let count = model.approvals.visible.count
        #expect(model.approvals.send(.moveTo(2), now: ws.now).isEmpty)
        #expect(model.approvals.cursor == 2)
        _ = model.approvals.send(.moveTo(count + 10), now: ws.now)
        #expect(model.approvals.cursor == count - 1)
        _ = model.approvals.send(.moveTo(-3), now: ws.now)
        #expect(model.approvals.cursor == 0)
    }

    @Test func rejectAsksForAReasonAndEditsUnicode() throws {
        var (model, _) = try loaded(ws.manager)
        let target = try #require(model.approvals.current).id
        #expect(model.approvals.send(.beginReject, now: ws.now).isEmpty)
        #expect(model.approvals.send(.submit, now: ws.now).isEmpty, "an empty reason is refused")
        _ = model.approvals.send(.beginReject, now: ws.now)
        for part in ["Off-brand ", "tone 🙅‍♀️", "x"] { _ = model.approvals.send(.typed(part), now: ws.now) }
        _ = model.approvals.send(.backspace, now: ws.now)
        #expect(model.approvals.send(.submit, now: ws.now) == [.reject([target], reason: "Off-brand tone 🙅‍♀️")])
    }

    @Test func bulkSelectionDecidesEverySelectedDraft() throws {
        var (model, _) = try loaded(ws.manager)
        let ids = model.approvals.visible.prefix(3).map(\.id)
        for _ in 0..<3 { _ = model.approvals.send(.toggleSelect, now: ws.now) }
        #expect(model.approvals.selected == Set(ids))
        #expect(model.approvals.send(.approve, now: ws.now) == [.approve(ids)])
        #expect(model.approvals.selected.isEmpty)
        #expect(!model.approvals.visible.contains { ids.contains($0.id) })
    }

    @Test func aFailedCommandBringsTheDraftBack() throws {
        var (model, _) = try loaded(ws.manager)
        let id = try #require(model.approvals.current).id
        let cmd = model.approvals.send(.approve, now: ws.now)[0]
        _ = model.approvals.send(.finished(cmd, failure: CommandFailure(message: "store unreachable", failedIds: [id])), now: ws.now)
        #expect(model.approvals.visible.contains { $0.id == id })
        #expect(model.approvals.message == "store unreachable")
    }

    /// Bulk actions tell the truth (issue #8, item 9): one failure in the middle leaves the
    /// others approved, undoable, and off the queue; only the failed draft comes back.
    @Test func aBulkApproveReportsEachDraft() throws {
        var (model, _) = try loaded(ws.manager)
        let ids = model.approvals.visible.prefix(3).map(\.id)
        for _ in 0..<3 { _ = model.approvals.send(.toggleSelect, now: ws.now) }
        let command = model.approvals.send(.approve, now: ws.now)[0]
        // Someone else rejects the middle draft first.
        try ContentWorkflow(store: ws.store).reject(ids[1], reason: "Off-brand", by: ws.manager)
        let runner = CommandRunner(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now }, deliver: { _, _ in })
        let outcome = runner.complete(.approvals(command))
        let failure = try #require(outcome.failure)
        #expect(failure.failedIds == [ids[1]])
        #expect(failure.message.hasPrefix("1 of 3 failed: post \(ids[1].hex) is already rejected"))
        let stored = try ids.map { try ContentWorkflow(store: ws.store).post($0, for: ws.manager).approval.status }
        #expect(stored == [.approved, .rejected, .approved])

        model.finished(outcome, now: ws.now.addingTimeInterval(1))
        #expect(model.approvals.message == failure.message)
        #expect(model.approvals.visible.contains { $0.id == ids[1] })
        #expect(!model.approvals.visible.contains { $0.id == ids[0] || $0.id == ids[2] })
        let undo = model.undoLast(now: ws.now.addingTimeInterval(2))
        guard case .run(.undo(let changes))? = undo.first else { Issue.record("no undo: \(undo)"); return }
        #expect(changes.map(\.id) == [ids[2], ids[0]], "the two that went through, newest first")
    }

    @Test func aViewerCannotDecide() throws {
        var (model, _) = try loaded(ws.viewer)
        #expect(model.approvals.send(.approve, now: ws.now).isEmpty)
        #expect(model.approvals.message == "your role cannot approve")
        #expect(model.approvals.send(.beginEdit, now: ws.now).isEmpty)
    }

    @Test func filteringAndCursorMovesStayInBounds() throws {
        var (model, _) = try loaded(ws.manager)
        _ = model.approvals.send(.bottom, now: ws.now)
        _ = model.approvals.send(.pageDown(10), now: ws.now)
        #expect(model.approvals.cursor == model.approvals.visible.count - 1)
        _ = model.approvals.send(.setFilter("zzz-no-such-text"), now: ws.now)
        #expect(model.approvals.visible.isEmpty && model.approvals.current == nil)
        #expect(model.approvals.send(.approve, now: ws.now).isEmpty)
    }

    @Test func editingKeepsGraphemesWhole() {
        var editor = TextEditor(text: "Café 👩‍💻")
        editor.backspace()
        #expect(editor.text == "Café ")
        editor.left(); editor.left()
        editor.insert("\u{1F1E9}\u{1F1EA}")
        #expect(editor.text == "Caf🇩🇪é ")
        editor.newline()
        #expect(editor.text == "Caf🇩🇪\né ")
        editor.insert("\u{1B}[2J")
        #expect(!editor.text.contains("\u{1B}"))
    }

    @Test func previewWrapsAtWords() {
        let lines = PostPreview.lines("Hello world, this is a long line\nand a second", width: 12, measure: { $0.count })
        #expect(lines == ["Hello world,", "this is a", "long line", "and a second"])
        #expect(PostPreview.lines("abcdefghijklmno", width: 5, measure: { $0.count }) == ["abcde", "fghij", "klmno"])
    }

    @Test func overLimitDraftsAreMarked() throws {
        let (model, snap) = try loaded(ws.manager)
        var post = try #require(snap.queue.first)
        post.content.text = String(repeating: "a", count: 300)
        post.platforms = [.init(platform: .twitter, status: .draft)]
        let item = QueueItem(post, snapshot: snap)
        #expect(item.isOverLimit && item.lengths[0].count == 300 && item.lengths[0].limit == 280)
        _ = model
    }
}
