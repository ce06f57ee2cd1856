import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// Staff address allowlists, and who did it, from where (issue #8, item 4): the
/// operator is the effective user's OS account, and a session without SSH is local,
/// which an allowlist must name.
@Suite("Allowlists, local sessions and the operator's name")
struct LocalSessionTests {
    @Test(arguments: Backend.enabled)
    func staffAddressAllowlist(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let ivy = try w.staff("ivy@socialdeck.test", role: .admin) {
            $0.security.ipWhitelist = ["192.0.2.10", "198.51.100.0/24", "2001:db8:abcd::/48", "2001:db8::7"]
        }
        let auth = w.authenticator()
        for ip in ["192.0.2.10", "198.51.100.0", "198.51.100.254", "2001:db8:abcd:12::1", "2001:db8:abcd:ffff:ffff:ffff:ffff:ffff",
                   "2001:db8::7"] {
            let session = try auth.signIn(email: "ivy@socialdeck.test", password: seedPassword,
                                          context: ConnectionContext(ipAddress: ip, userAgent: "xterm"))
            #expect(session.identity.context.ipAddress == ip)
        }
        let refusedAddresses = ["192.0.2.11", "198.51.101.1", "203.0.113.9", "2001:db8:abce::1", "2001:db8::8", "127.0.0.1",
                                "not-an-ip", ""]
        for ip in refusedAddresses {
            let error = #expect(throws: SignInError.self, "\(ip)") {
                try auth.signIn(email: "ivy@socialdeck.test", password: seedPassword,
                                context: ConnectionContext(ipAddress: ip, userAgent: "xterm"))
            }
            #expect(error == .refused, "\(ip)")
            #expect(error?.description == SignInError.refused.description)
        }
        let refusals = try w.adminLog().filter { $0.action == "login_refused" }
        #expect(refusals.count == refusedAddresses.count)
        for (entry, ip) in zip(refusals, refusedAddresses) {
            #expect(entry.severity == .critical)
            #expect(entry.targetId == ivy._id)
            #expect(entry.metadata.ipAddress == ip)
            #expect(entry.details.reason?.contains("allowlist") == true)
        }
        // A refused address is not a wrong password: nothing counts towards a lock.
        #expect(try w.storedStaff(ivy._id).security.loginAttempts == 0)
    }

    /// An allowlist written by something other than `setAllowedAddresses` (an import, a
    /// hand edit) may hold junk: it matches nothing, and sign-in neither crashes nor lets anyone in.
    @Test(arguments: Backend.enabled)
    func malformedStoredAllowlistEntriesMatchNothing(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        try w.staff("jim@socialdeck.test", role: .admin) {
            $0.security.ipWhitelist = ["", "/", "/8", "10.0.0.0/", "192.0.2.0/abc", "198.51.100.0/33", "junk", "192.0.2.10"]
        }
        let auth = w.authenticator()
        _ = try auth.signIn(email: "jim@socialdeck.test", password: seedPassword,
                            context: ConnectionContext(ipAddress: "192.0.2.10", userAgent: "xterm"))
        for ip in ["10.0.0.0", "10.0.0.1", "192.0.2.11", "198.51.100.1", "8.0.0.0"] {
            expectSignIn(.refused, "\(ip)") {
                try auth.signIn(email: "jim@socialdeck.test", password: seedPassword, context: ConnectionContext(ipAddress: ip, userAgent: "xterm"))
            }
        }
    }

    @Test func theOperatorIsTheEffectiveUsersAccountWhateverUSERSays() throws {
        let real = try #require(getpwuid(geteuid())).pointee.pw_name.map { String(cString: $0) }
        let saved = ["USER", "LOGNAME"].map { name in (name, ProcessInfo.processInfo.environment[name]) }
        defer { for (name, value) in saved { if let value { setenv(name, value, 1) } else { unsetenv(name) } } }
        setenv("USER", "mallory", 1)
        setenv("LOGNAME", "mallory", 1)
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
