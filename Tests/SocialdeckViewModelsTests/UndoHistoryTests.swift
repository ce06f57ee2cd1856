import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTestSupport
import SocialdeckViewModels
import Testing

/// The dashboard's one undo stack (issue #10, item 4): every write that went through can
/// be undone from any pane within its window, through the core, and says what it undid.
@Suite("Undo history")
struct UndoHistoryTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }

    func loaded(_ identity: Identity, zone: String = "Europe/Berlin") throws -> DashboardModel { try ws.loaded(identity, zone: zone) }

    func runner(_ identity: Identity) -> CommandRunner {
        CommandRunner(store: ws.store, identity: identity, clock: { [now = ws.now] in now }, deliver: { _, _ in })
    }

    func post(_ id: ObjectId) throws -> Content { try ContentWorkflow(store: ws.store).post(id, for: ws.manager) }

    /// Carries out what the controllers asked for, as the runtime does: messages at once,
    /// then each command, whose outcome comes back afterwards.
    func apply(_ effects: [DashboardEffect], to model: inout DashboardModel, at now: Date) {
        for case .show(let message) in effects { model.show(message, now: now) }
        for case .run(let command) in effects { model.finished(runner(ws.manager).complete(command), now: now) }
    }

    /// A draft under no platform's limit, so `a` approves at once.
    func cursorOnADraftWithinLimits(_ model: inout DashboardModel) throws -> QueueItem {
        _ = model.select(.approvals)
        while model.approvals.current?.isOverLimit == true { _ = model.approvals.send(.moveDown, now: ws.now) }
        return try #require(model.approvals.current)
    }

    @Test func anApprovalCanBeUndoneWithinItsWindowOnly() throws {
        var model = try loaded(ws.manager)
        let context = ActionContext(now: ws.now, screenRows: 10)
        let draft = try cursorOnADraftWithinLimits(&model)
        apply(DashboardControllers.handle(.approve, in: &model, context: context), to: &model, at: ws.now)
        #expect(try post(draft.id).approval.status == .approved)
        #expect(model.flashText(at: ws.now.addingTimeInterval(1)) == "1 draft approved · u undo (4 s)")
        #expect(model.flashText(at: ws.now.addingTimeInterval(4.5)) == "approved “\(draft.title)” · u undo (1 s)")
        #expect(model.flashText(at: ws.now.addingTimeInterval(5)) == nil, "the offer goes when the window closes")
        #expect(!model.canUndo(at: ws.now.addingTimeInterval(5)))

        var late = model
        #expect(DashboardControllers.handle(.undo, in: &late, context: ActionContext(now: ws.now.addingTimeInterval(6), screenRows: 10))
                == [.show("nothing to undo")])

        let undo = DashboardControllers.handle(.undo, in: &model, context: ActionContext(now: ws.now.addingTimeInterval(4), screenRows: 10))
        apply(undo, to: &model, at: ws.now.addingTimeInterval(4))
        #expect(try post(draft.id).approval == Content.Approval())
        #expect(model.flashText(at: ws.now.addingTimeInterval(4)) == "undid: approved “\(draft.title)”; back in the queue")
        #expect(!model.canUndo(at: ws.now.addingTimeInterval(4)), "an undo is not itself undoable")
    }

    /// One stack for every pane: a move in the calendar and an approval in the queue are
    /// undone newest first, from whichever pane is open.
    @Test func oneStackForEveryPane() throws {
        var model = try loaded(ws.manager, zone: "UTC")
        let context = ActionContext(now: ws.now, screenRows: 10)
        let draft = try cursorOnADraftWithinLimits(&model)
        apply(DashboardControllers.handle(.approve, in: &model, context: context), to: &model, at: ws.now)

        _ = model.select(.calendar)
        let entry = try #require(model.calendar.entries.first {
            $0.time > ws.now && $0.status == .scheduled && $0.approval == .approved && $0.postId != draft.id
        })
        model.calendar.focus(day: entry.time)
        model.calendar.focus(day: entry.time, entry: try #require(model.calendar.dayEntries.firstIndex { $0.key == entry.key }))
        let before = try post(entry.postId)
        #expect(DashboardControllers.handle(.reschedule, in: &model, context: context).isEmpty)
        #expect(model.prompt == .moveTo(MovePrompt(postTitle: entry.title)))
        let move = try CalendarController.move(to: "2026-12-24 18:00", in: &model, now: ws.now).get()
        apply(move, to: &model, at: ws.now.addingTimeInterval(1))
        #expect(try post(entry.postId).platforms.contains { $0.scheduledAt == date("2026-12-24T18:00:00Z") })
        #expect(model.calendar.cursorDay == date("2026-12-24T00:00:00Z"), "the calendar follows the post it moved")

        _ = model.select(.approvals)
        apply(model.undoLast(now: ws.now.addingTimeInterval(2)), to: &model, at: ws.now.addingTimeInterval(2))
        #expect(try post(entry.postId).platforms == before.platforms)
        let when = model.calendar.dateText(try #require(before.platforms.compactMap(\.scheduledAt).min()))
        #expect(model.flashText(at: ws.now.addingTimeInterval(2)) == "undid: moved “\(entry.title)” back to \(when)")
        #expect(try post(draft.id).approval.status == .approved, "only the newest change was undone")

        _ = model.select(.calendar)
        apply(model.undoLast(now: ws.now.addingTimeInterval(3)), to: &model, at: ws.now.addingTimeInterval(3))
        #expect(try post(draft.id).approval.status == .pending)
    }

    @Test func anEditCanBeUndone() throws {
        var model = try loaded(ws.manager)
        let context = ActionContext(now: ws.now, screenRows: 10)
        let draft = try cursorOnADraftWithinLimits(&model)
        _ = DashboardControllers.handle(.edit, in: &model, context: context)
        for c in " Now with oat milk." {
            _ = DashboardControllers.editorKey(c == " " ? Key(.space) : .character(c), in: &model, context: context)
        }
        apply(DashboardControllers.editorKey(.ctrl("o"), in: &model, context: context) ?? [], to: &model, at: ws.now)
        #expect(try post(draft.id).content.text == draft.text + " Now with oat milk.")
        apply(model.undoLast(now: ws.now.addingTimeInterval(1)), to: &model, at: ws.now.addingTimeInterval(1))
        #expect(try post(draft.id).content.text == draft.text)
        #expect(model.flashText(at: ws.now.addingTimeInterval(1)) == "undid: edited “\(draft.title)”; the earlier text is back")
    }

    /// Someone else changed the post after the approval: the undo is refused and says so,
    /// and their change stands.
    @Test func anUndoOverSomeoneElsesChangeIsRefused() throws {
        var model = try loaded(ws.manager)
        let context = ActionContext(now: ws.now, screenRows: 10)
        let draft = try cursorOnADraftWithinLimits(&model)
        apply(DashboardControllers.handle(.approve, in: &model, context: context), to: &model, at: ws.now)
        try ContentWorkflow(store: ws.store, clock: { [now = ws.now] in now })
            .reschedule(draft.id, to: ws.now.addingTimeInterval(7 * 86_400), by: ws.manager)
        let moved = try post(draft.id)
        apply(model.undoLast(now: ws.now.addingTimeInterval(1)), to: &model, at: ws.now.addingTimeInterval(1))
        #expect(try post(draft.id) == moved)
        #expect(model.flashText(at: ws.now.addingTimeInterval(1))
                == "could not undo: “\(draft.title)” was changed by someone else since; nothing was undone")
    }

    /// A command that failed leaves nothing to undo.
    @Test func aFailedCommandIsNotOffered() throws {
        var model = try loaded(ws.manager)
        let draft = try cursorOnADraftWithinLimits(&model)
        let command = model.approvals.send(.approve, now: ws.now)[0]
        model.finished(CommandOutcome(.approvals(command), failure: CommandFailure(message: "store unreachable", failedIds: [draft.id])),
                       now: ws.now)
        #expect(!model.canUndo(at: ws.now))
        #expect(model.undoLast(now: ws.now) == [.show("nothing to undo")])
    }

    @Test func theStackDropsWhatHasExpired() throws {
        var model = try loaded(ws.manager)
        let draft = try cursorOnADraftWithinLimits(&model)
        let outcome = runner(ws.manager).complete(.approvals(.approve([draft.id])))
        var history = UndoHistory()
        history.record(outcome.changes, summary: "approved", at: ws.now)
        #expect(history.hint(at: ws.now.addingTimeInterval(0.2)) == "u undo (5 s)")
        #expect(history.take(at: ws.now.addingTimeInterval(UndoHistory.window)) == nil)
        history.record([], summary: "nothing", at: ws.now)
        #expect(history.entries.isEmpty)
    }
}
