import Foundation
import SocialdeckCore
import SocialdeckModel

/// The tickets pane's keys: the motions move through the queue (the selected ticket's
/// conversation shows beside it), `r` replies, `t` takes the ticket or gives it back,
/// `c` resolves or reopens, `p` raises the priority round, `v` shows every ticket or
/// the queue, `n` opens a ticket (a customer's own; staff use `:ticket EMAIL SUBJECT`).
public enum TicketsController: PaneController {
    public static let pane: PaneID? = .tickets

    private typealias B = KeyBindingDefinition

    public static let bindings: [KeyBindingDefinition] = [
        .init(.reply, .pane(.tickets), [B.k("r")], "reply", "Reply to the selected ticket", footer: true),
        .init(.assign, .pane(.tickets), [B.k("t")], "take", "Assign the selected ticket to yourself, or unassign it", footer: true),
        .init(.resolve, .pane(.tickets), [B.k("c")], "resolve", "Resolve the selected ticket, or reopen a resolved one", footer: true),
        .init(.priority, .pane(.tickets), [B.k("p")], "priority", "Raise the selected ticket's priority (urgent goes round to low)"),
        .init(.allTickets, .pane(.tickets), [B.k("v")], "all", "Show every ticket, or only the queue (open and pending)"),
        .init(.newTicket, .pane(.tickets), [B.k("n")], "new", "Open a ticket (staff: :ticket EMAIL SUBJECT)"),
    ]

    public static func unavailableReason(_ action: KeyAction, in model: DashboardModel) -> String? {
        let t = model.tickets
        switch action {
        case .reply: return t.refusal()
        case .assign: return t.refusal(staffOnly: true)
        case .priority: return t.refusal(staffOnly: true)
        case .resolve: return t.isStaff ? t.refusal(staffOnly: true) : t.refusal()
        default: return nil
        }
    }

    public static func handle(_ action: KeyAction, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        if let delta = context.motion(action, count: model.tickets.rows.count) {
            model.tickets.move(delta)
            return []
        }
        let commands: [TicketCommand]
        switch action {
        case .allTickets: model.tickets.toggleAll(); return []
        case .reply: model.tickets.beginReply(); return []
        case .newTicket:
            guard !model.identity.isStaff else { return [.show("staff open tickets for a customer: :ticket EMAIL SUBJECT")] }
            model.tickets.beginNewTicket()
            return []
        case .assign: commands = model.tickets.toggleMine()
        case .resolve:
            // A customer closes their own ticket; staff resolve and reopen.
            if !model.identity.isStaff, let t = model.tickets.selected { commands = [.status(t._id, .closed)] } else { commands = model.tickets.toggleResolved() }
        case .priority: commands = model.tickets.nextPriority()
        default: return nil
        }
        return effects(commands, model)
    }

    public static func editorKey(_ key: Key, in model: inout DashboardModel, context: ActionContext) -> [DashboardEffect]? {
        guard model.tickets.prompt != nil else { return nil }
        return effects(model.tickets.promptKey(key), model)
    }

    public static func editorHint(in model: DashboardModel) -> String? {
        guard let prompt = model.tickets.prompt else { return nil }
        switch prompt.purpose {
        case .reply: return "enter send the reply · esc cancel"
        case .newTicket: return "enter open the ticket · esc cancel"
        }
    }

    /// The palette's `ticket EMAIL SUBJECT` (staff) or `ticket SUBJECT` (a customer).
    static func palette(_ text: String, in model: inout DashboardModel) -> [DashboardEffect] {
        guard model.panes.contains(.tickets) else { return [.show("your role has no tickets pane")] }
        return effects(model.tickets.openTicket(text), model)
    }

    private static func effects(_ commands: [TicketCommand], _ model: DashboardModel) -> [DashboardEffect] {
        commands.isEmpty ? model.tickets.message.map { [.show($0)] } ?? [] : commands.map { .run(.tickets($0)) }
    }
}
