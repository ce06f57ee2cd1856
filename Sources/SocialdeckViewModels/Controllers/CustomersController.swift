import Foundation
import SocialdeckCore

/// The customers pane's keys: `/` searches as you type, the motions move through the
/// matches (the selected one's profile shows beside them), `s` suspends or activates,
/// `U` unlocks, `D` deletes or restores. `:role`, `:plan` and `:2fa-reset` act on the
/// selected customer from the palette.
public enum CustomersController: PaneController {
    public static let pane: PaneID? = .customers

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.search, .pane(.customers), [B.k("/")], "search", "Search customers by email, name or organization as you type", footer: true),
        .init(.suspend, .pane(.customers), [B.k("s")], "suspend", "Suspend the selected customer (asks why), or activate a suspended one", footer: true),
        .init(.unlock, .pane(.customers), [B.k("U")], "unlock", "Unlock the selected customer after failed sign-ins", footer: true),
        .init(.deleteAccount, .pane(.customers), [B.k("D")], "delete", "Delete the selected customer's account (asks why), or restore a deleted one"),
    ]

    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        switch action {
        case .suspend: return model.customers.refusal([.suspendUsers, .manageUsers])
        case .unlock: return model.customers.refusal([.unlockAccounts, .manageUsers])
        case .deleteAccount: return model.customers.refusal([.manageUsers])
        default: return nil
        }
    }

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        if let delta = context.motion(action, count: model.customers.matches.count) {
            model.customers.move(delta)
            return []
        }
        let commands: [CustomerCommand]
        switch action {
        case .search:
            PromptController.open(.filter(PromptLine(model.customers.query)), in: &model)
            return []
        case .suspend: commands = model.customers.toggleSuspension()
        case .unlock: commands = model.customers.unlock()
        case .deleteAccount: commands = model.customers.toggleDeletion()
        default: return nil
        }
        return effects(commands, model)
    }

    public static func filterChanged(_ text: String, in model: inout DashboardModel, context: ActionContext) {
        model.customers.search(text)
    }

    public static func editorKey(_ key: Key, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        guard model.customers.reasonPrompt != nil else { return nil }
        return effects(model.customers.reasonKey(key), model)
    }

    public static func editorHint(in model: DashboardModel) -> String? {
        guard let prompt = model.customers.reasonPrompt else { return nil }
        return "why? (for the audit trail) · enter \(prompt.purpose == .suspend ? "suspend" : "delete") \(prompt.customer.email) · esc cancel"
    }

    /// The palette's `role`, `plan` and `2fa-reset` on the selected customer.
    static func palette(_ verb: String, _ argument: String, in model: inout DashboardModel) -> [DashboardEffect] {
        guard model.pane == .customers else { return [.show("open the customers pane (6) and select a customer first")] }
        let needed: [Action] = verb == "plan" ? [.manageSubscriptions, .manageBilling] : verb == "role" ? [.manageUsers] : [.unlockAccounts, .manageUsers]
        if let refusal = model.customers.refusal(needed) { return [.show(refusal)] }
        return effects(model.customers.palette(verb, argument), model)
    }

    private static func effects(_ commands: [CustomerCommand], _ model: DashboardModel) -> [DashboardEffect] {
        commands.isEmpty ? model.customers.message.map { [.show($0)] } ?? [] : commands.map { .run(.customers($0)) }
    }
}
