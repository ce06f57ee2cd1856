import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Managing customer and staff accounts: what is accepted, who may do it.
@Suite("User and staff administration")
struct UserAdministrationTests {
    struct Org {
        let w: AccountWorld
        let org: Organization
        let admin: User, manager: User, user: User, viewer: User
        init(_ backend: Backend = .sqlite) throws {
            w = try AccountWorld(backend)
            org = try w.organization("acme")
            admin = try w.customer("admin@acme.test", in: org, role: .admin)
            manager = try w.customer("manager@acme.test", in: org, role: .manager)
            user = try w.customer("user@acme.test", in: org, role: .user)
            viewer = try w.customer("viewer@acme.test", in: org, role: .viewer)
        }
    }

    static func new(_ email: String, password: String = "a perfectly long password", timezone: String = "UTC",
                    role: UserRole = .user) -> UserAdministration.NewUser {
        .init(email: email, password: password, organizationSlug: "acme", role: role, firstName: "New", lastName: "Person",
              timezone: timezone)
    }

    @Test func addingAUserNormalisesTheEmail() throws {
        let o = try Org()
        let now = o.w.clock.now
        let added = try o.w.users().add(Self.new("  Zoe.Smith@Example.COM ", timezone: "Europe/Berlin", role: .manager),
                                        by: identity(of: o.admin))
        #expect(added.email == "zoe.smith@example.com")
        let stored = try o.w.storedUser(added._id)
        #expect(stored.email == "zoe.smith@example.com")
        #expect(stored.organizationId == o.org._id)
        #expect(stored.role == .manager)
        #expect(stored.profile.timezone == "Europe/Berlin")
        #expect(stored.createdAt == now)
        #expect(stored.authentication.isActive)
        #expect(try fastHasher.verify("a perfectly long password", against: try #require(stored.passwordHash)))
        // The new account signs in with any capitalisation of its email.
        _ = try o.w.authenticator().signIn(email: "ZOE.SMITH@example.com", password: "a perfectly long password", context: testContext)
        let entry = try #require(try o.w.customerLog().first { $0.action == "user_created" })
        #expect(entry.targetId == added._id)
        #expect(entry.details.after?["email"] == .string("zoe.smith@example.com"))
    }

    @Test func invalidEmailsAreRejected() throws {
        let o = try Org()
        let bad = ["no-at-sign", "a@b", "x@y.com<script>", "", "   ", "@example.com", "two@@example.com", "a@b@example.com",
                   "a@.example.com", "a@example.com.", "a b@example.com", "a@exa mple.com", "a\u{0}@example.com", "a\"b@example.com",
                   "{\"$ne\":null}@example.com", "a@example.com\u{7F}", String(repeating: "a", count: 250) + "@example.com"]
        for email in bad {
            expectCoreError(.invalid, "\(email.prefix(40).debugDescription)") { try o.w.users().add(Self.new(email), by: identity(of: o.admin)) }
        }
        #expect(try ModelCollection(o.w.store, User.self).count(includeDeleted: true) == 4)
    }

    @Test func weakPasswordsAreRejected() throws {
        let o = try Org()
        let users = o.w.users()
        let admin = identity(of: o.admin)
        expectCoreError(.invalid, "11 characters") { try users.add(Self.new("p1@acme.test", password: "elevenchars"), by: admin) }
        expectCoreError(.invalid, "the email") {
            try users.add(Self.new("longname@example.com", password: "LongName@Example.com"), by: admin)
        }
        expectCoreError(.invalid, "over the byte limit") {
            try users.add(Self.new("p2@acme.test", password: String(repeating: "x", count: PasswordHasher.maximumPasswordBytes + 1)), by: admin)
        }
        // Twelve characters is enough, counted as characters, not bytes.
        try users.add(Self.new("p3@acme.test", password: "twelve chars"), by: admin)
        expectCoreError(.invalid, "eleven accented characters") { try users.add(Self.new("p4@acme.test", password: "ééééééééééé"), by: admin) }
        var strict = AccountPolicy()
        strict.minimumPasswordLength = 16
        expectCoreError(.invalid, "policy of 16") {
            try o.w.users(policy: strict).add(Self.new("p5@acme.test", password: "fifteen chars!!"), by: admin)
        }
        #expect(try ModelCollection(o.w.store, User.self).count() == 5)
    }

