import Foundation
import Synchronization
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Sign-in: sessions, the one generic refusal with distinct audit reasons, lockout and
/// unlocking, atomic failure counting, staff address allowlists, hash upgrades, and
/// hostile input.
@Suite("Sign-in")
struct SignInTests {
    @Test(arguments: Backend.enabled)
    func theRightPasswordOpensASession(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let alice = try w.customer("alice@acme.test", in: org, role: .manager, permissions: ["data.export", "nonsense"])
        w.clock.advance(by: 42)
        let now = w.clock.now
        let context = ConnectionContext(ipAddress: "203.0.113.9", userAgent: "xterm-kitty")

        let session = try w.authenticator().signIn(email: "  Alice@ACME.test ", password: seedPassword, context: context)
        #expect(session.identity.principal == .customer(userId: alice._id, organizationId: org._id, role: .manager))
        #expect(session.identity.grants == ["data.export", "nonsense"])
        #expect(session.identity.sessionId == session.id)
        #expect(session.identity.context == context)
        #expect(session.identity.organizationId == org._id)
        #expect(session.id.count == 32 && session.id.allSatisfy(\.isHexDigit))
        #expect(session.startedAt == now)
        #expect(session.lastActivity == now)
        #expect(session.timeout == AccountPolicy().customerSessionTimeout)
        // The registry knows the session.
        #expect(try w.sessions.touch(session.id, at: now).id == session.id)

        let stored = try w.storedUser(alice._id)
        #expect(stored.authentication.lastLogin == now)
        #expect(stored.authentication.loginAttempts == 0)
        #expect(stored.passwordHash == alice.passwordHash)

        let entry = try #require(try w.customerLog().last)
        #expect(entry.action == "login_succeeded")
        #expect(entry.userId == alice._id)
        #expect(entry.targetId == alice._id)
        #expect(entry.organizationId == org._id)
        #expect(entry.metadata.sessionId == session.id)
        #expect(entry.metadata.ipAddress == "203.0.113.9")
        #expect(entry.metadata.userAgent == "xterm-kitty")
        #expect(try w.adminLog().isEmpty)

        // A second sign-in is a second session.
        let again = try w.authenticator().signIn(email: "alice@acme.test", password: seedPassword, context: context)
        #expect(again.id != session.id)
    }

    @Test(arguments: Backend.enabled)
    func staffSignInUsesTheStaffSessionTimeout(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let sam = try w.staff("sam@socialdeck.test", role: .support) { $0.security.sessionTimeout = 7 }
        let now = w.clock.now
        let session = try w.authenticator().signIn(email: "sam@socialdeck.test", password: seedPassword, context: testContext)
        #expect(session.identity.principal == .staff(adminId: sam._id, role: .support))
        #expect(session.timeout == 7 * 60)
        #expect(try w.storedStaff(sam._id).security.lastLogin == now)
        let entry = try #require(try w.adminLog().last)
        #expect(entry.action == "login_succeeded")
        #expect(entry.adminUserId == sam._id)
        #expect(entry.targetType == .adminUser)
        #expect(entry.metadata.sessionId == session.id)
        #expect(try w.customerLog().isEmpty)
    }

    /// Every refusal reads the same to the person signing in; the audit trail says which it was.
    @Test(arguments: Backend.enabled)
    func refusalsLookAlikeButAreAuditedApart(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let active = try w.customer("active@acme.test", in: org)
        let suspended = try w.customer("suspended@acme.test", in: org) { $0.authentication.isActive = false }
        let deleted = try w.customer("deleted@acme.test", in: org) { $0.deletedAt = w.clock.now.addingTimeInterval(-60) }
        let locked = try w.customer("locked@acme.test", in: org) {
            $0.authentication.loginAttempts = 5
            $0.authentication.lockedUntil = w.clock.now.addingTimeInterval(600)
        }
        let retired = try w.staff("retired@socialdeck.test", role: .admin) { $0.isActive = false }
        let auth = w.authenticator()

        let attempts: [(String, String, String)] = [
            ("wrong password", "active@acme.test", "not the password at all"),
            ("unknown email", "nobody@acme.test", seedPassword),
            ("suspended", "suspended@acme.test", seedPassword),
            ("deleted", "deleted@acme.test", seedPassword),
            ("inactive staff", "retired@socialdeck.test", seedPassword),
            ("locked", "locked@acme.test", seedPassword),
        ]
        var descriptions: Set<String> = []
        for (label, email, password) in attempts {
            let error = #expect(throws: SignInError.self, "\(label)") {
                try auth.signIn(email: email, password: password, context: testContext)
            }
            #expect(error == .refused, "\(label)")
            if let error { descriptions.insert(error.description) }
        }
        #expect(descriptions == [SignInError.refused.description])

