
/// Where a binding applies: everywhere, or in one pane of the dashboard.
public enum KeyScope: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case global, calendar, approvals, analytics, agents, revenue

    /// The panes, in tab order: `pane_1` is the calendar.
    public static let panes: [KeyScope] = [.calendar, .approvals, .analytics, .agents, .revenue]

    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// A pane's own scope.
    public init(_ pane: PaneID) {
        switch pane {
        case .calendar: self = .calendar
        case .approvals: self = .approvals
        case .analytics: self = .analytics
        case .agents: self = .agents
        case .revenue: self = .revenue
        }
    }
    public var description: String { rawValue }
}

/// Something a key can do. The raw value is the name `config.toml` uses.
public enum KeyAction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case quit, help, palette, filter
    case nextPane = "next_pane", previousPane = "previous_pane"
    case pane1 = "pane_1", pane2 = "pane_2", pane3 = "pane_3", pane4 = "pane_4", pane5 = "pane_5"
    case up, down, left, right, top, bottom
    case pageDown = "page_down", pageUp = "page_up"
    case open, back, refresh, redraw, undo
    case edit, reschedule, unschedule, today, view
    case previousPeriod = "previous_period", nextPeriod = "next_period"
    case approve, reject, select
    case previousRange = "previous_range", nextRange = "next_range"
    case pause, restart

    public var description: String { rawValue }

    /// The pane `pane_1` … `pane_5` switch to.
    public var pane: PaneID? {
        switch self {
        case .pane1: return .calendar
        case .pane2: return .approvals
        case .pane3: return .analytics
        case .pane4: return .agents
        case .pane5: return .revenue
        default: return nil
        }
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
    private static func k(_ c: Character) -> Key { .character(c) }
    private static func named(_ code: Key.Code) -> Key { Key(code) }

    /// The dashboard's bindings. Defaults follow k9s and lazygit: vi motions
    /// beside the arrows, `:` for commands, `/` to filter, `?` for help.
    /// No two bindings active in the same pane share a key.
    public static let table: [KeyBindingDefinition] = [
        .init(.quit, .global, [k("q"), .ctrl("c")], "quit", "Quit socialdeck", footer: true),
        .init(.help, .global, [k("?")], "help", "Show every key", footer: true),
        .init(.palette, .global, [k(":")], "command", "Open the command palette", footer: true),
        .init(.filter, .global, [k("/")], "filter", "Filter the pane's list", footer: true),
        .init(.nextPane, .global, [named(.tab)], "next pane", "Go to the next pane"),
        .init(.previousPane, .global, [named(.backTab)], "previous pane", "Go to the previous pane"),
        .init(.pane1, .global, [k("1")], "calendar", "Show the calendar"),
        .init(.pane2, .global, [k("2")], "approvals", "Show the approval queue"),
        .init(.pane3, .global, [k("3")], "analytics", "Show analytics"),
        .init(.pane4, .global, [k("4")], "agents", "Show the agents"),
        .init(.pane5, .global, [k("5")], "revenue", "Show revenue"),
        .init(.up, .global, [named(.up), k("k")], "up", "Move up"),
        .init(.down, .global, [named(.down), k("j")], "down", "Move down"),
        .init(.left, .global, [named(.left), k("h")], "left", "Move left"),
        .init(.right, .global, [named(.right), k("l")], "right", "Move right"),
        .init(.top, .global, [k("g"), named(.home)], "top", "Go to the first row"),
        .init(.bottom, .global, [k("G"), named(.end)], "bottom", "Go to the last row"),
        .init(.pageDown, .global, [.ctrl("d"), named(.pageDown)], "page down", "Scroll down a page"),
        .init(.pageUp, .global, [.ctrl("u"), named(.pageUp)], "page up", "Scroll up a page"),
        .init(.open, .global, [named(.enter)], "open", "Open the selected item"),
        .init(.back, .global, [named(.escape)], "back", "Close, cancel or go back"),
        .init(.refresh, .global, [.ctrl("r")], "refresh", "Reload from the store"),
        .init(.redraw, .global, [.ctrl("l")], "redraw", "Repaint the whole screen"),
        .init(.undo, .global, [k("u")], "undo", "Undo the last change"),

        .init(.reschedule, .calendar, [k("m")], "move", "Move the selected post: a time (09:30) or a date and time", footer: true),
        .init(.unschedule, .calendar, [k("x")], "unschedule", "Take the selected post off the calendar", footer: true),
        .init(.today, .calendar, [k("t")], "today", "Go to today", footer: true),
        .init(.view, .calendar, [k("v")], "view", "Switch between month, week and agenda", footer: true),
        .init(.previousPeriod, .calendar, [k("[")], "previous", "Show the previous month or week"),
        .init(.nextPeriod, .calendar, [k("]")], "next", "Show the next month or week"),

        .init(.approve, .approvals, [k("a")], "approve", "Approve the selected drafts", footer: true),
        .init(.reject, .approvals, [k("r")], "reject", "Reject the selected drafts, with a reason", footer: true),
        .init(.edit, .approvals, [k("e")], "edit", "Edit the draft before approving it", footer: true),
        .init(.select, .approvals, [named(.space)], "select", "Select or unselect a draft", footer: true),

        .init(.previousRange, .analytics, [k("[")], "shorter", "Show 7, 30 or 90 days: shorter", footer: true),
        .init(.nextRange, .analytics, [k("]")], "longer", "Show 7, 30 or 90 days: longer", footer: true),

        .init(.pause, .agents, [k("p")], "pause", "Disable the selected agent, or enable it again", footer: true),
        .init(.restart, .agents, [k("R")], "restart", "Restart the selected agent, clearing its error state", footer: true),
    ]

    /// The table's row for an action in a scope.
    public static func definition(_ action: KeyAction, in scope: KeyScope) -> KeyBindingDefinition? {
        table.first { $0.action == action && $0.scope == scope }
    }

    /// The scopes an action is defined in: `edit` is in the calendar and the approvals.
    public static func scopes(of action: KeyAction) -> [KeyScope] {
        table.filter { $0.action == action }.map(\.scope)
    }
}
