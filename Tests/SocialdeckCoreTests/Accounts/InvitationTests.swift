import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Invitations (issue #14): an organization's admin invites by email, the person gets
/// a one-time code and makes their account with it; seats, domains, who may invite,
/// and a code that works once, for a week, and is never kept in clear.
@Suite("Invitations")
struct InvitationTests {
    static let password = "Blue-kettle-on-7-stoves"

    static func invitations(_ b: BillingWorld) -> Invitations {
        Invitations(store: b.w.store, vault: b.w.vault, hasher: fastHasher, clock: b.w.clock.closure)
    }

    static func stored(_ id: ObjectId, _ b: BillingWorld) throws -> Invitation {
        try #require(try ModelCollection(b.w.store, Invitation.self).get(id))
    }

    @Test func theEmailCarriesTheCodeAndTheCodeMakesTheAccountOnce() throws {
        let sink = try SMTPSink(tls: true)
        let b = try BillingWorld(.sqlite)
        let (invitation, code) = try Self.invitations(b).invite("Nia@Acme.test", role: .manager, to: b.acme._id, by: identity(of: b.admin))
        #expect(invitation.email == "nia@acme.test" && invitation.role == .manager && invitation.invitedBy == b.admin._id)
        let outbox = EmailOutbox(store: b.w.store, mailer: SMTPMailer(settings: EmailOutboxTests.settings(sink)), owner: "p",
                                 vault: b.w.vault, clock: b.w.clock.closure)
        #expect(try outbox.deliverDue().sent == 1)
        let mail = try #require(try sink.received().first)
        #expect(mail.to == ["nia@acme.test"] && mail.tls)
        #expect(mail.data.contains(code) && mail.data.contains("socialdeck invitations accept") && mail.data.contains("Acme"))
        #expect(mail.data.contains("Test admin (admin@acme.test) invited you"))
        // Once sent, the store keeps only the code's hash.
        let after = try Self.stored(invitation._id, b)
        #expect(after.sealedCode == nil && after.delivery?.state == .sent && after.codeHash.count == 64)
        for collection in CollectionName.allCases {
            for doc in try b.w.store.find(collection.rawValue, .all, options: FindOptions(includeDeleted: true)) {
                #expect(!ExtendedJSON.string(from: doc).contains(code.replacingOccurrences(of: "-", with: "")) && !ExtendedJSON.string(from: doc).contains(code),
                        "the code in clear in \(collection)")
            }
        }
        // Accepted with the code as typed from the email, in capitals and spaces.
        let typed = code.uppercased().replacingOccurrences(of: "-", with: " ")
        let user = try Self.invitations(b).accept(code: typed, password: Self.password, firstName: "Nia", timezone: "Europe/Vienna", context: testContext)
        #expect(user.email == "nia@acme.test" && user.role == .manager && user.organizationId == b.acme._id)
        let session = try b.w.authenticator().signIn(email: "nia@acme.test", password: Self.password, context: testContext)
        #expect(session.identity.organizationId == b.acme._id)
        #expect(throws: CoreError.self) { try Self.invitations(b).accept(code: code, password: Self.password, context: testContext) }
        let stored = try Self.stored(invitation._id, b)
        #expect(stored.acceptedAt == b.w.clock.now && stored.userId == user._id)
        let actions = try b.w.store.find(CollectionName.customerActivityLogs.rawValue, .all).compactMap { $0["action"]?.stringValue }
        #expect(actions.contains("user_invited") && actions.contains("invitation_accepted"))
    }

    @Test(arguments: Backend.enabled)
    func aCodeThatIsWrongRevokedOrOldDoesNotWork(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        let me = identity(of: b.admin)
        let (first, firstCode) = try Self.invitations(b).invite("ole@acme.test", role: .user, to: b.acme._id, by: me)
        #expect { try Self.invitations(b).accept(code: "abcd-efgh", password: Self.password, context: testContext) }
            throws: { "\($0)".contains("does not work") }
        // A code of the right shape but no invitation's.
        let stranger = RecoveryCodes.format(try RecoveryCodes.randomSymbols(Invitations.codeSymbols))
        #expect { try Self.invitations(b).accept(code: stranger, password: Self.password, context: testContext) }
            throws: { "\($0)".contains("does not work") }
        // The same address twice while the first is open.
        #expect { try Self.invitations(b).invite("ole@acme.test", role: .user, to: b.acme._id, by: me) }
            throws: { "\($0)".contains("invited on") }
        try Self.invitations(b).revoke(first._id, by: me)
        #expect(try Self.stored(first._id, b).delivery?.state == .withdrawn, "its email is not sent any more")
        #expect { try Self.invitations(b).accept(code: firstCode, password: Self.password, context: testContext) }
            throws: { "\($0)".contains("revoked") }
        // A new one after the revocation works until it is a week old.
        let (_, code) = try Self.invitations(b).invite("ole@acme.test", role: .user, to: b.acme._id, by: me)
        b.w.clock.advance(by: Invitations.lifetime + 1)
        #expect { try Self.invitations(b).accept(code: code, password: Self.password, context: testContext) }
            throws: { "\($0)".contains("expired") }
        #expect(try b.w.store.count(User.collection.rawValue, .eq("email", "ole@acme.test")) == 0)
        // A weak password leaves the invitation open.
        let (_, again) = try Self.invitations(b).invite("ole@acme.test", role: .user, to: b.acme._id, by: me)
        #expect(throws: CoreError.self) { try Self.invitations(b).accept(code: again, password: "short", context: testContext) }
        try Self.invitations(b).accept(code: again, password: Self.password, context: testContext)
    }

    @Test(arguments: Backend.enabled)
    func seatsDomainsAndExistingAccounts(_ backend: Backend) throws {
        // The free plan's three users: admin and manager take two.
        let b = try BillingWorld(backend)
        let me = identity(of: b.admin)
        try Self.invitations(b).invite("third@acme.test", role: .user, to: b.acme._id, by: me)
        #expect { try Self.invitations(b).invite("fourth@acme.test", role: .user, to: b.acme._id, by: me) }
            throws: { "\($0)".contains("the plan allows 3 users and 3 seats are taken") }
        #expect(try b.limits.usage(of: b.acme._id, for: me, at: b.w.clock.now)[.users].used == 3)
        #expect { try Self.invitations(b).invite("manager@acme.test", role: .user, to: b.globex._id, by: b.staffIdentity(.superAdmin)) }
            throws: { "\($0)".contains("has an account already") }
        #expect { try Self.invitations(b).invite("super_admin@socialdeck.test", role: .user, to: b.globex._id, by: b.staffIdentity(.superAdmin)) }
            throws: { "\($0)".contains("has an account already") }
        try OrganizationSettings(store: b.w.store, clock: b.w.clock.closure).apply(.allowedDomains(["globex.test"]), to: b.globex._id,
                                                                                  by: b.staffIdentity(.superAdmin))
        #expect { try Self.invitations(b).invite("x@elsewhere.test", role: .user, to: b.globex._id, by: b.staffIdentity(.superAdmin)) }
            throws: { "\($0)".contains("not at an allowed domain (globex.test)") }
        try Self.invitations(b).invite("x@globex.test", role: .admin, to: b.globex._id, by: b.staffIdentity(.superAdmin))
    }

    @Test func whoMayInvite() throws {
        let b = try BillingWorld(.sqlite)
        let viewer = try b.w.customer("viewer@acme.test", in: b.acme, role: .viewer)
        for who in [identity(of: b.manager), identity(of: viewer)] {
            #expect(throws: AccessDenied.self) { try Self.invitations(b).invite("a@acme.test", role: .user, to: b.acme._id, by: who) }
        }
        // An admin of one organization cannot invite into another, nor see or revoke its invitations.
        let (theirs, _) = try Self.invitations(b).invite("b@globex.test", role: .user, to: b.globex._id, by: b.staffIdentity(.superAdmin))
        #expect(throws: (any Error).self) { try Self.invitations(b).invite("a@globex.test", role: .user, to: b.globex._id, by: identity(of: b.admin)) }
        #expect(throws: (any Error).self) { try Self.invitations(b).list(b.globex._id, by: identity(of: b.admin)) }
        #expect(throws: CoreError.self) { try Self.invitations(b).revoke(theirs._id, by: identity(of: b.admin)) }
        // Support reads customers but does not make them.
        #expect(throws: AccessDenied.self) { try Self.invitations(b).invite("c@acme.test", role: .user, to: b.acme._id, by: b.staffIdentity(.support)) }
        // Without the store's key nothing can be sealed, so nothing is invited.
        #expect(throws: CoreError.self) {
            try Invitations(store: b.w.store, clock: b.w.clock.closure).invite("d@acme.test", role: .user, to: b.acme._id, by: identity(of: b.admin))
        }
    }

    /// The invitee's address is in the audit trail before they have an account; erasing
    /// them leaves it nowhere, in an invitation revoked before the one they accepted too.
    @Test(arguments: Backend.enabled)
    func erasingAPersonLeavesTheirAddressNowhere(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        let admin = identity(of: b.admin)
        let (first, _) = try Self.invitations(b).invite("gone@acme.test", role: .user, to: b.acme._id, by: admin)
        try Self.invitations(b).revoke(first._id, by: admin)
        let (second, code) = try Self.invitations(b).invite("gone@acme.test", role: .user, to: b.acme._id, by: identity(of: b.admin))
        let user = try Self.invitations(b).accept(code: code, password: Self.password, context: testContext)
        #expect(user._id == second._id, "the account takes the invitation's id, and with it the key its entries are sealed with")
        func holders() throws -> [String] {
            try CollectionName.allCases.flatMap { c in
                try b.w.store.find(c.rawValue, .all, options: FindOptions(includeDeleted: true))
                    .filter { ExtendedJSON.string(from: $0).contains("gone@acme.test") }.map { _ in c.rawValue }
            }
        }
        #expect(try holders().sorted() == ["invitations", "invitations", "users"], "the audit trail holds it sealed only")
        try PersonalDataErasure(store: b.w.store, clock: b.w.clock.closure).erase(email: user.email, reason: "REQ-1", by: b.staffIdentity(.superAdmin))
        #expect(try holders().isEmpty)
        let page = try AuditViewer(store: b.w.store).page(.init(log: .customers), by: b.staffIdentity(.superAdmin))
        let invited = page.entries.filter { $0.action == "user_invited" || $0.action == "invitation_revoked" }
        #expect(invited.count == 3 && invited.allSatisfy(\.personalDataErased), "the entries stay, unreadable")
    }
}
