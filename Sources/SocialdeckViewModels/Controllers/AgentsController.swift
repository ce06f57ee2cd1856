import SocialdeckModel
import Foundation
import SocialdeckCore

/// The agents pane's keys: moving through agents, opening one's recent runs (Enter,
/// Esc back), and for staff pausing, resuming and restarting it. While the runs are
/// open the motions move through them, and the staff keys act on their agent. `w`
/// lists the workflows instead, where the motions move through them and `x` cancels
/// the selected one.
public enum AgentsController: PaneController {
    public static let pane: PaneID? = .agents

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.pause, .pane(.agents), [B.k("p")], "pause", "Pause the selected agent, or resume it; an error stays until a restart", footer: true),
        .init(.restart, .pane(.agents), [B.k("R")], "restart", "Restart the selected agent, clearing its error state", footer: true),
        .init(.workflows, .pane(.agents), [B.k("w")], "workflows", "List the workflows and their steps, or go back to the agents", footer: true),
        .init(.cancelWorkflow, .pane(.agents), [B.k("x")], "cancel", "Cancel the selected workflow; a running step finishes first"),
    ]

    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        switch action {
        case .pause, .restart:
            if model.agents.canConfigure { return nil }
            return model.identity.isStaff ? "your role cannot change agents" : "agents are managed by staff"
        case .cancelWorkflow:
            if !model.agents.showsWorkflows { return "list the workflows first" }
            return model.agents.canRunWorkflows ? nil : "your role cannot cancel workflows"
        default: return nil
        }
    }

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        if action == .workflows {
            model.agents.toggleWorkflows()
            return []
        }
        if model.agents.showsWorkflows {
            if let delta = context.motion(action, count: model.agents.workflows.count) {
                model.agents.moveWorkflow(delta)
                return []
            }
            switch action {
            case .back: model.agents.closeWorkflows()
            case .cancelWorkflow: return model.agents.cancelSelectedWorkflow().map { .run(.agents($0)) }
            default: return nil
            }
            return []
        }
        if model.agents.showsRuns {
            switch action {
            case .up: model.agents.moveRun(-1)
            case .down: model.agents.moveRun(1)
            case .pageDown: model.agents.moveRun(context.page)
            case .pageUp: model.agents.moveRun(-context.page)
            case .top: model.agents.moveRunToFirst()
            case .bottom: model.agents.moveRunToLast()
            case .back: model.agents.closeRuns()
            case .open: break
            default: return command(action, in: &model)
            }
            return []
        }
        switch action {
        case .up: model.agents.move(-1)
        case .down: model.agents.move(1)
        case .pageDown: model.agents.move(context.page)
        case .pageUp: model.agents.move(-context.page)
        case .top: model.agents.moveToFirst()
        case .bottom: model.agents.moveToLast()
        case .open: model.agents.openRuns()
        default: return command(action, in: &model)
        }
        return []
    }

    /// Pause (or resume) and restart, on the agent the keys act on.
    private static func command(_ action: KeyAction, in model: inout DashboardModel) -> [DashboardEffect]? {
        switch action {
        case .pause:
            let command: AgentAdministration.Command = model.agents.target?.agent.status == .inactive ? .enable : .disable
            return model.agents.command(command).map { .run(.agents($0)) }
        case .restart: return model.agents.command(.restart).map { .run(.agents($0)) }
        default: return nil
        }
    }
}
