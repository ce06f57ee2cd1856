import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels

/// The pane controllers: each action changes the model and returns effects as data,
/// and an action that cannot run says why, with no terminal involved.
@Suite("Pane controllers")
struct ControllerTests {
    let ws: Workspace
    init() throws { ws = try Workspace() }

    func loaded(_ identity: Identity) throws -> DashboardModel { try ws.loaded(identity) }

    var context: ActionContext { ActionContext(now: ws.now, screenRows: 10) }

    @Test func everyControllerDeclaresItsOwnScopeAndTheTableIsTheirUnion() {
        for controller in DashboardControllers.panes {
            let scope = KeyScope.pane(controller.pane!)
            #expect(controller.bindings.allSatisfy { $0.scope == scope }, "\(controller)")
        }
        #expect(GlobalController.bindings.allSatisfy { $0.scope == .global })
        #expect(KeyBindingDefinition.table.count == GlobalController.bindings.count
                + DashboardControllers.panes.reduce(0) { $0 + $1.bindings.count })
        #expect(Set(KeyBindingDefinition.table.map(\.action)) == Set(KeyAction.allCases))
    }

    @Test func approvingReturnsTheCommandAndTheMessage() throws {
        var model = try loaded(ws.manager)
        _ = model.select(.approvals)
        let first = try #require(model.approvals.current).id
        let effects = DashboardControllers.handle(.approve, in: &model, context: context)
        #expect(effects == [.run(.approvals(.approve([first]))), .show("1 draft approved")])
        #expect(model.approvals.current?.id != first)
        #expect(DashboardControllers.handle(.filter, in: &model, context: context) == [])
        #expect(model.prompt == .filter(PromptLine()))
    }

    /// While the reason prompt is open it takes every key; with it closed, keys go
    /// through the binding table.
    @Test func anOpenPromptTakesEveryKey() throws {
        var model = try loaded(ws.manager)
        _ = model.select(.approvals)
        #expect(DashboardControllers.editorKey(Key.character("q"), in: &model, context: context) == nil)
        let target = try #require(model.approvals.current).id
        _ = DashboardControllers.handle(.reject, in: &model, context: context)
        #expect(model.hasOpenEditor)
        for c in "Off-brand q" { _ = DashboardControllers.editorKey(c == " " ? Key(.space) : .character(c), in: &model, context: context) }
        _ = DashboardControllers.editorKey(Key(.backspace), in: &model, context: context)
        let effects = DashboardControllers.editorKey(Key(.enter), in: &model, context: context)
        #expect(effects == [.run(.approvals(.reject([target], reason: "Off-brand")))])
        #expect(!model.hasOpenEditor)
    }

    @Test func anActionThatCannotRunSaysWhy() throws {
        var viewer = try loaded(ws.viewer)
        _ = viewer.select(.approvals)
        #expect(DashboardControllers.handle(.approve, in: &viewer, context: context) == [.show("your role cannot approve")])
        #expect(DashboardControllers.unavailableReason(.edit, in: viewer) == "your role cannot edit")
        var manager = try loaded(ws.manager)
        _ = manager.select(.agents)
        #expect(DashboardControllers.handle(.restart, in: &manager, context: context) == [.show("agents are managed by staff")])
        _ = viewer.select(.calendar)
        #expect(DashboardControllers.handle(.unschedule, in: &viewer, context: context) == [.show("your role cannot schedule")])
    }

    @Test func motionsGoToTheOpenPane() throws {
        var model = try loaded(ws.support)
        _ = model.select(.agents)
        #expect(DashboardControllers.handle(.down, in: &model, context: context).isEmpty)
        #expect(model.agents.cursor == 1)
        _ = model.select(.analytics)
        let before = model.analytics.rangeDays
        _ = DashboardControllers.handle(.nextRange, in: &model, context: context)
        #expect(model.analytics.rangeDays > before)
        _ = model.select(.calendar)
        let day = model.calendar.cursorDay
        _ = DashboardControllers.handle(.right, in: &model, context: context)
        #expect(model.calendar.cursorDay > day)
    }

    @Test func globalKeysSwitchPanesAndAskForPrompts() throws {
        var model = try loaded(ws.manager)
        #expect(DashboardControllers.handle(.pane3, in: &model, context: context).isEmpty)
        #expect(model.pane == .analytics)
        #expect(DashboardControllers.handle(.pane5, in: &model, context: context) == [.show("your role cannot open Revenue")])
        #expect(DashboardControllers.handle(.help, in: &model, context: context) == [])
        #expect(model.prompt == .help(offset: 0))
        model.prompt = nil
        #expect(DashboardControllers.handle(.quit, in: &model, context: context) == [.quit])
    }

    @Test func paletteVerbsParseInTheViewModel() throws {
        var model = try loaded(ws.manager)
        #expect(PaletteCommand("theme light") == .theme("light"))
        #expect(PaletteCommand("  ") == nil)
        #expect(PaletteCommand("approve")?.run(in: &model) == nil, "not a verb: the palette matches it to an action")
        #expect(PaletteCommand("range 7")?.run(in: &model) == [])
        #expect(model.pane == .analytics && model.analytics.rangeDays == 7)
        #expect(PaletteCommand("range 8")?.run(in: &model) == [.show("range takes 7, 30 or 90")])
        #expect(PaletteCommand("goto 2026-12-25")?.run(in: &model) == [])
        #expect(model.pane == .calendar)
        #expect(PaletteCommand("org acme")?.run(in: &model) == [.show("your account sees Acme only; org is for platform staff")])
    }
}