        // The reasons recorded, one per case, all different.
        let customerEntries = try w.customerLog()
        let adminEntries = try w.adminLog()
        #expect(!customerEntries.contains { $0.action == "login_succeeded" })
        #expect(!adminEntries.contains { $0.action == "login_succeeded" })
        func reason(for id: ObjectId) -> String? {
            customerEntries.last { $0.targetId == id }?.details.reason ?? adminEntries.last { $0.targetId == id }?.details.reason
        }
        let unknown = try #require(adminEntries.first { $0.targetId == nil && $0.action == "login_failed" })
        #expect(unknown.details.additionalInfo?["email"] == .string("nobody@acme.test"))
        let reasons: [String: String?] = [
            "wrong password": reason(for: active._id),
            "unknown email": unknown.details.reason,
            "suspended": reason(for: suspended._id),
            "deleted": reason(for: deleted._id),
            "inactive staff": reason(for: retired._id),
            "locked": reason(for: locked._id),
        ]
        for (label, r) in reasons { #expect(r != nil, "no audit reason for \(label)") }
        #expect(Set(reasons.values.compactMap { $0 }).count == reasons.count, "reasons must tell the cases apart: \(reasons)")
        #expect(reasons["wrong password"] == "wrong password")
        #expect(reasons["unknown email"] == "unknown email")
        #expect((reasons["locked"] ?? nil)?.hasPrefix("account locked until") == true)
        #expect(reasons["suspended"] == "account suspended")
        #expect(reasons["deleted"] == "account deleted")
        #expect(reasons["inactive staff"] == "staff account deactivated")

        // Only the wrong password counted as a failure; nothing else changed on the accounts.
        #expect(try w.storedUser(active._id).authentication.loginAttempts == 1)
        #expect(try w.storedUser(suspended._id).authentication.loginAttempts == 0)
        #expect(try w.storedUser(deleted._id).authentication.loginAttempts == 0)
        #expect(try w.storedUser(locked._id).authentication.loginAttempts == 5)
        #expect(try w.storedStaff(retired._id).security.loginAttempts == 0)
        for id in [active._id, suspended._id, deleted._id, locked._id] {
            #expect(try w.storedUser(id).authentication.lastLogin == nil)
        }
        // Customers' failures are in their organization's log.
        #expect(customerEntries.first { $0.targetId == active._id }?.organizationId == org._id)
        #expect(adminEntries.first { $0.targetId == retired._id }?.adminUserId == retired._id)
    }

