/// The keys of one pane, or of the whole dashboard: the actions it declares with their
/// default keys, why an action cannot run now, and what running it does.
///
/// A controller changes the model and returns effects; it never touches the terminal.
/// Adding a pane means a `PaneID` case, a model, a controller listed in
/// `DashboardControllers.panes` and a view: no switch in the terminal layer changes.
public protocol PaneController {
    /// The pane whose keys these are; nil for the dashboard-wide controller.
    static var pane: PaneID? { get }
    /// The controller's rows of the binding table.
    static var bindings: [KeyBindingDefinition] { get }
    /// Why `action` cannot run now, for the footer, `?` and the message a key press
    /// shows; nil when it can.
    static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String?
    /// Runs `action`; nil when this controller does not handle it.
    static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]?
    /// A key while the pane's own prompt or editor is open, which takes every key; nil
    /// when none is open, so the key goes through the binding table.
    static func editorKey(_ key: Key, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]?
    /// The `/` prompt's text changed: the pane narrows its list as the person types.
    static func filterChanged(_ text: String, in model: inout DashboardModel, context: ActionContext)
    /// What the footer says while the pane's own prompt or editor is open; nil when none is.
    static func editorHint(in model: DashboardModel) -> String?
}

extension PaneController {
    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? { nil }
    public static func editorKey(_ key: Key, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? { nil }
    public static func filterChanged(_ text: String, in model: inout DashboardModel, context: ActionContext) {}
    public static func editorHint(in model: DashboardModel) -> String? { nil }
}

/// Every controller, and the dispatch between them: the open pane's controller first,
/// then the dashboard-wide one.
public enum DashboardControllers {
    public static let panes: [any PaneController.Type] = [
        CalendarController.self, ApprovalsController.self, AnalyticsController.self, AgentsController.self, RevenueController.self,
        CustomersController.self, TicketsController.self, HealthController.self, AuditController.self,
    ]

    /// The whole binding table, dashboard-wide rows first, then each pane's.
    public static let bindings: [KeyBindingDefinition] = GlobalController.bindings + panes.flatMap { $0.bindings }

    static func controller(for pane: PaneID) -> (any PaneController.Type)? {
        panes.first { $0.pane == pane }
    }

    /// An action the open pane binds is its own to refuse: another pane binding the same
    /// action (`v`, `]`, `/` in the calendar and the audit pane) has no say here.
    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        let own = controller(for: model.pane)
        if let own, own.bindings.contains(where: { $0.action == action }) { return own.unavailableReason(action, in: model) }
        return own?.unavailableReason(action, in: model) ?? GlobalController.unavailableReason(action, in: model)
    }

    /// A key for the open pane's prompt or editor; nil when none is open.
    public static func editorKey(_ key: Key, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        controller(for: model.pane)?.editorKey(key, in: &model, context: context)
    }

    public static func filterChanged(_ text: String, in model: inout DashboardModel, context: ActionContext) {
        controller(for: model.pane)?.filterChanged(text, in: &model, context: context)
    }

    public static func editorHint(in model: DashboardModel) -> String? {
        controller(for: model.pane)?.editorHint(in: model)
    }

    /// Runs `action` in the open pane. An action that cannot run now says why.
    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect] {
        if let reason = unavailableReason(action, in: model) { return [.show(reason)] }
        if let effects = controller(for: model.pane)?.handle(action, in: &model, context: context) { return effects }
        return GlobalController.handle(action, in: &model, context: context) ?? []
    }
}
