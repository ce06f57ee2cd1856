import SocialdeckViewModels
import Testing

@Suite("Key bindings")
struct KeyBindingsTests {
    let bindings = KeyBindings.defaults

    @Test func defaultsHaveNoConflicts() {
        #expect(bindings.conflicts().isEmpty, "\(bindings.conflicts())")
    }

    @Test func everyActionIsInTheTableAndEveryRowIsUnique() {
        let table = KeyBindingDefinition.table
        for action in KeyAction.allCases {
            #expect(!KeyBindingDefinition.scopes(of: action).isEmpty, "\(action) has no binding")
        }
        let ids = table.map { "\($0.scope)/\($0.action)" }
        #expect(Set(ids).count == ids.count)
        for row in table {
            #expect(!row.defaultKeys.isEmpty && !row.label.isEmpty && !row.description.isEmpty, "\(row.action)")
            #expect(row.label.count <= 14, "footer label of \(row.action) is long")
        }
    }

    @Test func defaultKeysFromTheIssue() throws {
        func keys(_ action: KeyAction, _ scope: KeyScope = .global) -> [String] {
            bindings.keys(for: action, in: scope).map(\.description)
        }
        #expect(keys(.quit) == ["q", "ctrl+c"])
        #expect(keys(.help) == ["?"])
        #expect(keys(.palette) == [":"])
        #expect(keys(.filter, .pane(.approvals)) == ["/"])
        #expect(keys(.filter, .pane(.calendar)) == ["/"])
        #expect(keys(.filter, .pane(.analytics)).isEmpty, "only panes with a list to narrow offer a filter")
        #expect(keys(.nextPane) == ["tab"])
        #expect(keys(.previousPane) == ["shift+tab"])
        #expect([KeyAction.pane1, .pane2, .pane3, .pane4, .pane5].map { keys($0) } == [["1"], ["2"], ["3"], ["4"], ["5"]])
        #expect(keys(.up) == ["up", "k"])
        #expect(keys(.down) == ["down", "j"])
        #expect(keys(.left) == ["left", "h"])
        #expect(keys(.right) == ["right", "l"])
        #expect(keys(.top).first == "g")
        #expect(keys(.bottom).first == "G")
        #expect(keys(.pageDown) == ["ctrl+d", "pgdn"])
        #expect(keys(.pageUp) == ["ctrl+u", "pgup"])
        #expect(keys(.open) == ["enter"])
        #expect(keys(.back) == ["esc"])
        #expect(keys(.refresh) == ["ctrl+r"])
        #expect(keys(.undo) == ["u"])
        #expect(keys(.approve, .pane(.approvals)) == ["a"])
        #expect(keys(.reject, .pane(.approvals)) == ["r"])
        #expect(keys(.edit, .pane(.approvals)) == ["e"])
        #expect(keys(.select, .pane(.approvals)) == ["space"])
        #expect(keys(.quit, .pane(.approvals)) == ["q", "ctrl+c"], "global actions answer in any scope")
    }

    @Test func keysMapToActionsByScope() throws {
        #expect(bindings.action(for: .character("a"), in: .pane(.approvals)) == .approve)
        #expect(bindings.action(for: .character("a"), in: .pane(.calendar)) == nil)
        #expect(bindings.action(for: .character("a"), in: .global) == nil)
        #expect(bindings.action(for: .character("j"), in: .pane(.approvals)) == .down)
        #expect(bindings.action(for: .character("]"), in: .pane(.analytics)) == .nextRange)
        #expect(bindings.action(for: .character("p"), in: .pane(.agents)) == .pause)
        #expect(bindings.action(for: .ctrl("c"), in: .pane(.revenue)) == .quit)
        #expect(bindings.action(for: Key(.backTab), in: .pane(.calendar)) == .previousPane)
        #expect(bindings.action(for: .character("J"), in: .pane(.approvals)) == nil)
    }

    @Test func footerShowsThePaneThenGlobalReminders() {
        let footer = bindings.footerEntries(scope: .pane(.approvals))
        #expect(footer.map(\.footerText) == ["a approve", "r reject", "e edit", "space select", "/ filter",
                                             "q quit", "? help", ": command"])
        #expect(bindings.footerEntries(scope: .global).map(\.footerText) == ["q quit", "? help", ": command"])
        #expect(!bindings.footerEntries(scope: .pane(.analytics)).contains { $0.action == .filter })
        #expect(bindings.footerEntries(scope: .pane(.agents)).map(\.label).prefix(2) == ["pause", "restart"])
    }

    @Test func helpListsEveryBindingBySection() {
        let sections = bindings.helpSections()
        #expect(sections.map(\.title) == ["Everywhere", "Calendar", "Approvals", "Analytics", "Agents", "Revenue", "Customers", "Tickets", "Health", "Audit"])
        #expect(sections.flatMap(\.entries).count == KeyBindingDefinition.table.count)
        let down = sections[0].entries.first { $0.action == .down }
        #expect(down?.keysText == "down/j")
        #expect(down?.description == "Move down")
        #expect(sections[2].entries.map(\.action) == [.approve, .reject, .edit, .select, .filter, .compose, .duplicate, .deletePost])
    }

    @Test func paletteListsThePaneFirst() {
        let entries = bindings.paletteEntries(scope: .pane(.calendar))
        #expect(entries.first?.action == .reschedule)
        #expect(entries.count == 13 + KeyBindingDefinition.table.filter { $0.scope == .global }.count)
        #expect(entries.contains { $0.action == .quit })
        #expect(!entries.contains { $0.action == .approve })
    }

    @Test func rebindingChangesEveryView() throws {
        var b = KeyBindings()
        let rebound = b.rebind(.approve, in: .pane(.approvals), to: [.character("y"), .character("y")])
        let misplaced = b.rebind(.approve, in: .pane(.calendar), to: [.character("y")])
        #expect(rebound)
        #expect(!misplaced, "approve is not a calendar action")
        #expect(b.keys(for: .approve, in: .pane(.approvals)) == [.character("y")])
        #expect(b.action(for: .character("y"), in: .pane(.approvals)) == .approve)
        #expect(b.action(for: .character("a"), in: .pane(.approvals)) == nil)
        #expect(b.footerEntries(scope: .pane(.approvals)).first?.footerText == "y approve")
        #expect(b.helpSections()[2].entries.first?.keysText == "y")
        #expect(b.paletteEntries(scope: .pane(.approvals)).first?.keys == [.character("y")])
        #expect(b != KeyBindings.defaults)
    }

    @Test func conflictsAreFoundWithinAScopeAndAgainstGlobalKeys() throws {
        var b = KeyBindings()
        b.rebind(.reject, in: .pane(.approvals), to: [.character("a")])
        b.rebind(.nextRange, in: .pane(.analytics), to: [.character("q")])
        let conflicts = b.conflicts()
        #expect(conflicts.count == 2)
        #expect(conflicts.map(\.description).sorted() == [
            "a is bound to approve in approvals and reject in approvals",
            "q is bound to quit and next_range in analytics",
        ])
        var ok = KeyBindings()
        ok.rebind(.approve, in: .pane(.approvals), to: [.character("m")]) // m is the calendar's, not the approvals'
        #expect(ok.conflicts().isEmpty)
    }
}