    /// After a lock runs out the count starts again: one more typo does not lock the account for another 15 minutes.
    @Test(arguments: Backend.enabled)
    func anExpiredLockStartsTheCountAgain(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let user = try w.customer("typo@acme.test", in: org) {
            $0.authentication.loginAttempts = 5
            $0.authentication.lockedUntil = w.clock.now.addingTimeInterval(60)
        }
        w.clock.advance(by: 61)
        #expect(throws: SignInError.refused) {
            try w.authenticator().signIn(email: "typo@acme.test", password: "one more typo here", context: testContext)
        }
        let stored = try w.storedUser(user._id)
        #expect(stored.authentication.loginAttempts == 1)
        #expect(stored.authentication.lockedUntil == nil)
        _ = try w.authenticator().signIn(email: "typo@acme.test", password: seedPassword, context: testContext)
    }

    @Test(arguments: Backend.enabled)
    func fiveFailuresLockForFifteenMinutes(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let bob = try w.customer("bob@acme.test", in: org)
        let auth = w.authenticator()
        let policy = AccountPolicy()
        #expect(policy.maxFailedAttempts == 5)
        #expect(policy.lockoutDuration == 15 * 60)

        for attempt in 1...4 {
            expectSignIn(.refused) { try auth.signIn(email: "bob@acme.test", password: "wrong password \(attempt)", context: testContext) }
            let a = try w.storedUser(bob._id).authentication
            #expect(a.loginAttempts == attempt)
            #expect(a.lockedUntil == nil)
            w.clock.advance(by: 10)
        }
        let lockedAt = w.clock.now
        expectSignIn(.refused) { try auth.signIn(email: "bob@acme.test", password: "wrong password 5", context: testContext) }
        #expect(try w.storedUser(bob._id).authentication.loginAttempts == 5)
        #expect(try w.storedUser(bob._id).authentication.lockedUntil == lockedAt.addingTimeInterval(15 * 60))
        let lockEntry = try #require(try w.customerLog().first { $0.action == "account_locked" })
        #expect(lockEntry.severity == .critical)
        #expect(lockEntry.targetId == bob._id)
        #expect(lockEntry.organizationId == org._id)

        // Locked: even the right password is refused, and the refusal is not another failure.
        expectSignIn(.refused) { try auth.signIn(email: "bob@acme.test", password: seedPassword, context: testContext) }
        w.clock.advance(by: 15 * 60 - 1)
        expectSignIn(.refused, "a second before the lock ends") {
            try auth.signIn(email: "bob@acme.test", password: seedPassword, context: testContext)
        }
        #expect(try w.storedUser(bob._id).authentication.loginAttempts == 5)

        // Fifteen minutes after the fifth failure the lock is over.
        w.clock.advance(by: 1)
        _ = try auth.signIn(email: "bob@acme.test", password: seedPassword, context: testContext)
        let a = try w.storedUser(bob._id).authentication
        #expect(a.loginAttempts == 0)
        #expect(a.lockedUntil == nil)
        #expect(a.lastLogin == w.clock.now)
    }

    @Test(arguments: Backend.enabled)
    func aCustomPolicyLocksAfterThreeForAMinute(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let carol = try w.customer("carol@acme.test", in: org)
        var policy = AccountPolicy()
        policy.maxFailedAttempts = 3
        policy.lockoutDuration = 60
        let auth = w.authenticator(policy: policy)

        for _ in 1...2 {
            expectSignIn(.refused) { try auth.signIn(email: "carol@acme.test", password: "nope nope nope", context: testContext) }
        }
        #expect(try w.storedUser(carol._id).authentication.lockedUntil == nil)
        expectSignIn(.refused) { try auth.signIn(email: "carol@acme.test", password: "nope nope nope", context: testContext) }
        #expect(try w.storedUser(carol._id).authentication.lockedUntil == w.clock.now.addingTimeInterval(60))

        expectSignIn(.refused) { try auth.signIn(email: "carol@acme.test", password: seedPassword, context: testContext) }
        w.clock.advance(by: 59)
        expectSignIn(.refused) { try auth.signIn(email: "carol@acme.test", password: seedPassword, context: testContext) }
        w.clock.advance(by: 1)
        _ = try auth.signIn(email: "carol@acme.test", password: seedPassword, context: testContext)
        #expect(try w.storedUser(carol._id).authentication.loginAttempts == 0)
    }

    @Test(arguments: Backend.enabled)
    func administratorsUnlockAccounts(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let admin = try w.customer("admin@acme.test", in: org, role: .admin)
        let manager = try w.customer("manager@acme.test", in: org, role: .manager)
        let dave = try w.customer("dave@acme.test", in: org)
        let erin = try w.customer("erin@acme.test", in: org)
        let support = try w.staff("support@socialdeck.test", role: .support)
        let staffAdmin = try w.staff("admin@socialdeck.test", role: .admin)
        let frank = try w.staff("frank@socialdeck.test", role: .analyst)
        let auth = w.authenticator()

        for email in ["dave@acme.test", "erin@acme.test", "frank@socialdeck.test"] {
            for _ in 1...5 {
                expectSignIn(.refused) { try auth.signIn(email: email, password: "wrong wrong wrong", context: testContext) }
            }
            expectSignIn(.refused, "\(email) is locked") { try auth.signIn(email: email, password: seedPassword, context: testContext) }
        }
        #expect(try w.storedStaff(frank._id).security.lockedUntil != nil)

        // A manager may not unlock; the organization's admin may.
        expectDenied { try w.users().unlock(dave._id, by: identity(of: manager)) }
        try w.users().unlock(dave._id, by: identity(of: admin))
        #expect(try w.storedUser(dave._id).authentication.loginAttempts == 0)
        #expect(try w.storedUser(dave._id).authentication.lockedUntil == nil)
        _ = try auth.signIn(email: "dave@acme.test", password: seedPassword, context: testContext)

        // Support staff unlock customers across organizations.
        try w.users().unlock(erin._id, by: identity(of: support))
        _ = try auth.signIn(email: "erin@acme.test", password: seedPassword, context: testContext)

        // Staff accounts are unlocked through StaffAdministration.
        try w.staffAdmin().unlock(frank._id, by: identity(of: staffAdmin))
        #expect(try w.storedStaff(frank._id).security.loginAttempts == 0)
        #expect(try w.storedStaff(frank._id).security.lockedUntil == nil)
        _ = try auth.signIn(email: "frank@socialdeck.test", password: seedPassword, context: testContext)

        #expect(try w.customerLog().filter { $0.action == "account_unlocked" }.count == 1)
        #expect(try w.adminLog().filter { $0.action == "account_unlocked" || $0.action == "staff_unlocked" }.count == 2)
    }

    @Test(arguments: Backend.enabled)
    func aSuccessResetsTheFailureCount(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let gina = try w.customer("gina@acme.test", in: org)
        let auth = w.authenticator()
        for _ in 1...3 {
            expectSignIn(.refused) { try auth.signIn(email: "gina@acme.test", password: "not it, not it", context: testContext) }
        }
        #expect(try w.storedUser(gina._id).authentication.loginAttempts == 3)
        _ = try auth.signIn(email: "gina@acme.test", password: seedPassword, context: testContext)
        #expect(try w.storedUser(gina._id).authentication.loginAttempts == 0)
        // Four more failures do not lock: the count started again.
        for _ in 1...4 {
            expectSignIn(.refused) { try auth.signIn(email: "gina@acme.test", password: "not it, not it", context: testContext) }
        }
        #expect(try w.storedUser(gina._id).authentication.loginAttempts == 4)
        #expect(try w.storedUser(gina._id).authentication.lockedUntil == nil)
        _ = try auth.signIn(email: "gina@acme.test", password: seedPassword, context: testContext)
    }

    /// Racing failures all count: the counter is incremented in the store, not read-modify-written.
    @Test(arguments: Backend.enabled)
    func concurrentFailuresAreAllCounted(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let hank = try w.customer("hank@acme.test", in: org)
        var policy = AccountPolicy()
        policy.maxFailedAttempts = 100
        let auth = w.authenticator(policy: policy)

        let threads = 4, attemptsEach = 2
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for attempt in 0..<attemptsEach {
                let outcome: String
                do {
                    _ = try auth.signIn(email: "hank@acme.test", password: "wrong \(thread)-\(attempt) wrong", context: testContext)
                    outcome = "signed in"
                } catch {
                    outcome = "\(error)"
                }
                outcomes.withLock { $0.append(outcome) }
            }
        }
        #expect(outcomes.withLock { $0 } == Array(repeating: "\(SignInError.refused)", count: threads * attemptsEach))
        #expect(try w.storedUser(hank._id).authentication.loginAttempts == threads * attemptsEach)
        #expect(try w.storedUser(hank._id).authentication.lockedUntil == nil)
        // Each failure saw its own count.
        let counts = try w.customerLog().filter { $0.action == "login_failed" }
            .compactMap { $0.details.additionalInfo?["attempts"]?.int64Value }
        #expect(counts.sorted() == Array(1...Int64(threads * attemptsEach)))
    }

    @Test(arguments: Backend.enabled)
    func aWeakerHashIsUpgradedOnSignIn(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let weak = PasswordHasher(parameters: ScryptParameters(logN: 8, r: 8, p: 1))
        let jo = try w.customer("jo@acme.test", in: org, hasher: weak)
        let oldHash = try #require(jo.passwordHash)
        #expect(oldHash.hasPrefix("$scrypt$ln=8,r=8,p=1$"))
        #expect(fastHasher.needsRehash(oldHash))

        let upgraded = try w.authenticator().signIn(email: "jo@acme.test", password: seedPassword, context: testContext)
        let newHash = try #require(try w.storedUser(jo._id).passwordHash)
        // The upgrade is the session's own doing, not a password change that would end it.
        try SessionGuard(store: w.store, sessions: w.sessions, session: upgraded, clock: w.clock.closure).check()
        #expect(newHash != oldHash)
        #expect(newHash.hasPrefix("$scrypt$\(fastParameters)$"))
        #expect(!fastHasher.needsRehash(newHash))
        #expect(try fastHasher.verify(seedPassword, against: newHash))
        // The hash never leaks into the audit trail.
        for doc in try w.rawCustomerLog() {
            let json = ExtendedJSON.string(from: doc)
            #expect(!json.contains(newHash) && !json.contains(oldHash))
        }

        // A current hash is left alone.
        _ = try w.authenticator().signIn(email: "jo@acme.test", password: seedPassword, context: testContext)
        #expect(try w.storedUser(jo._id).passwordHash == newHash)
        // A wrong password never rehashes.
        expectSignIn(.refused) { try w.authenticator().signIn(email: "jo@acme.test", password: "other password", context: testContext) }
        #expect(try w.storedUser(jo._id).passwordHash == newHash)

        // A stronger hash than the hasher's own is never downgraded.
        let strong = try w.customer("strong@acme.test", in: org, hasher: PasswordHasher())
        _ = try w.authenticator().signIn(email: "strong@acme.test", password: seedPassword, context: testContext)
        #expect(try w.storedUser(strong._id).passwordHash == strong.passwordHash)
    }
}
