import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Deleting and restoring an organization (issue #14): staff only, audited, and its
/// people cannot sign in while it is deleted.
@Suite("Organization deletion")
struct OrganizationDeletionTests {
    @Test(arguments: Backend.enabled)
    func aDeletedOrganizationsPeopleCannotSignInUntilItIsRestored(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let admin = try w.customer("admin@acme.test", in: org, role: .admin)
        let support = try w.staff("support@socialdeck.test", role: .support)
        let boss = try w.staff("admin@socialdeck.test", role: .admin)
        let orgs = OrganizationAdministration(store: w.store, clock: w.clock.closure)

        let session = try w.authenticator().signIn(email: "admin@acme.test", password: seedPassword, context: testContext)
        let guardian = SessionGuard(store: w.store, sessions: w.sessions, session: session, clock: w.clock.closure)
        try guardian.check()
        #expect(throws: AccessDenied.self) { try orgs.delete(org._id, reason: "mine", by: identity(of: admin)) }
        #expect(throws: AccessDenied.self) { try orgs.delete(org._id, reason: "support", by: identity(of: support)) }
        try orgs.delete(org._id, reason: "asked to leave", by: identity(of: boss))
        #expect(throws: CoreError.self) { try orgs.delete(org._id, reason: "twice", by: identity(of: boss)) }
        let ended = #expect(throws: SessionEnded.self) { try guardian.check() }
        #expect(ended?.reason == "your organization was deleted", "an open session ends at its next check")
        // The refusal says no more than for a wrong password; the log says why.
        #expect(throws: SignInError.self) {
            try w.authenticator().signIn(email: "admin@acme.test", password: seedPassword, context: testContext)
        }
        #expect(try w.customerLog().last?.details.reason == "organization deleted")
        #expect(try ModelCollection(w.store, Organization.self).get(org._id) == nil, "out of every list")

        try orgs.restore(org._id, reason: "came back", by: identity(of: boss))
        _ = try w.authenticator().signIn(email: "admin@acme.test", password: seedPassword, context: testContext)
        #expect(try w.adminLog().map(\.action).suffix(2) == ["organization_deleted", "organization_restored"])
        #expect(try w.adminLog().first { $0.action == "organization_deleted" }?.severity == .warning)
    }
}
