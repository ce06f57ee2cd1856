import Foundation
import Synchronization
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import SocialdeckViewModels

/// The dashboard's refreshes and commands stop with the session (issue #8, item 2).
@Suite("Refreshes and commands end with the session")
struct SessionEndTests {
    final class Clock: @unchecked Sendable {
        var now: Date
        init(_ now: Date) { self.now = now }
    }

    /// The demo manager signed in for real, with a loader reading through a counting
    /// store under the session's guard.
    struct Signed {
        let ws: Workspace
        let clock: Clock
        let counting: CountingStore
        let session: Session
        let guardian: SessionGuard
        let loader: SnapshotLoader

        init() throws {
            ws = try Workspace()
            let clock = Clock(ws.now)
            self.clock = clock
            let sessions = SessionRegistry()
            counting = CountingStore(ws.store)
            session = try Authenticator(store: ws.store, secrets: SecretVault(key: try SecretKey.generate()), sessions: sessions,
                                        clock: { clock.now })
                .signIn(email: "manager@acme.example", password: DemoWorkspace.demoPassword,
                        context: ConnectionContext(ipAddress: "198.51.100.7", userAgent: "test"))
            guardian = SessionGuard(store: counting, sessions: sessions, session: session, clock: { clock.now })
            loader = SnapshotLoader(store: counting, identity: session.identity, session: guardian, clock: { clock.now })
        }
    }

    @Test func aSuspendedManagersRefreshAndCommandsStop() throws {
        let s = try Signed()
        let (ws, clock, counting, session, guardian, loader) = (s.ws, s.clock, s.counting, s.session, s.guardian, s.loader)
        let runner = CommandRunner(store: counting, identity: session.identity, session: guardian, clock: { clock.now },
                                   deliver: { _, _ in })
        let model = ws.dashboard(session.identity)
        _ = try loader.load(model.request)
        #expect(counting.calls.prefix(3) == ["changeVersion users,organizations", "find users", "count organizations"])

        let admin = try #require(try ModelCollection(ws.store, User.self).first(.eq("email", "admin@acme.example")))
        let adminIdentity = Identity(principal: .customer(userId: admin._id, organizationId: admin.organizationId, role: .admin),
                                     sessionId: "s-admin", context: ConnectionContext(ipAddress: "198.51.100.8", userAgent: "test"))
        try UserAdministration(store: ws.store, clock: { clock.now }).suspend(try #require(session.identity.actorId), reason: "left",
                                                                             by: adminIdentity)
        counting.reset()
        let ended = #expect(throws: SessionEnded.self) { try loader.load(model.request) }
        #expect(ended?.reason == "your account was suspended")
        #expect(counting.calls == ["changeVersion users,organizations", "find users", "count organizations"], "the suspension changed users, so the account is read")

        counting.reset()
        let pending = try #require(try ws.store.findOne(CollectionName.content.rawValue,
                                                        .eq("approval.status", ApprovalStatus.pending) && .eq("organizationId", ws.acme._id)))
        let id = try #require(pending["_id"]?.objectIdValue)
        let failure = runner.perform(.approvals(.approve([id])))
        #expect(failure == CommandFailure(message: "you were signed out: your account was suspended; sign in again", failedIds: [id]))
        #expect(counting.calls.isEmpty)
        #expect(try ws.store.findOne(CollectionName.content.rawValue, .id(id))?.value(at: "approval.status") == .string("pending"))
    }

    @Test func anIdleSessionPastItsTimeoutReadsNothing() throws {
        let s = try Signed()
        let (ws, clock, counting, session, loader) = (s.ws, s.clock, s.counting, s.session, s.loader)
        let model = ws.dashboard(session.identity)
        // Refreshes are not activity: one just before the timeout does not keep an idle session alive.
        let timeout = AccountPolicy().customerSessionTimeout
        clock.now = session.lastActivity.addingTimeInterval(timeout - 2)
        _ = try loader.load(model.request)
        clock.now = session.lastActivity.addingTimeInterval(timeout + 1)
        counting.reset()
        #expect(throws: SessionExpired.self) { try loader.load(model.request) }
        #expect(counting.calls.isEmpty)
    }
}

/// Sign-in and every write go through one runner, off the UI thread.
@Suite("One runner for sign-in and writes")
struct CommandRunnerSessionTests {
    @Test func signInThenCommandsThenSignOut() throws {
        let ws = try Workspace()
        let sessions = SessionRegistry()
        let runner = CommandRunner(store: ws.store, clock: { [now = ws.now] in now }, executor: { $0() }, deliver: { _, _ in })
        let pending = try #require(try ws.store.findOne(CollectionName.content.rawValue,
                                                        .eq("approval.status", ApprovalStatus.pending) && .eq("organizationId", ws.acme._id)))
        let id = try #require(pending["_id"]?.objectIdValue)
        #expect(runner.perform(.approvals(.approve([id])))?.message == "sign in first")

        let answers = Mutex<[Result<Session, any Error>]>([])
        runner.signIn(.init(email: "manager@acme.example", password: "wrong password", code: nil),
                      context: ConnectionContext(ipAddress: "198.51.100.7", userAgent: "test"),
                      secrets: SecretVault(key: try SecretKey.generate()), sessions: sessions) { result in answers.withLock { $0.append(result) } }
        #expect(throws: SignInError.refused) { try answers.withLock { $0.last }?.get() }
        runner.signIn(.init(email: "manager@acme.example", password: DemoWorkspace.demoPassword, code: nil),
                      context: ConnectionContext(ipAddress: "198.51.100.7", userAgent: "test"),
                      secrets: SecretVault(key: try SecretKey.generate()), sessions: sessions) { result in answers.withLock { $0.append(result) } }
        let session = try #require(try answers.withLock { $0.last }?.get())
        runner.begin(as: session.identity, session: SessionGuard(store: ws.store, sessions: sessions, session: session,
                                                                 clock: { [now = ws.now] in now }))
        #expect(runner.perform(.approvals(.approve([id]))) == nil)
        runner.end()
        #expect(runner.perform(.approvals(.reject([id], reason: "too late")))?.message == "sign in first")
    }
}
