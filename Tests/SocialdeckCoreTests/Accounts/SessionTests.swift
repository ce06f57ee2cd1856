import SocialdeckTestSupport
import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// Sessions end after a period of inactivity: the customer default from
/// `AccountPolicy`, staff their own `security.sessionTimeout` minutes.
@Suite("Sessions")
struct SessionTests {
    static func world() throws -> (AccountWorld, User, AdminUser) {
        let w = try AccountWorld(.sqlite)
        let org = try w.organization("acme")
        let user = try w.customer("user@acme.test", in: org)
        let staff = try w.staff("staff@socialdeck.test", role: .support) { $0.security.sessionTimeout = 5 }
        return (w, user, staff)
    }

    @Test func activityKeepsACustomerSessionAlive() throws {
        let (w, _, _) = try Self.world()
        let session = try w.authenticator().signIn(email: "user@acme.test", password: seedPassword, context: testContext)
        let timeout = AccountPolicy().customerSessionTimeout
        #expect(timeout == 30 * 60)
        #expect(session.timeout == timeout)

        // Active every 20 minutes for two hours: never more than the timeout idle.
        var t = session.startedAt
        for _ in 1...6 {
            t = t.addingTimeInterval(20 * 60)
            let touched = try w.sessions.touch(session.id, at: t)
            #expect(touched.lastActivity == t)
            #expect(touched.startedAt == session.startedAt)
            #expect(touched.identity == session.identity)
        }
        // Exactly the timeout idle is still alive; a moment longer is not.
        t = t.addingTimeInterval(timeout)
        _ = try w.sessions.touch(session.id, at: t)
        #expect(throws: SessionExpired.self) { try w.sessions.touch(session.id, at: t.addingTimeInterval(timeout + 1)) }
        // An expired session is forgotten: going back in time does not revive it.
        #expect(throws: SessionExpired.self) { try w.sessions.touch(session.id, at: t) }
    }

    @Test func aCustomPolicyTimeout() throws {
        let (w, _, _) = try Self.world()
        var policy = AccountPolicy()
        policy.customerSessionTimeout = 90
        let session = try w.authenticator(policy: policy).signIn(email: "user@acme.test", password: seedPassword, context: testContext)
        #expect(session.timeout == 90)
        _ = try w.sessions.touch(session.id, at: session.startedAt.addingTimeInterval(89))
        #expect(throws: SessionExpired.self) { try w.sessions.touch(session.id, at: session.startedAt.addingTimeInterval(89 + 91)) }
    }

    @Test func staffSessionsUseTheirOwnTimeout() throws {
        let (w, _, _) = try Self.world()
        let session = try w.authenticator().signIn(email: "staff@socialdeck.test", password: seedPassword, context: testContext)
        #expect(session.timeout == 5 * 60)
        let start = session.startedAt
        _ = try w.sessions.touch(session.id, at: start.addingTimeInterval(4 * 60))
        _ = try w.sessions.touch(session.id, at: start.addingTimeInterval(8 * 60))
        #expect(!session.isExpired(at: start.addingTimeInterval(5 * 60)))
        #expect(session.isExpired(at: start.addingTimeInterval(5 * 60 + 1)))
        // Idle for longer than five minutes since the last activity (though under the customer default).
        let error = #expect(throws: SessionExpired.self) {
            try w.sessions.touch(session.id, at: start.addingTimeInterval(8 * 60 + 5 * 60 + 1))
        }
        #expect(error?.description.contains("sign in again") == true)
        #expect(throws: SessionExpired.self) { try w.sessions.touch(session.id, at: start.addingTimeInterval(9 * 60)) }
    }

    @Test func endingASessionRemovesItAndOnlyIt() throws {
        let (w, _, _) = try Self.world()
        let auth = w.authenticator()
        let a = try auth.signIn(email: "user@acme.test", password: seedPassword, context: testContext)
        let b = try auth.signIn(email: "staff@socialdeck.test", password: seedPassword, context: testContext)
        w.sessions.end(a.id)
        #expect(throws: SessionExpired.self) { try w.sessions.touch(a.id, at: a.startedAt) }
        _ = try w.sessions.touch(b.id, at: b.startedAt.addingTimeInterval(1))
        // Ending twice, or ending an unknown id, is harmless.
        w.sessions.end(a.id)
        w.sessions.end("no-such-session")
        #expect(throws: SessionExpired.self) { try w.sessions.touch("no-such-session", at: a.startedAt) }
        _ = try w.sessions.touch(b.id, at: b.startedAt.addingTimeInterval(2))
    }

    @Test func registriesAreSeparate() throws {
        let (w, _, _) = try Self.world()
        let session = try w.authenticator().signIn(email: "user@acme.test", password: seedPassword, context: testContext)
        let other = SessionRegistry()
        #expect(throws: SessionExpired.self) { try other.touch(session.id, at: session.startedAt) }
        _ = try w.sessions.touch(session.id, at: session.startedAt)
    }
}
