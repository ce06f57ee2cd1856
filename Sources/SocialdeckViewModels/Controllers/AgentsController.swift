import SocialdeckModel
import Foundation
import SocialdeckCore

/// The agents pane's keys: moving through agents, and for staff pausing, resuming
/// and restarting the selected one.
public enum AgentsController: PaneController {
    public static let pane: PaneID? = .agents

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.pause, .pane(.agents), [B.k("p")], "pause", "Disable the selected agent, or enable it again", footer: true),
        .init(.restart, .pane(.agents), [B.k("R")], "restart", "Restart the selected agent, clearing its error state", footer: true),
    ]

    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        switch action {
        case .pause, .restart: return model.identity.allowedActions.contains(.configureAgents) ? nil : "agents are managed by staff"
        default: return nil
        }
    }

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        switch action {
        case .up: model.agents.move(-1)
        case .down: model.agents.move(1)
        case .pageDown: model.agents.move(context.page)
        case .pageUp: model.agents.move(-context.page)
        case .pause:
            let command: AgentAdministration.Command = model.agents.selected?.agent.status == .inactive ? .enable : .disable
            return model.agents.command(command).map { .run(.agents($0)) }
        case .restart: return model.agents.command(.restart).map { .run(.agents($0)) }
        default: return nil
        }
        return []
    }
}
