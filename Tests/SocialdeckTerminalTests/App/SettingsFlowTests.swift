import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// The organization settings screen from the terminal (issue #14): a customer admin
/// opens `:settings`, invites with `i`, changes a setting with `e`, revokes with `x`;
/// each reaches the store. A manager is told why not; staff choose the organization first.
@Suite("App flows in-process: organization settings, invitations and organizations")
struct SettingsFlowTests {
    @Test func anAdminInvitesRenamesAndRevokes() throws {
        let app = try AppHarness(width: 120, height: 36)
        try app.signIn("admin@acme.example")
        let acme = try #require(try ModelCollection(app.store, Organization.self).first(.eq("slug", "acme")))
        try app.press(":")
        app.type("settings")
        try app.press("enter")
        app.refresh()
        #expect(app.screen.contains("Settings · \(acme.name)") && app.screen.contains("seats") && app.screen.contains("acme.example"))
        #expect(app.screen.contains("None. i invites someone by email"))

        try app.press("i")
        app.type("new.person@acme.example manager")
        try app.press("enter")
        app.refresh()
        let invitation = try #require(try ModelCollection(app.store, Invitation.self).first(.eq("email", "new.person@acme.example")))
        #expect(invitation.role == .manager && invitation.organizationId == acme._id && invitation.delivery?.state == .pending)
        #expect(app.screen.contains("pending") && app.screen.contains("new.person@acme.example"), "the screen shows again, with it")

        try app.press("e")
        app.type("name Acme Roasters")
        try app.press("enter")
        app.refresh()
        #expect(try ModelCollection(app.store, Organization.self).get(acme._id)?.name == "Acme Roasters")
        #expect(app.screen.contains("Settings · Acme Roasters"))

        try app.press("e")
        app.type("colors #12")
        try app.press("enter")
        app.refresh()
        #expect(app.screen.contains("a colour is #RRGGBB"), "refused, said, nothing changed")

        try app.press("x")
        app.refresh()
        #expect(try ModelCollection(app.store, Invitation.self).get(invitation._id)?.revokedAt != nil)
        #expect(app.screen.contains("revoked the invitation of new.person@acme.example"))
        try app.press("escape")
        #expect(!app.screen.contains("Settings ·"))
    }

    @Test func aManagerIsToldWhyNotAndStaffChooseTheOrganization() throws {
        let app = try AppHarness(width: 120, height: 36)
        try app.signIn()
        try app.press(":")
        app.type("settings")
        try app.press("enter")
        #expect(app.screen.contains("your role cannot change the organization's settings"))
        try app.press(":")
        app.type("invite x@acme.example")
        try app.press("enter")
        #expect(app.screen.contains("your role cannot invite people"))
        #expect(try app.store.count(Invitation.collection.rawValue, .all) == 0)

        let staff = try AppHarness(width: 120, height: 36)
        try staff.signIn("super-admin@socialdeck.example")
        try staff.press(":")
        staff.type("settings")
        try staff.press("enter")
        #expect(staff.screen.contains("choose the organization first"))
        try staff.press(":")
        staff.type("org acme")
        try staff.press("enter")
        try staff.press(":")
        staff.type("settings")
        try staff.press("enter")
        staff.refresh()
        #expect(staff.screen.contains("Settings · Acme"))
    }

    @Test func staffCreateDeleteAndRestoreAnOrganization() throws {
        let app = try AppHarness(width: 120, height: 36)
        try app.signIn("super-admin@socialdeck.example")
        for line in ["create-org Zeta Bakery pro", "org zeta-bakery", "delete-org asked to leave by email", "restore-org zeta-bakery"] {
            try app.press(":")
            app.type(line)
            try app.press("enter")
            app.refresh()
        }
        let zeta = try #require(try ModelCollection(app.store, Organization.self).first(.eq("slug", "zeta-bakery"), includeDeleted: true))
        #expect(zeta.name == "Zeta Bakery" && zeta.deletedAt == nil && zeta.subscription.plan == .pro)
        #expect(try app.store.count(Subscription.collection.rawValue, .eq("organizationId", zeta._id)) == 1)
        #expect(app.screen.contains("restored zeta-bakery"))
        let log = try app.store.find(CollectionName.adminActivityLogs.rawValue, .eq("targetId", zeta._id)).compactMap { $0["action"]?.stringValue }
        #expect(log == ["organization_created", "organization_deleted", "organization_restored"])
    }
}
