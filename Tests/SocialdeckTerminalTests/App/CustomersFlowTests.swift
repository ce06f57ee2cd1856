import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Support at work in the customers pane (issue #14): search as you type, the selected
/// customer's profile, suspend with a reason, a plan change from the palette, and a
/// customer admin who sees only their own people.
@Suite("App flows in-process: customers")
struct CustomersFlowTests {
    static let staff = "super-admin@socialdeck.example"

    @Test func searchAsYouTypeThenSuspendWithAReasonAudited() throws {
        let app = try AppHarness(width: 140, height: 40)
        try app.signIn(Self.staff)
        try app.press("6")
        app.refresh()
        #expect(app.screen.contains("Customers · / to search"))
        try app.press("/")
        app.type("viewer@acme")
        app.refresh()
        #expect(try app.dashboard().customers.matches.map(\.email) == ["viewer@acme.example"])
        #expect(app.screen.contains("1 match “viewer@acme”"))
        #expect(app.screen.contains("Organization Acme Coffee Roasters (acme)"), "the selected customer's profile:\n\(app.screen)")
        #expect(app.screen.contains("Social accounts") && app.screen.contains("Recent activity"))
        try app.press("enter")

        try app.press("s")
        #expect(app.screen.contains("Suspend viewer@acme.example because:"))
        try app.press("enter")
        #expect(app.screen.contains("say why"), "an empty reason is refused")
        app.type("chargeback")
        try app.press("enter")
        app.refresh()
        let user = try #require(try ModelCollection(app.store, User.self).first(.eq("email", "viewer@acme.example")))
        #expect(!user.authentication.isActive)
        #expect(app.screen.contains("suspended viewer@acme.example"))
        let entry = try #require(try AuditViewer(store: app.store).page(.init(log: .staff, target: user._id, action: "user_suspended"),
                                                                         by: .localOperator()).entries.first)
        #expect(entry.reason == "chargeback", "sealed with the customer's key, opened for staff")

        try app.press("s")
        app.refresh()
        #expect(try #require(try ModelCollection(app.store, User.self).get(user._id)).authentication.isActive, "s again activates")
    }

    @Test func thePaletteChangesTheSelectedCustomersPlan() throws {
        let app = try AppHarness(width: 140, height: 40)
        let org = try #require(try ModelCollection(app.store, Organization.self).first(.ne("slug", "acme"), sort: [.asc("slug")]))
        try app.signIn(Self.staff)
        try app.press("6", "/")
        app.type("admin@" + org.slug)
        try app.press("enter")
        app.refresh()
        try app.press(":")
        app.type("plan enterprise yearly")
        try app.press("enter")
        app.refresh()
        let sub = try #require(try ModelCollection(app.store, Subscription.self).first(.eq("organizationId", org._id)))
        #expect(sub.plan.name == "Enterprise" && sub.plan.interval == .year)
        #expect(app.screen.contains("\(org.slug) is on Enterprise now"))
        #expect(app.screen.contains("Plan Enterprise $2,990/year"))
    }

    @Test func aCustomerAdminSeesOnlyTheirOwnPeopleAndAManagerNoPane() throws {
        let app = try AppHarness(width: 140, height: 40)
        try app.signIn("admin@acme.example")
        try app.press("6")
        app.refresh()
        let emails = try app.dashboard().customers.matches.map(\.email)
        #expect(!emails.isEmpty && emails.allSatisfy { $0.hasSuffix("@acme.example") }, "\(emails)")

        let manager = try AppHarness()
        try manager.signIn()
        try manager.press("6")
        #expect(manager.screen.contains("your role cannot open Customers"))
        #expect(!manager.screen.contains("6 Customers"))
    }

    /// Seven panes do not fit 80 columns with their full titles: every tab shortens, none is cut.
    @Test func everyTabFitsAt80Columns() throws {
        let narrow = try AppHarness(width: 80, height: 24)
        try narrow.signIn(Self.staff)
        let tabs = String(narrow.screen.split(separator: "\n")[1])
        for label in ["1 Cale", "5 Reve", "6 Cust", "7 Tick"] { #expect(tabs.contains(label), "\(tabs)") }
        try narrow.press("7")
        #expect(try narrow.dashboard().pane == .tickets)
        let wide = try AppHarness(width: 140, height: 40)
        try wide.signIn(Self.staff)
        #expect(wide.screen.split(separator: "\n")[1].contains("7 Tickets"), "full titles where they fit")
    }
}
