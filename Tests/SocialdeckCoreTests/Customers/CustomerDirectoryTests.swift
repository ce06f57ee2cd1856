import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Looking customers up (issue #14): search as you type by email, name or organization,
/// kept fresh as accounts change; a customer's profile without a secret; who may look.
@Suite("Customer directory")
struct CustomerDirectoryTests {
    @Test(arguments: Backend.enabled)
    func searchFindsByEmailNameAndOrganization(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        try b.w.customer("sarah.connor@globex.test", in: b.globex, role: .manager) { $0.profile = User.Profile(firstName: "Sarah", lastName: "Connor") }
        try b.w.customer("kyle@globex.test", in: b.globex) { $0.profile = User.Profile(firstName: "Kyle", lastName: "Reese") }
        let directory = CustomerDirectory(store: b.w.store, clock: b.w.clock.closure)
        let support = b.staffIdentity(.support)

        #expect(try directory.search("sarah.connor@globex.test", for: support).map(\.email) == ["sarah.connor@globex.test"])
        #expect(try directory.search("SAR", for: support).map(\.email) == ["sarah.connor@globex.test"], "an email's beginning, any case")
        #expect(try directory.search("reese", for: support).map(\.email) == ["kyle@globex.test"], "a last name")
        #expect(try directory.search("globex kyle", for: support).map(\.email) == ["kyle@globex.test"], "every word must match")
        #expect(Set(try directory.search("globex", for: support).map(\.email)) == ["sarah.connor@globex.test", "kyle@globex.test"])
        #expect(try directory.search("connor@", for: support).map(\.email) == ["sarah.connor@globex.test"], "inside an email")
        #expect(try directory.search("nobody", for: support).isEmpty)
        let first = try #require(try directory.search("kyle", for: support).first)
        #expect(first.organizationSlug == "globex" && first.status == .active && first.plan == "Free")

        // Typing after a change sees it: the index follows the accounts.
        try b.w.users().suspend(first.userId, reason: "chargeback", by: support)
        try b.w.customer("kylie@acme.test", in: b.acme)
        #expect(try directory.search("kyl", for: support).map { "\($0.email) \($0.status.rawValue)" }
                == ["kyle@globex.test suspended", "kylie@acme.test active"])
        #expect(throws: CoreError.self) { try directory.search("\u{1B}[2J", for: support) }
    }

    @Test func customerAdminsSearchTheirOwnPeopleOnly() throws {
        let b = try BillingWorld(.sqlite)
        try b.w.customer("other@globex.test", in: b.globex)
        let directory = CustomerDirectory(store: b.w.store, clock: b.w.clock.closure)
        #expect(Set(try directory.search("", for: identity(of: b.admin)).map(\.email)) == ["admin@acme.test", "manager@acme.test"])
        #expect(try directory.search("globex", for: identity(of: b.admin)).isEmpty)
        #expect(throws: CoreError.self) { try directory.profile(email: "other@globex.test", for: identity(of: b.admin)) }
        #expect(throws: AccessDenied.self) { try directory.search("", for: identity(of: b.manager)) }
        for role in StaffRole.allCases { #expect(throws: Never.self) { try directory.search("a", for: b.staffIdentity(role)) } }
    }

    @Test(arguments: Backend.enabled)
    func aProfileShowsTokenStateButNoSecret(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        try SocialAccountTokens(store: b.w.store, vault: b.w.vault)
            .connect(userId: b.admin._id, platform: .linkedin, accountId: "li", accountName: "Acme on LinkedIn", accessToken: "secret-access",
                     refreshToken: "secret-refresh", expiresAt: b.w.clock.now.addingTimeInterval(2 * 86_400), at: b.w.clock.now, by: identity(of: b.admin))
        var ticket = SupportTicket()
        ticket.organizationId = b.acme._id
        ticket.userId = b.admin._id
        ticket.subject = "Where did my post go?"
        ticket.createdAt = b.w.clock.now
        try ModelCollection(b.w.store, SupportTicket.self).insert(ticket)

        let profile = try CustomerDirectory(store: b.w.store, clock: b.w.clock.closure).profile(email: "admin@acme.test", for: b.staffIdentity(.support))
        #expect(profile.organization?.slug == "acme" && profile.subscription?.plan.name == "Free")
        #expect(profile.usage[.socialAccounts].used == 1 && profile.usage[.socialAccounts].limit == 3)
        #expect(profile.accounts.map { $0.tokenState(at: b.w.clock.now) } == ["expires in 2 days"])
        #expect(profile.tickets.map(\.subject) == ["Where did my post go?"])
        #expect(profile.activity.map(\.action).contains("social_account_connected"))
        let text = String(describing: profile)
        for secret in ["secret-access", "secret-refresh", "enc:v1:", "scrypt"] { #expect(!text.contains(secret), "\(secret) in the profile") }
        #expect(profile.user.passwordHash == nil && profile.user.socialAccounts.isEmpty)
    }
}
