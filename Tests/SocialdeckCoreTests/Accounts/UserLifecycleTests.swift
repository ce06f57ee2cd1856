import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// A customer's role, deletion and restoration (issue #14), audited, for staff and the
/// organization's own admin; the last admin stays.
@Suite("User lifecycle")
struct UserLifecycleTests {
    @Test(arguments: Backend.enabled)
    func roleDeleteAndRestore(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        let users = b.w.users()
        let me = identity(of: b.admin)
        try users.changeRole(b.manager._id, to: .viewer, reason: "left the team", by: me)
        #expect(try b.w.storedUser(b.manager._id).role == .viewer)
        #expect(try b.w.customerLog().last?.action == "user_role_changed")
        #expect(try b.w.customerLog().last?.details.before?["role"]?.stringValue == "manager")

        try users.delete(b.manager._id, reason: "gone", by: me)
        #expect(try b.w.storedUser(b.manager._id).deletedAt != nil)
        #expect(throws: SignInError.self) { try b.w.authenticator().signIn(email: "manager@acme.test", password: seedPassword, context: testContext) }
        try users.restore(b.manager._id, reason: "back", by: b.staffIdentity(.admin))
        _ = try b.w.authenticator().signIn(email: "manager@acme.test", password: seedPassword, context: testContext)
        #expect(try b.w.adminLog().last?.action == "user_restored")
    }

    @Test(arguments: Backend.enabled)
    func supportResetsASecondFactor(_ backend: Backend) throws {
        let b = try BillingWorld(backend)
        let pending = try b.w.twoFactor.begin(email: "manager@acme.test", by: identity(of: b.manager))
        try b.w.twoFactor.confirm(pending, code: TOTP().code(secret: pending.secret, at: b.w.clock.now), by: identity(of: b.manager))
        #expect(try b.w.storedUser(b.manager._id).authentication.twoFactorEnabled)
        try b.w.users().resetTwoFactor(b.manager._id, reason: "lost phone", by: b.staffIdentity(.support))
        let user = try b.w.storedUser(b.manager._id)
        #expect(!user.authentication.twoFactorEnabled && user.authentication.twoFactorSecret == nil && user.authentication.recoveryCodes == nil)
        #expect(try b.w.adminLog().last?.action == "two_factor_reset" && b.w.adminLog().last?.severity == .critical)
        _ = try b.w.authenticator().signIn(email: "manager@acme.test", password: seedPassword, context: testContext)
        #expect(throws: CoreError.self) { try b.w.users().resetTwoFactor(b.manager._id, by: b.staffIdentity(.support)) }
        #expect(throws: AccessDenied.self) { try b.w.users().resetTwoFactor(b.admin._id, by: b.staffIdentity(.analyst)) }
    }

    @Test func theLastAdminStaysAndNobodyChangesThemselves() throws {
        let b = try BillingWorld(.sqlite)
        let users = b.w.users()
        #expect { try users.changeRole(b.admin._id, to: .user, by: b.staffIdentity(.admin)) }
            throws: { "\($0)".contains("only active admin") }
        #expect { try users.delete(b.admin._id, reason: "x", by: b.staffIdentity(.admin)) } throws: { "\($0)".contains("only active admin") }
        #expect(throws: CoreError.self) { try users.changeRole(b.admin._id, to: .user, by: identity(of: b.admin)) }
        let second = try b.w.customer("second@acme.test", in: b.acme, role: .admin)
        try users.changeRole(b.admin._id, to: .manager, by: identity(of: second))
    }

    @Test func supportMayNotChangeRolesOrDelete() throws {
        let b = try BillingWorld(.sqlite)
        let users = b.w.users()
        for role in [StaffRole.support, .analyst] {
            #expect(throws: AccessDenied.self) { try users.changeRole(b.manager._id, to: .admin, by: b.staffIdentity(role)) }
            #expect(throws: AccessDenied.self) { try users.delete(b.manager._id, reason: "x", by: b.staffIdentity(role)) }
        }
        #expect(throws: AccessDenied.self) { try users.changeRole(b.admin._id, to: .user, by: identity(of: b.manager)) }
    }
}
