import Foundation

/// The revenue pane has no keys of its own yet: it is read-only.
public enum RevenueController: PaneController {
    public static let pane: PaneID? = .revenue

    public static let bindings: [KeyBindingDefinition] = []

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        nil
    }
}
