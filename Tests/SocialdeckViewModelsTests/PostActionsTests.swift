import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
@testable import SocialdeckViewModels

/// `D` and `d` on a post (issue #12): duplicate it as a new draft, delete it after a yes,
/// through the real runner and core; roles that may not are told why.
@Suite("Post actions")
struct PostActionsTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }
    var context: ActionContext { ActionContext(now: ws.now, screenRows: 10) }

    func loaded(_ identity: Identity) throws -> DashboardModel { try ws.loaded(identity) }

    func run(_ effects: [DashboardEffect], in model: inout DashboardModel) throws {
        let runner = CommandRunner(store: ws.store, identity: ws.manager, clock: { [now = ws.now] in now }) { _, _ in }
        for case .run(let command) in effects { model.finished(runner.complete(command), now: ws.now) }
    }

    @Test func duplicateMakesANewDraftAndDeleteAsksFirst() throws {
        var model = try loaded(ws.manager)
        _ = model.select(.approvals)
        let draft = try #require(model.approvals.current)
        let copies = { try ModelCollection(ws.store, Content.self).count(.eq("title", draft.title + " (copy)")) }
        let before = try copies()

        let duplicate = DashboardControllers.handle(.duplicate, in: &model, context: context)
        #expect(duplicate == [.run(.post(.duplicate(draft.id, title: draft.title)))])
        try run(duplicate ?? [], in: &model)
        #expect(try copies() == before + 1)
        #expect(model.flash?.text.contains("copied as a new draft for approval") == true)

        #expect(DashboardControllers.handle(.deletePost, in: &model, context: context) == [])
        #expect(model.prompt == .confirmDelete(draft.id, title: draft.title))
        #expect(model.prompt?.keysHint.contains("n or esc keep it") == true)
        #expect(PromptController.key(.character("q"), in: &model, context: context) == [], "other keys wait for y or n")
        #expect(PromptController.key(.character("n"), in: &model, context: context) == [])
        #expect(model.prompt == nil)
        #expect(try ModelCollection(ws.store, Content.self).get(draft.id) != nil, "n keeps it")

        _ = DashboardControllers.handle(.deletePost, in: &model, context: context)
        let yes = PromptController.key(.character("y"), in: &model, context: context)
        #expect(yes == [.run(.post(.delete(draft.id, title: draft.title)))])
        try run(yes ?? [], in: &model)
        #expect(try ModelCollection(ws.store, Content.self).get(draft.id) == nil, "gone from every list")
        #expect(try ModelCollection(ws.store, Content.self).get(draft.id, includeDeleted: true)?.deletedAt != nil, "kept, softly deleted")
        #expect(model.flash?.text.hasSuffix("deleted") == true)
    }

    /// `:repeat` on the selected draft: weekly slots in the viewer's zone (Berlin here),
    /// through the runner to a recurring schedule.
    @Test func repeatFromThePaletteMakesASchedule() throws {
        var model = try loaded(ws.manager)
        _ = model.select(.approvals)
        let draft = try #require(model.approvals.current)
        let effects = PaletteCommand("repeat mon 09:00, thu 17:30")?.run(in: &model)
        let rule = RecurrenceRule.weekly([.init(weekday: 1, time: .init(hour: 9, minute: 0)), .init(weekday: 4, time: .init(hour: 17, minute: 30))],
                                         in: "Europe/Berlin")
        #expect(effects == [.run(.post(.repeatPost(draft.id, title: draft.title, rule: rule)))])
        try run(effects ?? [], in: &model)
        let schedule = try #require(try ModelCollection(ws.store, RecurringSchedule.self).first(.eq("kind", RecurringSchedule.Kind.post)))
        #expect(schedule.rule == rule && schedule.post?.title == draft.title)
        #expect(model.flash?.text.contains("repeats Mon 09:00, Thu 17:30 (Europe/Berlin)") == true)

        #expect(PaletteCommand("repeat every 2 at 08:15")?.run(in: &model).map { effects in
            effects.contains { if case .run(.post(.repeatPost(_, _, let rule))) = $0 { return rule.everyDays == 2 } else { return false } }
        } == true)
        #expect(PaletteCommand("repeat sometimes")?.run(in: &model)
                == [.show("repeat mon 09:00, thu 17:30 (weekly slots) or repeat every 2 at 09:00 (days), in your time zone")])
    }

    @Test func aViewerIsToldWhyNot() throws {
        var model = try loaded(ws.viewer)
        _ = model.select(.calendar)
        #expect(DashboardControllers.unavailableReason(.duplicate, in: model) == "your role cannot write posts")
        #expect(DashboardControllers.unavailableReason(.deletePost, in: model) == "your role cannot delete posts")
    }
}
