import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Open sessions follow the account (issue #8, item 2): a change to the account that
/// would refuse a sign-in, or that changes what it may do, ends the open session at
/// its next check, and an expired session reads nothing more.
@Suite("Sessions follow the account")
struct SessionGuardTests {
    struct Signed {
        let w: AccountWorld
        let org: Organization
        let admin: User, user: User, staffBoss: AdminUser, staffMember: AdminUser
        let userSession: Session, staffSession: Session

        init(_ backend: Backend) throws {
            w = try AccountWorld(backend)
            org = try w.organization("acme")
            admin = try w.customer("admin@acme.test", in: org, role: .admin)
            user = try w.customer("user@acme.test", in: org, role: .manager)
            staffBoss = try w.staff("boss@socialdeck.test", role: .superAdmin)
            staffMember = try w.staff("support@socialdeck.test", role: .support)
            userSession = try w.authenticator().signIn(email: user.email, password: seedPassword, context: testContext)
            staffSession = try w.authenticator().signIn(email: staffMember.email, password: seedPassword, context: testContext)
        }

        func check(_ session: Session) throws {
            try SessionGuard(store: w.store, sessions: w.sessions, session: session, clock: w.clock.closure).check()
        }

        func expectEnded(_ session: Session, _ reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let first = #expect(throws: SessionEnded.self, sourceLocation: sourceLocation) { try check(session) }
            #expect(first?.reason == reason, sourceLocation: sourceLocation)
            // Ended for good: every later check, and a key press, says why.
            let again = #expect(throws: SessionEnded.self, sourceLocation: sourceLocation) { try check(session) }
            #expect(again?.reason == reason, sourceLocation: sourceLocation)
            #expect(throws: SessionEnded.self, sourceLocation: sourceLocation) { try w.sessions.touch(session.id, at: w.clock.now) }
        }
    }

    @Test(arguments: Backend.enabled)
    func anUnchangedAccountGoesOn(_ backend: Backend) throws {
        let s = try Signed(backend)
        try s.check(s.userSession)
        try s.check(s.staffSession)
        // A failed sign-in by someone else counts, but does not end the session until it locks.
        _ = try? s.w.authenticator().signIn(email: s.user.email, password: "wrong password", context: testContext)
        try s.check(s.userSession)
    }

    @Test(arguments: Backend.enabled)
    func suspendingACustomerEndsTheirSession(_ backend: Backend) throws {
        let s = try Signed(backend)
        try s.w.users().suspend(s.user._id, reason: "left", by: identity(of: s.admin))
        s.expectEnded(s.userSession, "your account was suspended")
        let error = #expect(throws: SessionEnded.self) { try s.check(s.userSession) }
        #expect(error?.description == "you were signed out: your account was suspended; sign in again")
    }

    @Test(arguments: Backend.enabled)
    func deletingACustomerEndsTheirSession(_ backend: Backend) throws {
        let s = try Signed(backend)
        try s.w.store.updateOne(CollectionName.users.rawValue, .id(s.user._id), .set("deletedAt", s.w.clock.now))
        s.expectEnded(s.userSession, "your account was deleted")
        let other = try Signed(backend)
        try other.w.store.deleteOne(CollectionName.users.rawValue, .id(other.user._id))
        other.expectEnded(other.userSession, "your account was deleted")
    }

    @Test(arguments: Backend.enabled)
    func lockingEndsTheSession(_ backend: Backend) throws {
        let s = try Signed(backend)
        for _ in 0..<AccountPolicy().maxFailedAttempts {
            _ = try? s.w.authenticator().signIn(email: s.user.email, password: "wrong password", context: testContext)
        }
        s.expectEnded(s.userSession, "your account was locked")
    }

    @Test(arguments: Backend.enabled)
    func aNewRoleOrPermissionsEndTheSession(_ backend: Backend) throws {
        let s = try Signed(backend)
        try s.w.store.updateOne(CollectionName.users.rawValue, .id(s.user._id), .set("role", UserRole.viewer))
        s.expectEnded(s.userSession, "your role changed")
        try s.w.store.updateOne(CollectionName.adminUsers.rawValue, .id(s.staffMember._id),
                                .set("permissions", BSONValue.array([.string("revenue.view")])))
        s.expectEnded(s.staffSession, "your permissions changed")
    }

    @Test(arguments: Backend.enabled)
    func aNewPasswordEndsTheSession(_ backend: Backend) throws {
        let s = try Signed(backend)
        try s.w.users().setPassword(s.user._id, to: "a brand new long password", by: identity(of: s.admin))
        s.expectEnded(s.userSession, "your password was changed")
        try s.w.staffAdmin().setPassword(s.staffMember._id, to: "another new long password", by: identity(of: s.staffBoss))
        s.expectEnded(s.staffSession, "your password was changed")
    }

    @Test(arguments: Backend.enabled)
    func deactivatingStaffEndsTheirSession(_ backend: Backend) throws {
        let s = try Signed(backend)
        try s.w.staffAdmin().setActive(s.staffMember._id, false, reason: "left", by: identity(of: s.staffBoss))
        s.expectEnded(s.staffSession, "your account was deactivated")
        // The customer's session is untouched by a staff change.
        try s.check(s.userSession)
    }

    /// Past the inactivity timeout the check throws before reading anything.
    @Test(arguments: Backend.enabled)
    func anExpiredSessionReadsNothing(_ backend: Backend) throws {
        let s = try Signed(backend)
        let counting = CountingStore(s.w.store)
        let guardian = SessionGuard(store: counting, sessions: s.w.sessions, session: s.userSession, clock: s.w.clock.closure)
        try guardian.check()
        #expect(counting.calls == ["changeVersion users,organizations", "find users", "count organizations"])
        counting.reset()
        try guardian.check()
        #expect(counting.calls == ["changeVersion users,organizations"], "an unchanged account is not read again")
        counting.reset()
        s.w.clock.advance(by: AccountPolicy().customerSessionTimeout + 1)
        #expect(throws: SessionExpired.self) { try guardian.check() }
        #expect(throws: SessionExpired.self) { try guardian.check() }
        #expect(counting.calls.isEmpty)
    }
}
