import Foundation
import SocialdeckCore
import SocialdeckModel

/// What the tickets pane asks the core to do, run off the UI thread.
public enum TicketCommand: Sendable, Equatable {
    case reply(ObjectId, text: String)
    /// To a staff member, or to nobody.
    case assign(ObjectId, to: ObjectId?)
    case status(ObjectId, SupportTicket.Status)
    case priority(ObjectId, SupportTicket.Priority)
    /// A new ticket: a customer's own, or staff's for the customer with this email.
    case open(subject: String, customerEmail: String?)

    var done: String {
        switch self {
        case .reply: return "reply sent"
        case .assign(_, let to): return to == nil ? "ticket unassigned" : "ticket assigned"
        case .status(_, let status): return "ticket \(status.rawValue)"
        case .priority(_, let priority): return "priority \(priority.rawValue)"
        case .open(let subject, _): return "ticket “\(subject)” opened"
        }
    }

    func run(in store: any StoreHandle, as identity: Identity, clock: @escaping @Sendable () -> Date) throws {
        let desk = SupportDesk(store: store, clock: clock)
        switch self {
        case .reply(let id, let text): try desk.reply(id, text: text, by: identity)
        case .assign(let id, let to): try desk.update(id, assignTo: .some(to), by: identity)
        case .status(let id, let status): try desk.update(id, status: status, by: identity)
        case .priority(let id, let priority): try desk.update(id, priority: priority, by: identity)
        case .open(let subject, let email):
            let customer = try email.map { try UserAdministration(store: store, clock: clock).user(email: $0, by: identity)._id }
            try desk.open(subject: subject, body: "", customer: customer, by: identity)
        }
    }
}