    @Test(arguments: Backend.enabled)
    func aDuplicateEmailIsAConflict(_ backend: Backend) throws {
        let o = try Org(backend)
        let admin = identity(of: o.admin)
        try o.w.users().add(Self.new("dup@acme.test"), by: admin)
        expectCoreError(.conflict) { try o.w.users().add(Self.new("dup@acme.test"), by: admin) }
        expectCoreError(.conflict, "different case") { try o.w.users().add(Self.new(" DUP@Acme.Test"), by: admin) }
        expectCoreError(.conflict, "an existing seeded user") { try o.w.users().add(Self.new("viewer@acme.test"), by: admin) }
        #expect(try ModelCollection(o.w.store, User.self).count(.eq("email", "dup@acme.test")) == 1)
        #expect(try o.w.customerLog().filter { $0.action == "user_created" }.count == 1)
    }

    @Test func unknownTimeZonesAreRejected() throws {
        let o = try Org()
        for zone in ["Mars/Olympus_Mons", "", "utc+25", "Europe/Berlin; rm -rf /"] {
            expectCoreError(.invalid, "\(zone)") { try o.w.users().add(Self.new("tz@acme.test", timezone: zone), by: identity(of: o.admin)) }
        }
        try o.w.users().add(Self.new("tz@acme.test", timezone: "America/New_York"), by: identity(of: o.admin))
    }

    @Test func onlyUserManagersAddUsers() throws {
        let o = try Org()
        for who in [o.manager, o.user, o.viewer] {
            expectDenied(.manageUsers, "\(who.role)") { try o.w.users().add(Self.new("x-\(who.role)@acme.test"), by: identity(of: who)) }
        }
        let support = try o.w.staff("support@socialdeck.test", role: .support)
        expectDenied(.manageUsers, "support staff") { try o.w.users().add(Self.new("s@acme.test"), by: identity(of: support)) }
        let staffAdmin = try o.w.staff("admin@socialdeck.test", role: .admin)
        try o.w.users().add(Self.new("by-staff@acme.test"), by: identity(of: staffAdmin))
        expectCoreError(.notFound, "unknown organization") {
            try o.w.users().add(.init(email: "n@acme.test", password: "a perfectly long password", organizationSlug: "nope",
                                      role: .user), by: identity(of: o.admin))
        }
    }

    @Test func settingPasswords() throws {
        let o = try Org()
        let users = o.w.users()
        // A plain user changes their own password…
        try users.setPassword(o.user._id, to: "my own new password", by: identity(of: o.user))
        #expect(try fastHasher.verify("my own new password", against: try #require(try o.w.storedUser(o.user._id).passwordHash)))
        // …and a viewer too, but neither changes anybody else's.
        try users.setPassword(o.viewer._id, to: "viewer's new password", by: identity(of: o.viewer))
        let before = try o.w.rawUser(o.viewer._id)
        expectDenied(.manageUsers, "user on viewer") { try users.setPassword(o.viewer._id, to: "hijacked password!", by: identity(of: o.user)) }
        expectDenied(.manageUsers, "manager on user") { try users.setPassword(o.user._id, to: "hijacked password!", by: identity(of: o.manager)) }
        #expect(try o.w.rawUser(o.viewer._id) == before)
        // Self-service still follows the password rules.
        expectCoreError(.invalid) { try users.setPassword(o.user._id, to: "short", by: identity(of: o.user)) }
        expectCoreError(.invalid) { try users.setPassword(o.user._id, to: "USER@acme.test", by: identity(of: o.user)) }
        // The organization's admin may set anyone's.
        try users.setPassword(o.manager._id, to: "set by the admin", by: identity(of: o.admin))
        _ = try o.w.authenticator().signIn(email: "manager@acme.test", password: "set by the admin", context: testContext)
        expectSignIn(.refused) { try o.w.authenticator().signIn(email: "manager@acme.test", password: seedPassword, context: testContext) }
    }

