
/// Where a binding applies: everywhere, or in one pane of the dashboard.
public enum KeyScope: Sendable, Hashable, CustomStringConvertible {
    case global
    case pane(PaneID)

    /// Every scope, the global one first, then the panes in tab order.
    public static var allCases: [KeyScope] { [.global] + PaneID.allCases.map(KeyScope.pane) }

    /// The name `config.toml` uses: `[keys.approvals]`.
    public var name: String {
        switch self {
        case .global: return "global"
        case .pane(let pane): return pane.name
        }
    }

    public init?(name: String) {
        guard let scope = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = scope
    }

    public var title: String {
        switch self {
        case .global: return "Global"
        case .pane(let pane): return pane.title
        }
    }

    public var description: String { name }
}

/// Something a key can do. The raw value is the name `config.toml` uses.
public enum KeyAction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case quit, help, palette, filter, notifications
    case nextPane = "next_pane", previousPane = "previous_pane"
    case pane1 = "pane_1", pane2 = "pane_2", pane3 = "pane_3", pane4 = "pane_4", pane5 = "pane_5", pane6 = "pane_6", pane7 = "pane_7", pane8 = "pane_8", pane9 = "pane_9"
    case up, down, left, right, top, bottom
    case pageDown = "page_down", pageUp = "page_up"
    case open, back, refresh, redraw, undo, copy
    case edit, reschedule, unschedule, today, view
    case previousPeriod = "previous_period", nextPeriod = "next_period"
    case approve, reject, select
    case previousRange = "previous_range", nextRange = "next_range"
    case pause, restart
    case workflows, cancelWorkflow = "cancel_workflow"
    case publishNow = "publish_now", retry, checked
    case duplicate, deletePost = "delete_post"
    case compose = "new_post"
    case search, suspend, unlock, deleteAccount = "delete_account"
    case reply, assign, resolve, priority, allTickets = "all_tickets", newTicket = "new_ticket"

    public var description: String { rawValue }

    /// The pane `pane_1` … `pane_7` switch to.
    public var pane: PaneID? {
        guard rawValue.hasPrefix("pane_"), let number = Int(rawValue.dropFirst(5)) else { return nil }
        return PaneID(rawValue: number)
    }
}

/// One row of the binding table: an action in a scope, its default keys, the
/// word the footer shows and the sentence the help overlay and palette show.
public struct KeyBindingDefinition: Sendable, Equatable {
    public var action: KeyAction
    public var scope: KeyScope
    public var defaultKeys: [Key]
    /// One or two words for the footer: "approve", "next pane".
    public var label: String
    /// A sentence for `?` and `:`: "Approve the selected draft".
    public var description: String
    /// Whether the footer shows it (the footer has room for a few).
    public var inFooter: Bool

    public init(_ action: KeyAction, _ scope: KeyScope, _ keys: [Key], _ label: String,
                _ description: String, footer: Bool = false) {
        self.action = action
        self.scope = scope
        self.defaultKeys = keys
        self.label = label
        self.description = description
        self.inFooter = footer
    }
}

extension KeyBindingDefinition {
    static func k(_ c: Character) -> Key { .character(c) }
    static func named(_ code: Key.Code) -> Key { Key(code) }

    /// The dashboard's bindings, as the controllers declare them. Defaults follow k9s
    /// and lazygit: vi motions beside the arrows, `:` for commands, `/` to filter, `?`
    /// for help. No two bindings active in the same pane share a key.
    public static var table: [KeyBindingDefinition] { DashboardControllers.bindings }

    /// The table's row for an action in a scope.
    public static func definition(_ action: KeyAction, in scope: KeyScope) -> KeyBindingDefinition? {
        table.first { $0.action == action && $0.scope == scope }
    }

    /// The scopes an action is defined in: `edit` is in the calendar and the approvals.
    public static func scopes(of action: KeyAction) -> [KeyScope] {
        table.filter { $0.action == action }.map(\.scope)
    }
}
