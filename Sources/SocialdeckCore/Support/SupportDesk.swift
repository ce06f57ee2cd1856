import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Support tickets (`support_tickets`): `socialdeck tickets …` and the tickets pane.
/// Staff with `tickets.view` read every ticket and, with `tickets.manage`, open them for
/// a customer, reply, assign, change status and priority, and link a ticket to a
/// customer. Customers open tickets for themselves, and read and answer their own
/// organization's. Every change is audited before and after.
public struct SupportDesk: Sendable {
    let store: any DocumentStore
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    var tickets: ModelCollection<SupportTicket> { ModelCollection(store) }

    public struct Query: Sendable, Equatable {
        public var statuses: [SupportTicket.Status]
        public var assignedTo: ObjectId?
        public var organizationId: ObjectId?
        public var userId: ObjectId?
        public var limit: Int

        /// Open and pending tickets, the queue's default.
        public init(statuses: [SupportTicket.Status] = [.open, .pending], assignedTo: ObjectId? = nil, organizationId: ObjectId? = nil,
                    userId: ObjectId? = nil, limit: Int = 200) {
            self.statuses = statuses
            self.assignedTo = assignedTo
            self.organizationId = organizationId
            self.userId = userId
            self.limit = limit
        }
    }

    /// The queue: the most urgent first, then the longest waiting.
    public func list(_ query: Query = Query(), by identity: Identity) throws -> [SupportTicket] {
        try authorizeRead(identity, organizationId: query.organizationId ?? identity.organizationId)
        var filter = AccessControl.scope(identity)
        if !query.statuses.isEmpty { filter = filter && .isIn("status", anyOf: query.statuses) }
        if let assignee = query.assignedTo { filter = filter && .eq("assignedTo", assignee) }
        if let org = query.organizationId { filter = filter && .eq("organizationId", org) }
        if let user = query.userId { filter = filter && .eq("userId", user) }
        let found = try tickets.find(filter, sort: [.asc("updatedAt")], limit: max(1, min(query.limit, 5_000)))
        let urgency: [SupportTicket.Priority] = [.urgent, .high, .normal, .low]
        return found.enumerated().sorted {
            (urgency.firstIndex(of: $0.element.priority) ?? 9, $0.offset) < (urgency.firstIndex(of: $1.element.priority) ?? 9, $1.offset)
        }.map(\.element)
    }

    public func ticket(_ id: ObjectId, by identity: Identity) throws -> SupportTicket {
        guard let ticket = try tickets.first(.id(id) && AccessControl.scope(identity)) else { throw CoreError.notFound("ticket \(id.hex)") }
        try authorizeRead(identity, organizationId: ticket.organizationId)
        return ticket
    }

    /// Emails for the people `tickets` name: the customers, and for staff the staff
    /// members (a customer sees support's replies as "support", not who wrote them).
    public func people(in tickets: [SupportTicket], by identity: Identity) throws -> [ObjectId: String] {
        try authorizeRead(identity, organizationId: identity.organizationId)
        let customers = Set(tickets.compactMap(\.userId))
        var names: [ObjectId: String] = [:]
        for doc in try store.find(User.collection.rawValue, .isIn("_id", anyOf: Array(customers)) && AccessControl.scope(identity),
                                  projection: .include(["email"]), includeDeleted: true) {
            if let id = doc["_id"]?.objectIdValue { names[id] = doc["email"]?.stringValue }
        }
        guard identity.isStaff else { return names }
        let staff = Set(tickets.compactMap(\.assignedTo) + tickets.flatMap { $0.messages.filter(\.fromStaff).compactMap(\.authorId) })
        for doc in try store.find(AdminUser.collection.rawValue, .isIn("_id", anyOf: Array(staff)), projection: .include(["email"])) {
            if let id = doc["_id"]?.objectIdValue { names[id] = doc["email"]?.stringValue }
        }
        return names
    }

    /// A new ticket from a customer (about themselves), or from staff for the customer `userId`.
    @discardableResult
    public func open(subject: String, body: String, priority: SupportTicket.Priority = .normal, customer userId: ObjectId? = nil,
                     by identity: Identity) throws -> SupportTicket {
        let (subject, body) = (try Self.line(subject, "a subject", limit: 200), try Self.text(body, limit: 10_000))
        let customerId: ObjectId
        if case .customer(let me, _, _) = identity.principal {
            guard userId == nil || userId == me else { throw AccessDenied(action: .manageSupportTickets, reason: "customers open tickets for themselves") }
            customerId = me
        } else {
            try AccessControl.authorize(identity, .manageSupportTickets, organizationId: nil)
            guard let userId else { throw CoreError.invalid("name the customer the ticket is for") }
            customerId = userId
        }
        guard let customer = try ModelCollection(store, User.self).get(customerId) else { throw CoreError.notFound("customer \(customerId.hex)") }
        let now = clock()
        var ticket = SupportTicket()
        ticket._id = ObjectId(date: now)
        ticket.organizationId = customer.organizationId
        ticket.userId = customer._id
        ticket.subject = subject
        ticket.body = body
        ticket.priority = priority
        ticket.messages = [Self.message(body, by: identity, at: now)]
        ticket.createdAt = now
        ticket.updatedAt = now
        try tickets.insert(ticket)
        try audit.record(.init(action: "ticket_opened", targetType: .ticket, targetId: ticket._id, organizationId: ticket.organizationId,
                               after: try tickets.encode(ticket), subject: ticket.userId), by: identity)
        return ticket
    }

