import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Tickets from the terminal (issue #14): support replies, takes and resolves from the
/// queue; a customer admin opens a ticket and sees only their organization's.
@Suite("App flows in-process: tickets")
struct TicketsFlowTests {
    @Test func supportRepliesTakesAndResolves() throws {
        let app = try AppHarness(width: 140, height: 40)
        try app.signIn("support@socialdeck.example")
        try app.press("7")
        app.refresh()
        let first = try #require(try app.dashboard().tickets.selected)
        #expect(app.screen.contains("Tickets · queue") && app.screen.contains(first.subject))
        try app.press("r")
        app.type("We reconnected your account")
        try app.press("enter")
        app.refresh()
        var stored = try #require(try ModelCollection(app.store, SupportTicket.self).get(first._id))
        #expect(stored.messages.last?.text == "We reconnected your account" && stored.status == .pending)
        try app.press("t")
        app.refresh()
        let support = try #require(try ModelCollection(app.store, AdminUser.self).first(.eq("email", "support@socialdeck.example")))
        stored = try #require(try ModelCollection(app.store, SupportTicket.self).get(first._id))
        #expect(stored.assignedTo == support._id)
        #expect(app.screen.contains("support@socialdeck.example"), "the assignee is named")
        try app.press("c")
        app.refresh()
        #expect(try ModelCollection(app.store, SupportTicket.self).get(first._id)?.status == .resolved)
        #expect(try !app.dashboard().tickets.rows.contains { $0._id == first._id }, "a resolved ticket leaves the queue")
        try app.press("v")
        app.refresh()
        #expect(try app.dashboard().tickets.rows.contains { $0._id == first._id }, "v shows every ticket")
    }

    @Test func aCustomerAdminOpensATicketAndSeesTheirOwn() throws {
        let app = try AppHarness(width: 140, height: 40)
        try app.signIn("admin@acme.example")
        try app.press("7")
        app.refresh()
        try app.press("n")
        app.type("Where did my drafts go?")
        try app.press("enter")
        app.refresh()
        let model = try app.dashboard()
        let acme = try #require(try ModelCollection(app.store, Organization.self).first(.eq("slug", "acme")))
        #expect(model.tickets.rows.contains { $0.subject == "Where did my drafts go?" })
        #expect(model.tickets.rows.allSatisfy { $0.organizationId == acme._id })
        #expect(!app.screen.contains("super-admin@"), "a customer does not see who in support wrote")

        let manager = try AppHarness()
        try manager.signIn()
        try manager.press("7")
        #expect(manager.screen.contains("your role cannot open Tickets"))
    }
}