    @Test func suspendingAndActivating() throws {
        let o = try Org()
        let users = o.w.users()
        let admin = identity(of: o.admin)
        expectCoreError(.invalid, "suspend yourself") { try users.suspend(o.admin._id, reason: "oops", by: admin) }
        #expect(try o.w.storedUser(o.admin._id).authentication.isActive)
        expectDenied(nil, "a manager suspends") { try users.suspend(o.user._id, reason: "x", by: identity(of: o.manager)) }
        expectCoreError(.notFound, "an unknown id") { try users.suspend(ObjectId(), reason: "x", by: admin) }

        try users.suspend(o.user._id, reason: "on leave", by: admin)
        #expect(try o.w.storedUser(o.user._id).authentication.isActive == false)
        #expect(try o.w.storedUser(o.user._id).updatedAt == o.w.clock.now)
        expectSignIn(.refused) { try o.w.authenticator().signIn(email: "user@acme.test", password: seedPassword, context: testContext) }

        o.w.clock.advance(by: 3_600)
        expectDenied(nil, "a viewer activates") { try users.activate(o.user._id, by: identity(of: o.viewer)) }
        try users.activate(o.user._id, reason: "back", by: admin)
        #expect(try o.w.storedUser(o.user._id).authentication.isActive)
        _ = try o.w.authenticator().signIn(email: "user@acme.test", password: seedPassword, context: testContext)

        // Support staff suspend customers too, but not staff themselves.
        let support = try o.w.staff("support@socialdeck.test", role: .support)
        try users.suspend(o.viewer._id, reason: "abuse report", by: identity(of: support))
        #expect(try o.w.storedUser(o.viewer._id).authentication.isActive == false)
        #expect(try o.w.customerLog().map(\.action).filter { $0.hasPrefix("user_") } == ["user_suspended", "user_activated"])
        #expect(try o.w.adminLog().map(\.action).filter { $0.hasPrefix("user_") } == ["user_suspended"])
    }

    @Test func onlySuperAdminsAddStaff() throws {
        let w = try AccountWorld()
        let superAdmin = try w.staff("root@socialdeck.test", role: .superAdmin)
        let staffAdmin = try w.staff("admin@socialdeck.test", role: .admin)
        let support = try w.staff("support@socialdeck.test", role: .support)
        let org = try w.organization("acme")
        let customerAdmin = try w.customer("admin@acme.test", in: org, role: .admin, permissions: ["staff.manage"])
        let staff = w.staffAdmin()

        for (label, who) in [("admin staff", identity(of: staffAdmin)), ("support", identity(of: support)),
                             ("customer admin with a staff.manage grant", identity(of: customerAdmin))] {
            expectDenied(.manageStaff, "\(label)") {
                try staff.add(email: "x@socialdeck.test", password: "a long staff password", role: .support, by: who)
            }
        }
        #expect(try ModelCollection(w.store, AdminUser.self).count() == 3)

        let added = try staff.add(email: "Newbie@SocialDeck.test", password: "a long staff password", role: .analyst,
                                  firstName: "New", lastName: "Bie", by: identity(of: superAdmin))
        #expect(added.email == "newbie@socialdeck.test")
        let stored = try w.storedStaff(added._id)
        #expect(stored.role == .analyst)
        #expect(stored.isActive)
        #expect(stored.profile.firstName == "New")
        expectCoreError(.conflict) {
            try staff.add(email: "newbie@socialdeck.test", password: "a long staff password", role: .analyst, by: identity(of: superAdmin))
        }
        expectCoreError(.invalid) { try staff.add(email: "no-at-sign", password: "a long staff password", role: .analyst, by: identity(of: superAdmin)) }
        expectCoreError(.invalid) { try staff.add(email: "s@socialdeck.test", password: "short", role: .analyst, by: identity(of: superAdmin)) }
        // A staff admin may still set allowlists? No: that takes manageStaff as well.
        expectDenied(.manageStaff) { try staff.setAllowedAddresses(added._id, ["10.0.0.1"], by: identity(of: staffAdmin)) }
        expectDenied(.manageStaff) { try staff.setActive(added._id, false, reason: nil, by: identity(of: staffAdmin)) }
    }

    @Test func allowlistEntriesMustBeAddressesOrRanges() throws {
        let w = try AccountWorld()
        let superAdmin = identity(of: try w.staff("root@socialdeck.test", role: .superAdmin))
        let target = try w.staff("target@socialdeck.test", role: .support)
        let staff = w.staffAdmin()
        for bad in ["not-an-ip", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/-0", "10.0.0.0/abc", "256.1.1.1", "10.0.0",
                    "10.0.0.1 ", "", "/", "/8", "10.0.0.0/", "example.com", "10.0.0.0/8/8"] {
            expectCoreError(.invalid, "\(bad.debugDescription)") { try staff.setAllowedAddresses(target._id, ["192.0.2.1", bad], by: superAdmin) }
        }
        #expect(try w.storedStaff(target._id).security.ipWhitelist == [])
        let good = ["192.0.2.1", "10.0.0.0/8", "0.0.0.0/0", "2001:db8::/32", "::1", "2001:db8::/128"]
        try staff.setAllowedAddresses(target._id, good, by: superAdmin)
        #expect(try w.storedStaff(target._id).security.ipWhitelist == good)
        try staff.setAllowedAddresses(target._id, [], by: superAdmin)
        #expect(try w.storedStaff(target._id).security.ipWhitelist == [])
    }
}
