import Foundation

/// The analytics pane's keys: the top posts list and the 7, 30 or 90-day range.
public enum AnalyticsController: PaneController {
    public static let pane: PaneID? = .analytics

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.previousRange, .pane(.analytics), [B.k("[")], "shorter", "Show 7, 30 or 90 days: shorter", footer: true),
        .init(.nextRange, .pane(.analytics), [B.k("]")], "longer", "Show 7, 30 or 90 days: longer", footer: true),
    ]

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        switch action {
        case .up: model.analytics.moveTop(-1)
        case .down: model.analytics.moveTop(1)
        case .pageDown: model.analytics.moveTop(context.page)
        case .pageUp: model.analytics.moveTop(-context.page)
        case .previousRange: model.analytics.stepRange(-1)
        case .nextRange: model.analytics.stepRange(1)
        default: return nil
        }
        return []
    }
}
