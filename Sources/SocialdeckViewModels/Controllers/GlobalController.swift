import Foundation

/// The dashboard-wide keys: quitting, help, the palette, switching panes, refreshing.
/// Motions are declared here and carried out by each pane's controller.
public enum GlobalController: PaneController {
    public static let pane: PaneID? = nil

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.quit, .global, [B.k("q"), .ctrl("c")], "quit", "Quit socialdeck", footer: true),
        .init(.help, .global, [B.k("?")], "help", "Show every key", footer: true),
        .init(.palette, .global, [B.k(":")], "command", "Open the command palette", footer: true),
        .init(.notifications, .global, [B.k("!")], "notifications", "Show your notifications"),
        .init(.nextPane, .global, [B.named(.tab)], "next pane", "Go to the next pane"),
        .init(.previousPane, .global, [B.named(.backTab)], "previous pane", "Go to the previous pane"),
        .init(.pane1, .global, [B.k("1")], "calendar", "Show the calendar"),
        .init(.pane2, .global, [B.k("2")], "approvals", "Show the approval queue"),
        .init(.pane3, .global, [B.k("3")], "analytics", "Show analytics"),
        .init(.pane4, .global, [B.k("4")], "agents", "Show the agents"),
        .init(.pane5, .global, [B.k("5")], "revenue", "Show revenue"),
        .init(.pane6, .global, [B.k("6")], "customers", "Show customers"),
        .init(.pane7, .global, [B.k("7")], "tickets", "Show support tickets"),
        .init(.pane8, .global, [B.k("8")], "health", "Show system health"),
        .init(.pane9, .global, [B.k("9")], "audit", "Show the audit trail"),
        .init(.up, .global, [B.named(.up), B.k("k")], "up", "Move up"),
        .init(.down, .global, [B.named(.down), B.k("j")], "down", "Move down"),
        .init(.left, .global, [B.named(.left), B.k("h")], "left", "Move left"),
        .init(.right, .global, [B.named(.right), B.k("l")], "right", "Move right"),
        .init(.top, .global, [B.k("g"), B.named(.home)], "top", "Go to the first row"),
        .init(.bottom, .global, [B.k("G"), B.named(.end)], "bottom", "Go to the last row"),
        .init(.pageDown, .global, [.ctrl("d"), B.named(.pageDown)], "page down", "Scroll down a page"),
        .init(.pageUp, .global, [.ctrl("u"), B.named(.pageUp)], "page up", "Scroll up a page"),
        .init(.open, .global, [B.named(.enter)], "open", "Open the selected item"),
        .init(.back, .global, [B.named(.escape)], "back", "Close, cancel or go back"),
        .init(.refresh, .global, [.ctrl("r")], "refresh", "Reload from the store"),
        .init(.redraw, .global, [.ctrl("l")], "redraw", "Repaint the whole screen"),
        .init(.undo, .global, [B.k("u")], "undo", "Undo the last change"),
        .init(.copy, .global, [B.k("y")], "copy", "Copy the selected post's text, or its link once published, to the clipboard"),
    ]

    /// A pane the role cannot open, and another pane's action the role cannot use there,
    /// so that `?` dims them with the reason from whichever pane it is opened in.
    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        if let pane = action.pane { return unopenable(pane, in: model) }
        for controller in DashboardControllers.panes where controller.pane != model.pane {
            guard let pane = controller.pane, controller.bindings.contains(where: { $0.action == action }) else { continue }
            if let reason = unopenable(pane, in: model) ?? controller.unavailableReason(action, in: model) { return reason }
        }
        return nil
    }

    /// The selected draft's text in the queue; an opened post's elsewhere: its link once
    /// a platform published it, else its words.
    private static func copy(from model: DashboardModel) -> [DashboardEffect] {
        let copied: (text: String, what: String)?
        switch model.pane {
        case .approvals: copied = model.approvals.current.map { ($0.text, "text") }
        case .calendar: copied = model.calendar.openPost.map(copyable)
        case .analytics: copied = model.analytics.openPost.map(copyable)
        default: copied = nil
        }
        guard let copied, !copied.text.isEmpty else {
            return [.show(model.pane == .approvals ? "no draft to copy" : "open a post (Enter) to copy it")]
        }
        return [.copy(copied.text), .show("copied the post's \(copied.what) (\(copied.text.count) characters)")]
    }

    private static func copyable(_ post: PostDetail) -> (text: String, what: String) {
        post.permalink.map { ($0, "link") } ?? (post.item.text, "text")
    }

    private static func unopenable(_ pane: PaneID, in model: DashboardModel) -> String? {
        model.panes.contains(pane) ? nil : "your role cannot open \(pane.title)"
    }

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        switch action {
        case .quit: return [.quit]
        case .help: PromptController.open(.help(offset: 0), in: &model)
        case .palette: PromptController.open(.palette(PromptLine(), selected: 0), in: &model)
        case .notifications: PromptController.open(.notifications(selected: 0), in: &model)
        case .refresh: return [.refresh]
        case .redraw: return [.repaint]
        case .undo: return model.undoLast(now: context.now)
        case .copy: return copy(from: model)
        case .nextPane: model.nextPane()
        case .previousPane: model.nextPane(-1)
        case .pane1, .pane2, .pane3, .pane4, .pane5, .pane6, .pane7, .pane8, .pane9:
            if let pane = action.pane, !model.select(pane) { return [.show(unopenable(pane, in: model) ?? "")] }
        default: break
        }
        return []
    }
}
