import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Support tickets (issue #14): the queue, a conversation between a customer and
/// support, assignment, linking to a customer, and who may do what.
@Suite("Support desk")
struct SupportDeskTests {
    @Test(arguments: Backend.enabled)
    func aConversationFromOpenToResolved(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        let desk = SupportDesk(store: b.w.store, clock: b.w.clock.closure)
        let ticket = try desk.open(subject: "Posts stuck in review", body: "Since Monday\r\nnothing publishes", priority: .high,
                                   by: identity(of: b.manager))
        #expect(ticket.userId == b.manager._id && ticket.organizationId == b.acme._id && ticket.status == .open)
        #expect(ticket.messages.map(\.text) == ["Since Monday\nnothing publishes"])

        let support = b.staffIdentity(.support)
        b.w.clock.advance(by: 60)
        try desk.update(ticket._id, assignTo: .some(b.staff[.support]!._id), by: support)
        let replied = try desk.reply(ticket._id, text: "Looking into it now.", by: support)
        #expect(replied.status == .pending && replied.messages.last?.fromStaff == true)
        let answered = try desk.reply(ticket._id, text: "Thanks!", by: identity(of: b.manager))
        #expect(answered.status == .open && answered.messages.count == 3)
        let resolved = try desk.update(ticket._id, status: .resolved, reason: "token renewed", by: support)
        #expect(resolved.resolvedAt != nil && resolved.assignedTo == b.staff[.support]!._id)
        #expect(try b.w.adminLog().map(\.action).suffix(3) == ["ticket_updated", "ticket_replied", "ticket_updated"])
        #expect(try b.w.customerLog().map(\.action).contains("ticket_opened"))

        let closed = try desk.update(ticket._id, status: .closed, by: identity(of: b.manager))
        #expect(closed.status == .closed)
        #expect(throws: CoreError.self) { try desk.reply(ticket._id, text: "one more thing", by: identity(of: b.manager)) }
    }

    @Test func theQueueIsMostUrgentFirstThenLongestWaiting() throws {
        let b = try BillingWorld(.sqlite)
        let desk = SupportDesk(store: b.w.store, clock: b.w.clock.closure)
        for (subject, priority) in [("old normal", SupportTicket.Priority.normal), ("urgent", .urgent), ("new normal", .normal), ("low", .low)] {
            try desk.open(subject: subject, body: "", priority: priority, by: identity(of: b.admin))
            b.w.clock.advance(by: 60)
        }
        #expect(try desk.list(by: b.staffIdentity(.support)).map(\.subject) == ["urgent", "old normal", "new normal", "low"])
        let done = try #require(try desk.list(by: b.staffIdentity(.support)).first)
        try desk.update(done._id, status: .resolved, by: b.staffIdentity(.support))
        #expect(try desk.list(by: b.staffIdentity(.support)).count == 3, "resolved tickets leave the queue")
        #expect(try desk.list(.init(statuses: []), by: b.staffIdentity(.support)).count == 4)
    }

    @Test func whoMayDoWhat() throws {
        let b = try BillingWorld(.sqlite)
        let desk = SupportDesk(store: b.w.store, clock: b.w.clock.closure)
        let other = try b.w.customer("them@globex.test", in: b.globex)
        let theirs = try desk.open(subject: "Theirs", body: "", by: identity(of: other))
        let ours = try desk.open(subject: "Ours", body: "", by: identity(of: b.manager))

        #expect(try desk.list(by: identity(of: b.admin)).map(\.subject) == ["Ours"], "a customer sees their organization's tickets")
        #expect(throws: CoreError.self) { try desk.ticket(theirs._id, by: identity(of: b.admin)) }
        #expect(throws: (any Error).self) { try desk.reply(theirs._id, text: "hi", by: identity(of: b.admin)) }
        #expect(throws: AccessDenied.self) { try desk.update(ours._id, priority: .urgent, by: identity(of: b.admin)) }
        #expect(throws: AccessDenied.self) { try desk.open(subject: "For them", body: "", customer: other._id, by: identity(of: b.admin)) }

        #expect(throws: AccessDenied.self) { try desk.list(by: b.staffIdentity(.analyst)) }
        #expect(throws: Never.self) { try desk.list(by: b.staffIdentity(.support)) }
        #expect(throws: AccessDenied.self) { try desk.reply(ours._id, text: "x", by: b.staffIdentity(.analyst)) }
        #expect(throws: CoreError.self, "tickets go to staff who handle them") {
            try desk.update(ours._id, assignTo: .some(b.staff[.analyst]!._id), by: b.staffIdentity(.support))
        }
        let linked = try desk.link(theirs._id, to: b.manager._id, by: b.staffIdentity(.support))
        #expect(linked.organizationId == b.acme._id && linked.userId == b.manager._id)
        #expect(throws: CoreError.self) { try desk.open(subject: "line\u{1B}[2J", body: "", by: identity(of: b.manager)) }
    }
}