    /// A reply: staff's leaves the ticket waiting on the customer (pending), the
    /// customer's puts it back in the queue (open). A closed ticket takes no reply.
    @discardableResult
    public func reply(_ id: ObjectId, text: String, by identity: Identity) throws -> SupportTicket {
        let before = try ticket(id, by: identity)
        if identity.isStaff { try AccessControl.authorize(identity, .manageSupportTickets, organizationId: before.organizationId) }
        guard before.status != .closed else { throw CoreError.invalid("the ticket is closed; open a new one") }
        let now = clock()
        var after = before
        after.messages.append(Self.message(try Self.text(text, limit: 10_000, empty: false), by: identity, at: now))
        after.status = identity.isStaff ? .pending : .open
        let saved = try save(before, after, action: "ticket_replied", by: identity)
        try notifyReply(saved, by: identity)
        return saved
    }

    /// Support's reply reaches the customer who opened the ticket; the customer's reaches
    /// the staff member it is assigned to.
    private func notifyReply(_ ticket: SupportTicket, by identity: Identity) throws {
        guard let to = identity.isStaff ? ticket.userId : ticket.assignedTo, to != identity.actorId else { return }
        try Notifier(store: store, clock: clock).notify([to], in: ticket.organizationId, .init(
            kind: .ticketReply, title: "Reply on ticket: \(ticket.subject)",
            text: String(ticket.messages.last?.text.prefix(500) ?? ""), about: ticket._id))
    }

    /// Status, priority and assignee; staff only, but a customer may close their own ticket.
    @discardableResult
    public func update(_ id: ObjectId, status: SupportTicket.Status? = nil, priority: SupportTicket.Priority? = nil,
                       assignTo assignee: ObjectId?? = nil, reason: String? = nil, by identity: Identity) throws -> SupportTicket {
        let before = try ticket(id, by: identity)
        let customerClosing = !identity.isStaff && status == .closed && priority == nil && assignee == nil
        if !customerClosing { try AccessControl.authorize(identity, .manageSupportTickets, organizationId: before.organizationId) }
        guard identity.isStaff || customerClosing else { throw AccessDenied(action: .manageSupportTickets, reason: "support changes tickets") }
        var after = before
        if let status {
            after.status = status
            after.resolvedAt = status == .resolved || status == .closed ? (before.resolvedAt ?? clock()) : nil
        }
        if let priority { after.priority = priority }
        if let assignee {
            if let staffId = assignee {
                guard let staff = try ModelCollection(store, AdminUser.self).get(staffId), staff.isActive,
                      PermissionMatrix.actions(for: staff.role).contains(.manageSupportTickets) else {
                    throw CoreError.invalid("tickets go to active staff who handle tickets (support or admin)")
                }
            }
            after.assignedTo = assignee
        }
        guard after != before else { throw CoreError.invalid("nothing to change") }
        return try save(before, after, action: "ticket_updated", reason: reason, by: identity)
    }

    /// Links a ticket to the customer it is about (and so to their organization).
    @discardableResult
    public func link(_ id: ObjectId, to userId: ObjectId, by identity: Identity) throws -> SupportTicket {
        let before = try ticket(id, by: identity)
        try AccessControl.authorize(identity, .manageSupportTickets, organizationId: nil)
        guard identity.isStaff else { throw AccessDenied(action: .manageSupportTickets, reason: "support links tickets") }
        guard let customer = try ModelCollection(store, User.self).get(userId) else { throw CoreError.notFound("customer \(userId.hex)") }
        var after = before
        after.userId = customer._id
        after.organizationId = customer.organizationId
        return try save(before, after, action: "ticket_linked", by: identity)
    }

    private func authorizeRead(_ identity: Identity, organizationId: ObjectId?) throws {
        if identity.isStaff {
            try AccessControl.authorize(identity, .viewSupportTickets, organizationId: nil)
        } else {
            try AccessControl.authorize(identity, .viewContent, organizationId: organizationId)
        }
    }

    private func save(_ before: SupportTicket, _ after: SupportTicket, action: String, reason: String? = nil,
                      by identity: Identity) throws -> SupportTicket {
        var after = after
        after.updatedAt = clock()
        let doc = try tickets.encode(after)
        var update = Update.set("updatedAt", after.updatedAt)
        for field in ["status", "priority", "assignedTo", "messages", "resolvedAt", "userId", "organizationId"] {
            update = doc[field].map { update.set(field, $0) } ?? update.unset(field)
        }
        guard try store.updateOne(SupportTicket.collection.rawValue, .id(before._id) && .eq("updatedAt", before.updatedAt), update) == 1 else {
            throw CoreError.conflict("the ticket changed a moment ago; look again")
        }
        try audit.record(.init(action: action, targetType: .ticket, targetId: after._id, organizationId: after.organizationId,
                               before: try tickets.encode(before), after: doc, reason: reason, subject: after.userId), by: identity)
        return after
    }

    static func message(_ text: String, by identity: Identity, at now: Date) -> SupportTicket.Message {
        var m = SupportTicket.Message()
        m.authorId = identity.actorId
        m.fromStaff = identity.isStaff
        m.text = text
        m.createdAt = now
        return m
    }

    static func line(_ text: String, _ what: String, limit: Int) throws -> String {
        let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty, clean.count <= limit, !SafeText.hasControls(clean) else {
            throw CoreError.invalid("\(what) is 1 to \(limit) characters of plain text on one line")
        }
        return clean
    }

    /// Text of several lines: line breaks and tabs pass, other control characters do not.
    static func text(_ text: String, limit: Int, empty: Bool = true) throws -> String {
        let clean = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard empty || !clean.isEmpty else { throw CoreError.invalid("write something") }
        guard clean.count <= limit, !SafeText.hasControls(clean, allowing: ["\n", "\t"]) else {
            throw CoreError.invalid("the text is up to \(limit) characters, without control characters")
        }
        return clean
    }
}
