import Foundation
import SocialdeckCore
import SocialdeckModel

/// The tickets pane: the support queue (open and pending, the most urgent first) or
/// every ticket, the selected one's conversation beside it, and replying, assigning,
/// resolving and prioritising from the keyboard. Staff see every organization's
/// tickets; a customer admin their own organization's.
public struct TicketsModel: Sendable {
    /// The one-line prompt of a reply or a new ticket's subject.
    public struct Prompt: Sendable, Equatable {
        public enum Purpose: Sendable, Equatable { case reply(ObjectId, subject: String), newTicket }
        public let purpose: Purpose
        public var line = PromptLine()
    }

    public private(set) var rows: [SupportTicket] = []
    public private(set) var cursor = 0
    /// Every ticket instead of the queue.
    public private(set) var showsAll = false
    /// Emails of the people the tickets name (staff, to staff only).
    public private(set) var names: [ObjectId: String] = [:]
    public private(set) var hasLoaded = false
    public private(set) var message: String?
    public internal(set) var prompt: Prompt?
    let identity: Identity

    public init(identity: Identity) { self.identity = identity }

    public var selected: SupportTicket? { rows.indices.contains(cursor) ? rows[cursor] : nil }
    public var isStaff: Bool { identity.isStaff }
    var canManage: Bool { identity.allowedActions.contains(.manageSupportTickets) }

    public mutating func load(_ tickets: [SupportTicket], names: [ObjectId: String], all: Bool?) {
        guard all == showsAll else { return }
        hasLoaded = true
        let was = selected?._id
        rows = tickets
        self.names = names
        cursor = was.flatMap { id in tickets.firstIndex { $0._id == id } } ?? max(0, min(cursor, tickets.count - 1))
    }

    public mutating func move(_ delta: Int) { cursor = max(0, min(cursor + delta, rows.count - 1)) }

    public mutating func toggleAll() {
        showsAll.toggle()
        cursor = 0
        hasLoaded = false
    }

    /// Why a staff action cannot run now; nil when it can.
    public func refusal(needsTicket: Bool = true, staffOnly: Bool = false) -> String? {
        if needsTicket, selected == nil { return "no ticket is selected" }
        if staffOnly, !canManage { return identity.isStaff ? "your role cannot change tickets" : "support changes tickets" }
        return nil
    }

    public mutating func beginReply() {
        guard let t = selected else { return }
        prompt = Prompt(purpose: .reply(t._id, subject: t.subject))
    }

    public mutating func beginNewTicket() { prompt = Prompt(purpose: .newTicket) }

    /// `a`: assigns the selected ticket to me, or unassigns it when it is mine.
    public mutating func toggleMine() -> [TicketCommand] {
        guard let t = selected, let me = identity.actorId else { message = "only a signed-in staff member takes tickets"; return [] }
        return [.assign(t._id, to: t.assignedTo == me ? nil : me)]
    }

    /// `c`: resolves an open or pending ticket, reopens a resolved one.
    public mutating func toggleResolved() -> [TicketCommand] {
        guard let t = selected else { return [] }
        return [.status(t._id, t.status == .open || t.status == .pending ? .resolved : .open)]
    }

    /// `p`: the next priority, round from low to urgent.
    public mutating func nextPriority() -> [TicketCommand] {
        guard let t = selected else { return [] }
        let all = SupportTicket.Priority.allCases
        return [.priority(t._id, all[((all.firstIndex(of: t.priority) ?? 0) + 1) % all.count])]
    }

    /// `:ticket EMAIL SUBJECT` (staff, for a customer) or `:ticket SUBJECT` (a customer's own).
    public mutating func openTicket(_ text: String) -> [TicketCommand] {
        let words = text.split(separator: " ").map(String.init)
        if identity.isStaff {
            guard words.count >= 2, words[0].contains("@") else { message = "ticket EMAIL SUBJECT: the customer, then what it is about"; return [] }
            return [.open(subject: words.dropFirst().joined(separator: " "), customerEmail: words[0])]
        }
        guard !words.isEmpty else { message = "ticket SUBJECT: what it is about"; return [] }
        return [.open(subject: text, customerEmail: nil)]
    }

    /// A key while the prompt is open: Enter sends, Esc closes.
    public mutating func promptKey(_ key: Key) -> [TicketCommand] {
        guard var open = prompt else { return [] }
        switch key.code {
        case .escape: prompt = nil
        case .enter:
            let text = open.line.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { message = "write something first"; return [] }
            prompt = nil
            switch open.purpose {
            case .reply(let id, _): return [.reply(id, text: text)]
            case .newTicket: return [.open(subject: text, customerEmail: nil)]
            }
        default:
            _ = open.line.edit(key)
            prompt = open
        }
        return []
    }

    public mutating func finished(_ command: TicketCommand, error: String?) {
        message = error ?? command.done
    }
}
