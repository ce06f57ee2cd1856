import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Who did it, and from where (issue #8, item 4): the operator is the effective user's
/// OS account, and a session without SSH is local, which an allowlist must name.
@Suite("Local sessions and the operator's name")
struct LocalSessionTests {
    @Test func theOperatorIsTheEffectiveUsersAccountWhateverUSERSays() throws {
        let real = try #require(getpwuid(geteuid())).pointee.pw_name.map { String(cString: $0) }
        setenv("USER", "mallory", 1)
        setenv("LOGNAME", "mallory", 1)
        defer { unsetenv("LOGNAME") }
        let op = Identity.localOperator(context: ConnectionContext.current(environment: [:]))
        #expect(op.principal == .localOperator(name: try #require(real)))
        #expect(op.context.isLocal)
    }

    @Test(arguments: Backend.enabled)
    func aLocalSessionPassesAnAllowlistOnlyWhenItNamesLocal(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let local = ConnectionContext.current(environment: ["TERM": "xterm"])
        let loopbackOnly = try w.staff("loop@socialdeck.test", role: .admin) { $0.security.ipWhitelist = ["127.0.0.1", "::1"] }
        expectSignIn(.refused, "a console, su or sudo session is not SSH from 127.0.0.1") {
            try w.authenticator().signIn(email: "loop@socialdeck.test", password: seedPassword, context: local)
        }
        #expect(try w.adminLog().last?.details.reason?.contains("allowlist") == true)
        #expect(try w.adminLog().last?.metadata.ipAddress == "local")
        // SSH from the machine itself still matches 127.0.0.1.
        _ = try w.authenticator().signIn(email: "loop@socialdeck.test", password: seedPassword,
                                         context: ConnectionContext.current(environment: ["SSH_CONNECTION": "127.0.0.1 5000 127.0.0.1 22"]))

        let boss = try w.staff("boss@socialdeck.test", role: .superAdmin)
        try w.staffAdmin().setAllowedAddresses(loopbackOnly._id, ["local", "203.0.113.0/24"], by: identity(of: boss))
        let session = try w.authenticator().signIn(email: "loop@socialdeck.test", password: seedPassword, context: local)
        #expect(session.identity.context.isLocal)
        expectSignIn(.refused, "`local` admits no remote address") {
            try w.authenticator().signIn(email: "loop@socialdeck.test", password: seedPassword,
                                         context: ConnectionContext(ipAddress: "198.51.100.7", userAgent: "xterm"))
        }
        _ = try w.authenticator().signIn(email: "loop@socialdeck.test", password: seedPassword,
                                         context: ConnectionContext(ipAddress: "203.0.113.40", userAgent: "xterm"))
    }
}
