import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// In-app notifications (issue #14): approval requested, limit reached, ticket replies,
/// each reaching the right people once; the list with mark-read and delete, the unread
/// count, and each person's choice of what also arrives by email.
@Suite("Notifications")
struct NotificationTests {
    @Test(arguments: Backend.enabled)
    func eventsReachTheRightPeopleOnce(_ backend: Backend) throws {
        let b = try BillingWorld(backend, limits: { $0.postsPerMonth = 1 })
        let writer = try b.w.customer("writer@acme.test", in: b.acme)
        let inbox = NotificationInbox(store: b.w.store, clock: b.w.clock.closure)

        try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "For approval", platforms: [.facebook], intent: .forApproval),
                                 by: identity(of: writer))
        for person in [b.admin, b.manager] {
            let notes = try inbox.list(for: identity(of: person))
            #expect(notes.map(\.kind) == [.approvalNeeded] && notes[0].title == "Approval requested: For approval", "\(person.email)")
        }
        #expect(try inbox.list(for: identity(of: writer)).isEmpty, "the author is not told about their own draft")

        for _ in 0..<2 {
            expectCoreError(.conflict) {
                try b.w.workflow.compose(PostDraft(organizationId: b.acme._id, text: "Over", platforms: [.facebook], intent: .forApproval),
                                         by: identity(of: writer))
            }
        }
        #expect(try inbox.list(for: identity(of: b.admin)).filter { $0.kind == .limitReached }.count == 1, "once a month, not per refusal")

        let desk = SupportDesk(store: b.w.store, clock: b.w.clock.closure)
        let ticket = try desk.open(subject: "Where is my invoice", body: "", by: identity(of: writer))
        let support = b.staff[.support]!
        _ = try desk.update(ticket._id, assignTo: .some(support._id), by: b.staffIdentity(.support))
        _ = try desk.reply(ticket._id, text: "It is attached now", by: b.staffIdentity(.support))
        let reply = try #require(try inbox.list(for: identity(of: writer)).first)
        #expect(reply.kind == .ticketReply && reply.message == "It is attached now" && reply.relatedId == ticket._id)
        _ = try desk.reply(ticket._id, text: "Thanks", by: identity(of: writer))
        #expect(try inbox.list(for: b.staffIdentity(.support)).map(\.kind) == [.ticketReply], "the assignee hears the customer")

        #expect(try inbox.unreadCount(for: identity(of: b.admin)) == 2)
        try inbox.markRead(reply._id, by: identity(of: writer))
        #expect(try inbox.unreadCount(for: identity(of: writer)) == 0)
        expectCoreError(.notFound, "someone else's notification") { try inbox.markRead(reply._id, by: identity(of: b.admin)) }
        expectCoreError(.notFound) { try inbox.delete(reply._id, by: identity(of: b.manager)) }
        #expect(try inbox.markAllRead(by: identity(of: b.admin)) == 2)
        try inbox.delete(reply._id, by: identity(of: writer))
        #expect(try inbox.list(for: identity(of: writer)).isEmpty)
    }

    @Test func emailSettingsChooseWhatAlsoArrivesByEmail() throws {
        let b = try BillingWorld(.sqlite)
        let inbox = NotificationInbox(store: b.w.store, clock: b.w.clock.closure)
        let me = identity(of: b.manager)
        #expect(try inbox.emailKinds(for: me) == [.postFailed, .postExpired, .limitReached, .ticketReply])
        let notifier = Notifier(store: b.w.store, clock: b.w.clock.closure)
        try notifier.notify([b.manager._id], in: b.acme._id, .init(kind: .approvalNeeded, title: "A", text: ""))
        try notifier.notify([b.manager._id], in: b.acme._id, .init(kind: .postFailed, title: "B", text: ""))
        var notes = try inbox.list(for: me)
        #expect(notes.first { $0.title == "A" }?.email == nil)
        #expect(notes.first { $0.title == "B" }?.email?.to == "manager@acme.test")
        #expect(notes.first { $0.title == "B" }?.email?.state == .pending)

        try inbox.setEmailKinds([.approvalNeeded], by: me)
        #expect(try inbox.emailKinds(for: me) == [.approvalNeeded])
        try notifier.notify([b.manager._id], in: b.acme._id, .init(kind: .approvalNeeded, title: "C", text: ""))
        try notifier.notify([b.manager._id], in: b.acme._id, .init(kind: .postFailed, title: "D", text: ""))
        notes = try inbox.list(for: me)
        #expect(notes.first { $0.title == "C" }?.email != nil && notes.first { $0.title == "D" }?.email == nil)
        try inbox.setEmailKinds([], by: me)
        #expect(try inbox.emailKinds(for: me).isEmpty)
        expectCoreError(.invalid, "staff are told in the dashboard") { try inbox.setEmailKinds([.ticketReply], by: b.staffIdentity(.support)) }
    }
}
