import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels

/// The sign-in form: the code field takes an authenticator code or a recovery code
/// (issue #8, item 3), and says how many recovery codes are left when few are.
@Suite("Sign-in form")
struct SignInModelTests {
    static func askedForCode(left: Int) -> SignInModel {
        var form = SignInModel(email: "erin@acme.test")
        form.type("a long password")
        _ = form.submit()
        form.failed(.codeRequired(recoveryCodesLeft: left))
        return form
    }

    @Test func theCodeFieldTakesARecoveryCode() throws {
        var form = Self.askedForCode(left: 10)
        #expect(form.focus == .code)
        form.type("K7MX-P2QD-9H")
        #expect(form.code == "K7MX-P2QD-9H")
        let submitted = form.submit()
        let attempt = try #require(submitted)
        #expect(attempt.code == "K7MX-P2QD-9H")
        #expect(attempt.password == "a long password")
    }

    @Test func theCodeFieldStillTakesSixDigits() throws {
        var form = Self.askedForCode(left: 10)
        form.type("123 456")
        #expect(form.code == "123456")
        let submitted = form.submit()
        #expect(submitted?.code == "123456")
    }

    @Test func aCodeOfNeitherShapeIsExplainedNotSent() {
        var form = Self.askedForCode(left: 10)
        form.type("12345")
        #expect(form.submit() == nil)
        #expect(form.error == "enter the 6-digit code or a recovery code (like abcd-efgh-jk)")
        for _ in 0..<5 { form.backspace() }
        form.type("k7mx-p2qd-9")
        #expect(form.submit() == nil)
        form.type("h")
        #expect(form.submit() != nil)
    }

    @Test func thePromptCountsRecoveryCodesWhenFewAreLeft() {
        #expect(Self.askedForCode(left: 10).prompt == "6-digit code from your app, or a recovery code")
        #expect(Self.askedForCode(left: 3).prompt == "6-digit code from your app, or a recovery code")
        #expect(Self.askedForCode(left: 2).prompt == "6-digit code from your app, or a recovery code (2 recovery codes left)")
        #expect(Self.askedForCode(left: 1).prompt == "6-digit code from your app, or a recovery code (1 recovery code left)")
        #expect(Self.askedForCode(left: 0).prompt == "6-digit code from your app, or a recovery code (none left)")
        #expect(SignInModel().prompt == "Tab next field · Enter sign in · Esc quit")
    }

    /// Signing in with a recovery code spends it, and the dashboard's first message says
    /// how many are left, with what to do when few are.
    @Test func aRecoveryCodeSignInSaysHowManyAreLeft() throws {
        let ws = try Workspace()
        let sessions = SessionRegistry(), vault = SecretVault(key: try SecretKey.generate())
        let clock: @Sendable () -> Date = { [now = ws.now] in now }
        let enrolment = TwoFactorEnrollment(store: ws.store, secrets: vault, clock: clock)
        let pending = try enrolment.begin(email: "manager@acme.example", by: ws.manager)
        var codes = try enrolment.confirm(pending, code: try TOTP().code(secret: pending.secret, at: ws.now), by: ws.manager)
        let auth = Authenticator(store: ws.store, secrets: vault, sessions: sessions, clock: clock)
        let context = ConnectionContext(ipAddress: "198.51.100.7", userAgent: "test")
        func signIn(_ code: String) throws -> Session {
            try auth.signIn(email: "manager@acme.example", password: DemoWorkspace.demoPassword, code: code, context: context)
        }
        let first = try signIn(codes.removeFirst())
        #expect(SignInModel.recoveryCodeNote(first) == "Signed in with a recovery code; 9 recovery codes left.")
        #expect(throws: SignInError.refused) { try auth.signIn(email: "manager@acme.example", password: DemoWorkspace.demoPassword,
                                                              code: "k7mx-p2qd-9h", context: context) }
        while codes.count > 2 { _ = try signIn(codes.removeFirst()) }
        let late = try signIn(codes.removeFirst())
        #expect(SignInModel.recoveryCodeNote(late)
                == "Signed in with a recovery code; 1 recovery code left. Run `socialdeck user 2fa enable` for new ones.")
    }
}
