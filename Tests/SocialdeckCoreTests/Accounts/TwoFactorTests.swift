import Foundation
import Synchronization
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Two-factor sign-in: enrolment stores a sealed secret and hashed recovery codes;
/// sign-in then needs a code, each time step works once, ±1 step is accepted, wrong
/// codes count as failures, recovery codes are used up, and a sealed secret is bound
/// to its account.
@Suite("Two-factor sign-in")
struct TwoFactorTests {
    struct Enrolled {
        let secret: String
        let recoveryCodes: [String]
        let step: Int64
    }

    /// Enrols `user` (acting on their own account) with a code for the test clock's time.
    static func enrol(_ w: AccountWorld, _ user: User) throws -> Enrolled {
        let me = identity(of: user)
        let pending = try w.twoFactor.begin(email: user.email, by: me)
        #expect(pending.accountId == user._id)
        let code = try TOTP().code(secret: pending.secret, at: w.clock.now)
        let codes = try w.twoFactor.confirm(pending, code: code, by: me)
        return Enrolled(secret: pending.secret, recoveryCodes: codes, step: try #require(TOTP().step(at: w.clock.now)))
    }

    static func code(_ secret: String, step: Int64) throws -> String { try TOTP().code(secret: secret, step: step) }

    /// A 6-digit code that is none of the codes of the steps around `step`.
    static func wrongCode(_ secret: String, around step: Int64) throws -> String {
        let near = try Set((step - 3...step + 3).map { try code(secret, step: $0) })
        var n = 123_456
        while near.contains(String(format: "%06d", n)) { n += 1 }
        return String(format: "%06d", n)
    }

    static func step(_ w: AccountWorld) throws -> Int64 { try #require(TOTP().step(at: w.clock.now)) }

    @Test(arguments: Backend.enabled)
    func enrolmentStoresASealedSecretAndHashedRecoveryCodes(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let alice = try w.customer("alice@acme.test", in: org)
        let me = identity(of: alice)

        let pending = try w.twoFactor.begin(email: "Alice@Acme.test", by: me)
        #expect(pending.uri.hasPrefix("otpauth://totp/socialdeck:alice@acme.test?secret=\(pending.secret)&"))
        #expect(pending.qr.size > 0)
        // Nothing is stored until a code confirms the authenticator has the secret.
        #expect(try w.storedUser(alice._id).authentication.twoFactorEnabled == false)
        #expect(try w.storedUser(alice._id).authentication.twoFactorSecret == nil)

        let codes = try w.twoFactor.confirm(pending, code: try TOTP().code(secret: pending.secret, at: w.clock.now), by: me)
        #expect(codes.count == RecoveryCodes.defaultCount)
        #expect(Set(codes).count == codes.count)

        let raw = try w.rawUser(alice._id)
        let auth = try #require(raw["authentication"]?.documentValue)
        #expect(auth["twoFactorEnabled"] == .bool(true))
        let sealed = try #require(auth["twoFactorSecret"]?.stringValue)
        #expect(SecretBox.isSealed(sealed))
        #expect(SecretBox.keyID(of: sealed) == w.vault.keyID)
        #expect(w.vault.isCurrent(sealed))
        #expect(try w.vault.open(sealed, associatedData: "totp:\(alice._id.hex)") == pending.secret)
        #expect(auth["totpLastUsedStep"]?.int64Value == (try Self.step(w)))
        let hashes = try #require(auth["recoveryCodes"]?.arrayValue).compactMap(\.stringValue)
        #expect(hashes.count == codes.count)
        #expect(hashes.allSatisfy { $0.hasPrefix("$sha256$") })

        // Neither the secret nor any recovery code is anywhere in the stored document, in any form.
        let json = ExtendedJSON.string(from: raw)
        for needle in [pending.secret, pending.secret.lowercased()] + codes + codes.compactMap(RecoveryCodes.normalize) {
            #expect(!json.contains(needle), "stored document contains \(needle)")
        }
        // Nor in the audit trail.
        let entry = try #require(try w.customerLog().last)
        #expect(entry.action == "two_factor_enabled")
        #expect(entry.severity == .warning)
        #expect(entry.organizationId == org._id)
        for doc in try w.rawCustomerLog() + w.rawAdminLog() {
            let logJSON = ExtendedJSON.string(from: doc)
            for needle in [pending.secret, sealed] + codes + hashes { #expect(!logJSON.contains(needle)) }
        }
    }

    @Test(arguments: Backend.enabled)
    func signInNeedsTheCodeAndEachCodeWorksOnce(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let bob = try w.customer("bob@acme.test", in: org)
        let enrolled = try Self.enrol(w, bob)
        let auth = w.authenticator()
        w.clock.advance(by: 30)

        expectSignIn(.codeRequired(recoveryCodesLeft: RecoveryCodes.defaultCount)) { try auth.signIn(email: "bob@acme.test", password: seedPassword, context: testContext) }
        expectSignIn(.codeRequired(recoveryCodesLeft: RecoveryCodes.defaultCount)) { try auth.signIn(email: "bob@acme.test", password: seedPassword, code: "", context: testContext) }
        // The password is checked first: a wrong one never asks for the code.
        expectSignIn(.refused) { try auth.signIn(email: "bob@acme.test", password: "wrong password", context: testContext) }
        #expect(try w.storedUser(bob._id).authentication.loginAttempts == 1)

        let code = try TOTP().code(secret: enrolled.secret, at: w.clock.now)
        let session = try auth.signIn(email: "bob@acme.test", password: seedPassword, code: code, context: testContext)
        #expect(session.identity.actorId == bob._id)
        #expect(try w.storedUser(bob._id).authentication.loginAttempts == 0)
        #expect(try w.storedUser(bob._id).authentication.totpLastUsedStep == (try Self.step(w)))

        // The same code again, still inside its window: refused, and counted.
        w.clock.advance(by: 10)
        expectSignIn(.refused, "replayed code") {
            try auth.signIn(email: "bob@acme.test", password: seedPassword, code: code, context: testContext)
        }
        #expect(try w.storedUser(bob._id).authentication.loginAttempts == 1)
        // The code used to confirm enrolment is spent too.
        expectSignIn(.refused, "the enrolment code") {
            try auth.signIn(email: "bob@acme.test", password: seedPassword, code: try Self.code(enrolled.secret, step: enrolled.step),
                            context: testContext)
        }
    }

    @Test(arguments: Backend.enabled)
    func oneStepEitherSideIsAcceptedTwoAreNot(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let carol = try w.customer("carol@acme.test", in: org)
        let enrolled = try Self.enrol(w, carol)
        let auth = w.authenticator()
        func signIn(_ step: Int64) throws -> Session {
            try auth.signIn(email: "carol@acme.test", password: seedPassword, code: try Self.code(enrolled.secret, step: step),
                            context: testContext)
        }

        w.clock.advance(by: 30)
        let s = try Self.step(w)
        #expect(s == enrolled.step + 1)
        _ = try signIn(s + 1)                      // one step ahead (the phone's clock runs fast)
        w.clock.advance(by: 60)                    // now at s + 2
        expectSignIn(.refused, "a code for s+1 again") { try signIn(s + 1) }
        w.clock.advance(by: 30)                    // now at s + 3
        _ = try signIn(s + 2)                      // one step behind (typing took a while)
        expectSignIn(.refused, "two steps ahead") { try signIn(s + 5) }
        w.clock.advance(by: 90)                    // now at s + 6
        expectSignIn(.refused, "two steps behind") { try signIn(s + 4) }
        // Both refusals since the last success counted as failures.
        #expect(try w.storedUser(carol._id).authentication.loginAttempts == 2)
        _ = try signIn(s + 6)
        #expect(try w.storedUser(carol._id).authentication.totpLastUsedStep == s + 6)
        #expect(try w.storedUser(carol._id).authentication.loginAttempts == 0)
    }

    @Test(arguments: Backend.enabled)
    func aWrongCodeIsAFailedAttempt(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let dave = try w.customer("dave@acme.test", in: org)
        let enrolled = try Self.enrol(w, dave)
        let auth = w.authenticator()
        w.clock.advance(by: 30)
        let wrong = try Self.wrongCode(enrolled.secret, around: try Self.step(w))

        for (n, code) in [wrong, "12345a", "1234567", "not-a-code", "abcd-efgh-jk"].enumerated() {
            expectSignIn(.refused, "\(code)") {
                try auth.signIn(email: "dave@acme.test", password: seedPassword, code: code, context: testContext)
            }
            #expect(try w.storedUser(dave._id).authentication.loginAttempts == n + 1)
        }
        let failures = try w.customerLog().filter { $0.action == "login_failed" }
        #expect(failures.count == 5)
        #expect(failures.allSatisfy { $0.details.reason == "wrong or reused two-factor code" })
        // The fifth wrong code locked the account: now even the right code is refused.
        #expect(try w.storedUser(dave._id).authentication.lockedUntil != nil)
        expectSignIn(.refused) {
            try auth.signIn(email: "dave@acme.test", password: seedPassword,
                            code: try TOTP().code(secret: enrolled.secret, at: w.clock.now), context: testContext)
        }
    }

    @Test(arguments: Backend.enabled)
    func aRecoveryCodeWorksOnce(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let erin = try w.customer("erin@acme.test", in: org)
        let enrolled = try Self.enrol(w, erin)
        let auth = w.authenticator()

        let code = enrolled.recoveryCodes[3]
        // Case, spaces and dashes do not matter.
        let typed = " " + code.uppercased().replacingOccurrences(of: "-", with: " ") + " "
        let first = try auth.signIn(email: "erin@acme.test", password: seedPassword, code: typed, context: testContext)
        #expect(first.usedRecoveryCode)
        #expect(first.recoveryCodesLeft == RecoveryCodes.defaultCount - 1)
        #expect(try w.storedUser(erin._id).authentication.recoveryCodes?.count == RecoveryCodes.defaultCount - 1)
        #expect(try w.customerLog().contains { $0.action == "recovery_code_used" && $0.details.reason == "9 recovery codes left" })

        expectSignIn(.refused, "a used recovery code") {
            try auth.signIn(email: "erin@acme.test", password: seedPassword, code: code, context: testContext)
        }
        #expect(try w.storedUser(erin._id).authentication.recoveryCodes?.count == RecoveryCodes.defaultCount - 1)

        let second = try auth.signIn(email: "erin@acme.test", password: seedPassword, code: enrolled.recoveryCodes[0], context: testContext)
        #expect(second.recoveryCodesLeft == RecoveryCodes.defaultCount - 2)
        w.clock.advance(by: 30)
        let byApp = try auth.signIn(email: "erin@acme.test", password: seedPassword,
                                    code: try TOTP().code(secret: enrolled.secret, at: w.clock.now), context: testContext)
        #expect(!byApp.usedRecoveryCode && byApp.recoveryCodesLeft == RecoveryCodes.defaultCount - 2)
        expectSignIn(.codeRequired(recoveryCodesLeft: RecoveryCodes.defaultCount - 2)) {
            try auth.signIn(email: "erin@acme.test", password: seedPassword, context: testContext)
        }
        let left = try #require(try w.storedUser(erin._id).authentication.recoveryCodes)
        #expect(left.count == RecoveryCodes.defaultCount - 2)
        // The remaining ones still work, the used ones are gone.
        #expect(RecoveryCodes.consume(enrolled.recoveryCodes[3], hashes: left) == nil)
        #expect(RecoveryCodes.consume(enrolled.recoveryCodes[0], hashes: left) == nil)
        #expect(RecoveryCodes.consume(enrolled.recoveryCodes[9], hashes: left) != nil)
    }

    /// Two sign-ins racing with one code: the step is claimed atomically, so only one gets in.
    @Test(arguments: Backend.enabled)
    func racingSignInsWithOneCodeOpenOneSession(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let fay = try w.customer("fay@acme.test", in: org)
        let enrolled = try Self.enrol(w, fay)
        w.clock.advance(by: 30)
        var policy = AccountPolicy()
        policy.maxFailedAttempts = 100
        let auth = w.authenticator(policy: policy)
        let code = try TOTP().code(secret: enrolled.secret, at: w.clock.now)
        let recovery = enrolled.recoveryCodes[1]

        for shared in [code, recovery] {
            let successes = Atomic<Int>(0), refusals = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    _ = try auth.signIn(email: "fay@acme.test", password: seedPassword, code: shared, context: testContext)
                    successes.add(1, ordering: .relaxed)
                } catch SignInError.refused {
                    refusals.add(1, ordering: .relaxed)
                } catch {}
            }
            #expect(successes.load(ordering: .relaxed) == 1, "\(shared)")
            #expect(refusals.load(ordering: .relaxed) == 3, "\(shared)")
        }
        #expect(try w.storedUser(fay._id).authentication.recoveryCodes?.count == RecoveryCodes.defaultCount - 1)
    }

    @Test(arguments: Backend.enabled)
    func disablingClearsEverything(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let gus = try w.customer("gus@acme.test", in: org)
        _ = try Self.enrol(w, gus)
        try w.twoFactor.disable(email: "gus@acme.test", by: identity(of: gus))

        let auth = try #require(try w.rawUser(gus._id)["authentication"]?.documentValue)
        #expect(auth["twoFactorEnabled"] == .bool(false))
        for field in ["twoFactorSecret", "totpLastUsedStep", "recoveryCodes"] {
            #expect(auth[field] == nil, "\(field) is still stored")
        }
        _ = try w.authenticator().signIn(email: "gus@acme.test", password: seedPassword, context: testContext)
        let entry = try #require(try w.customerLog().first { $0.action == "two_factor_disabled" })
        #expect(entry.severity == .critical)
    }

    @Test(arguments: Backend.enabled)
    func aWrongConfirmationCodeDoesNotEnable(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let hal = try w.customer("hal@acme.test", in: org)
        let me = identity(of: hal)
        let pending = try w.twoFactor.begin(email: hal.email, by: me)
        let now = try Self.step(w)
        let before = try w.rawUser(hal._id)
        for code in [try Self.wrongCode(pending.secret, around: now), try Self.code(pending.secret, step: now - 2),
                     try Self.code(pending.secret, step: now + 2), "", "abcdef"] {
            expectCoreError(.invalid, "confirming with \(code.debugDescription)") {
                try w.twoFactor.confirm(pending, code: code, by: me)
            }
        }
        #expect(try w.rawUser(hal._id) == before)
        #expect(try w.customerLog().isEmpty)
        // Sign-in is still password-only.
        _ = try w.authenticator().signIn(email: hal.email, password: seedPassword, context: testContext)
    }

    @Test(arguments: Backend.enabled)
    func onlyTheAccountOrItsAdministratorsEnrol(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let acme = try w.organization("acme")
        let globex = try w.organization("globex")
        let ida = try w.customer("ida@acme.test", in: acme)
        let jay = try w.customer("jay@acme.test", in: acme)
        let admin = try w.customer("admin@acme.test", in: acme, role: .admin)
        let outsider = try w.customer("admin@globex.test", in: globex, role: .admin)

        expectDenied(.manageUsers) { try w.twoFactor.begin(email: ida.email, by: identity(of: jay)) }
        expectCoreError(.notFound) { try w.twoFactor.begin(email: ida.email, by: identity(of: outsider)) }
        expectCoreError(.notFound) { try w.twoFactor.disable(email: ida.email, by: identity(of: outsider)) }
        let pending = try w.twoFactor.begin(email: ida.email, by: identity(of: admin))
        // A pending enrolment cannot be confirmed by someone who may not manage the account.
        expectDenied { try w.twoFactor.confirm(pending, code: try TOTP().code(secret: pending.secret, at: w.clock.now),
                                               by: identity(of: outsider)) }
        #expect(try w.storedUser(ida._id).authentication.twoFactorEnabled == false)
    }

    @Test(arguments: Backend.enabled)
    func staffEnrolUnderSecurity(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let kai = try w.staff("kai@socialdeck.test", role: .support)
        let me = identity(of: kai)
        let pending = try w.twoFactor.begin(email: kai.email, by: me)
        _ = try w.twoFactor.confirm(pending, code: try TOTP().code(secret: pending.secret, at: w.clock.now), by: me)
        let security = try #require(try w.rawStaff(kai._id)["security"]?.documentValue)
        #expect(security["twoFactorEnabled"] == .bool(true))
        #expect(SecretBox.isSealed(try #require(security["twoFactorSecret"]?.stringValue)))
        #expect(!ExtendedJSON.string(from: try w.rawStaff(kai._id)).contains(pending.secret))

        w.clock.advance(by: 30)
        let auth = w.authenticator()
        expectSignIn(.codeRequired(recoveryCodesLeft: RecoveryCodes.defaultCount)) { try auth.signIn(email: kai.email, password: seedPassword, context: testContext) }
        _ = try auth.signIn(email: kai.email, password: seedPassword,
                            code: try TOTP().code(secret: pending.secret, at: w.clock.now), context: testContext)
        #expect(try w.adminLog().contains { $0.action == "two_factor_enabled" && $0.targetId == kai._id })
    }

    /// The sealed secret's associated data names its account: copied into another
    /// account's document, it does not open, and codes made from it get nobody in.
    @Test(arguments: Backend.enabled)
    func aSealedSecretCopiedToAnotherAccountDoesNotOpen(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let mallory = try w.customer("mallory@acme.test", in: org)
        let victim = try w.customer("victim@acme.test", in: org)
        let enrolled = try Self.enrol(w, mallory)
        let sealed = try #require(try w.storedUser(mallory._id).authentication.twoFactorSecret)

        // Someone with write access to the store copies the sealed value into the victim's document.
        try w.base.updateOne(CollectionName.users.rawValue, .id(victim._id),
                             Update.set("authentication.twoFactorEnabled", true).set("authentication.twoFactorSecret", sealed))
        #expect(throws: (any Error).self) { try w.vault.open(sealed, associatedData: "totp:\(victim._id.hex)") }

        w.clock.advance(by: 30)
        let code = try TOTP().code(secret: enrolled.secret, at: w.clock.now)
        let error = #expect(throws: SignInError.self, "signed in with a secret sealed for another account") {
            try w.authenticator().signIn(email: "victim@acme.test", password: seedPassword, code: code, context: testContext)
        }
        #expect(error == .refused, "looks like any other refusal")
        #expect(try w.storedUser(victim._id).authentication.loginAttempts == 1, "and counts as a failed attempt")
        #expect(try w.customerLog().contains { $0.action == "two_factor_secret_unreadable" && $0.targetId == victim._id && $0.severity == .critical })
        #expect(try w.storedUser(victim._id).authentication.lastLogin == nil)
        #expect(!(try w.customerLog().contains { $0.action == "login_succeeded" && $0.targetId == victim._id }))

        // The owner's own sign-in still works with that very code.
        _ = try w.authenticator().signIn(email: "mallory@acme.test", password: seedPassword, code: code, context: testContext)
    }
}
