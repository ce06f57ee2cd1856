import Foundation
import Synchronization
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Sign-in against hostile input: operator-shaped emails, injection payloads, huge passwords.
extension SignInTests {
    /// Operator-shaped, SQL-shaped and malformed emails match nobody, whichever password comes with them.
    @Test(arguments: Backend.enabled)
    func hostileEmailsSignNobodyIn(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let victim = try w.customer("victim@example.com", in: org, role: .admin)
        let staff = try w.staff("root@example.com", role: .superAdmin)
        let auth = w.authenticator()

        let refused = [
            #"{"$ne": null}"#, #"{"$gt": ""}"#, #"{"$regex": ".*"}"#, #"" OR 1=1 --"#, "' OR '1'='1", "victim@example.com' --",
            "a'b@c.d", ".*", "%", "%@example.com", "victim@example.co_", "*", "victim@example.com; DROP TABLE users",
            "$where", "victim\u{200B}@example.com",
        ]
        for email in refused {
            expectSignIn(.refused, "\(email.debugDescription)") {
                try auth.signIn(email: email, password: seedPassword, context: testContext)
            }
        }
        let invalid = [
            "victim@example.com\u{0}", "victim\u{0}@example.com", "\u{0}", "",  "   ",
            String(repeating: "a", count: 10_000) + "@example.com",
            "victim@example.com" + String(repeating: " x", count: 5_000),
            String(repeating: "\u{0}", count: 10_240),
        ]
        for email in invalid {
            expectSignIn(.invalidInput(""), "\(email.prefix(30).debugDescription)…") {
                try auth.signIn(email: email, password: seedPassword, context: testContext)
            }
        }
        #expect(try w.storedUser(victim._id).authentication.lastLogin == nil)
        #expect(try w.storedUser(victim._id).authentication.loginAttempts == 0)
        #expect(try w.storedStaff(staff._id).security.lastLogin == nil)
        #expect(!(try w.customerLog().contains { $0.action == "login_succeeded" }))
        #expect(!(try w.adminLog().contains { $0.action == "login_succeeded" }))
        // The store still works and the victim still signs in.
        _ = try auth.signIn(email: "victim@example.com", password: seedPassword, context: testContext)
    }

    @Test(arguments: Backend.enabled)
    func aMegabytePasswordIsRefusedWithoutHashing(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        // Hashed at the default cost, so verifying anything against it would take far longer than the budget.
        let kim = try w.customer("kim@acme.test", in: org, hasher: PasswordHasher())
        let auth = w.authenticator(hasher: PasswordHasher())
        let huge = String(repeating: "p", count: 1 << 20)
        let logBefore = try w.rawCustomerLog().count + w.rawAdminLog().count

        for email in ["kim@acme.test", "nobody@acme.test"] {
            let clock = ContinuousClock()
            var error: SignInError?
            let elapsed = clock.measure {
                error = #expect(throws: SignInError.self) { try auth.signIn(email: email, password: huge, context: testContext) }
            }
            if case .invalidInput = error {} else { Issue.record("expected invalidInput, got \(String(describing: error))") }
            #expect(elapsed < .milliseconds(50), "\(email): \(elapsed)")
        }
        // Just over the limit is refused the same way; nothing counted, nothing logged.
        expectSignIn(.invalidInput("")) {
            try auth.signIn(email: "kim@acme.test", password: String(repeating: "p", count: PasswordHasher.maximumPasswordBytes + 1),
                            context: testContext)
        }
        expectSignIn(.invalidInput("")) { try auth.signIn(email: "kim@acme.test", password: "", context: testContext) }
        #expect(try w.storedUser(kim._id).authentication.loginAttempts == 0)
        #expect(try w.rawCustomerLog().count + w.rawAdminLog().count == logBefore)
    }
}
