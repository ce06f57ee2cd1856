import Foundation
import SocialdeckCore

/// The audit pane's keys: `/` filters (`action:`, `severity:`, `by:EMAIL`, `target:ID`),
/// `v` switches between the staff log and the customers' log (staff), `]` older, `[`
/// newer. It only reads.
public enum AuditController: PaneController {
    public static let pane: PaneID? = .audit

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.filter, .pane(.audit), [B.k("/")], "filter", "Filter: action:NAME severity:LEVEL by:EMAIL target:ID", footer: true),
        .init(.view, .pane(.audit), [B.k("v")], "log", "Switch between the staff log and the customers' log", footer: true),
        .init(.nextPeriod, .pane(.audit), [B.k("]")], "older", "Show the next 50, older", footer: true),
        .init(.previousPeriod, .pane(.audit), [B.k("[")], "newer", "Show the 50 before, newer", footer: true),
    ]

    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        action == .view && !model.identity.isStaff ? "your organization has one log: its people's" : nil
    }

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        if let delta = context.motion(action, count: model.audit.entries.count) {
            model.audit.move(delta)
            return []
        }
        switch action {
        case .filter: PromptController.open(.filter(PromptLine(model.audit.filterText)), in: &model)
        case .view: return model.audit.toggleLog().map { [.show($0)] } ?? [.refresh]
        case .nextPeriod: return model.audit.nextPage().map { [.show($0)] } ?? [.refresh]
        case .previousPeriod: return model.audit.previousPage().map { [.show($0)] } ?? [.refresh]
        default: return nil
        }
        return []
    }

    public static func filterChanged(_ text: String, in model: inout DashboardModel, context: ActionContext) {
        model.audit.setFilter(text)
    }
}
