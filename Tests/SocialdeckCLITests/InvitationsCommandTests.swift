import Foundation
import Testing
import SocialdeckTestSupport

/// `socialdeck invitations` and `org settings` through the real binary (issue #14): an
/// invitation without email is refused unless the code is to be handed over; the code
/// read from stdin makes the account once; the settings change and are refused when bad.
@Suite("Invitations and settings commands", .serialized)
struct InvitationsCommandTests {
    let dir = TemporaryDirectory.make()
    var environment: [String: String] { ["XDG_CONFIG_HOME": dir + "/config"] }

    func run(_ arguments: [String], stdin: String? = nil, succeeds: Bool = true) throws -> CommandResult {
        let result = try Socialdeck.run(arguments + ["--data", dir], stdin: stdin, environment: environment)
        #expect((result.status == 0) == succeeds, "\(arguments): \(result.stderr)")
        return result
    }

    @Test func inviteAcceptAndSettingsFromTheCommandLine() throws {
        _ = try run(["seed", "--orgs", "3", "--users", "9", "--posts", "10", "--days", "5"])
        let refused = try run(["invitations", "new", "nia@acme.example", "--org", "acme"], succeeds: false)
        #expect(refused.stderr.contains("email is not configured") && refused.stderr.contains("--print-code"))

        let invited = try run(["invitations", "new", "nia@acme.example", "--org", "acme", "--role", "manager", "--print-code"])
        let code = try #require(invited.stdout.split(separator: "\n").first { $0.hasPrefix("Code (works once): ") }?
            .replacingOccurrences(of: "Code (works once): ", with: ""))
        #expect(code.count == 39, "32 symbols in groups of four")
        #expect(try run(["invitations", "list", "acme"]).stdout.split(separator: "\n").contains { $0.split(separator: " ").prefix(3) == ["nia@acme.example", "manager", "pending"] })

        let password = "Blue-kettle-on-7-stoves"
        let accepted = try run(["invitations", "accept", "--first", "Nia"], stdin: "\(code)\n\(password)\n")
        #expect(accepted.stdout.contains("Welcome, nia@acme.example"))
        let again = try run(["invitations", "accept"], stdin: "\(code)\n\(password)\n", succeeds: false)
        #expect(again.stderr.contains("that invitation was accepted"))
        #expect(try run(["user", "list", "--org", "acme"]).stdout.split(separator: "\n").contains { $0.split(separator: " ").prefix(2) == ["nia@acme.example", "manager"] })

        _ = try run(["invitations", "new", "ole@acme.example", "--org", "acme", "--print-code"])
        #expect(try run(["invitations", "revoke", "ole@acme.example", "--org", "acme"]).stdout.contains("Revoked the invitation of ole@acme.example"))
        let ole = try run(["invitations", "list", "acme"]).stdout.split(separator: "\n").first { $0.hasPrefix("ole@acme.example") } ?? ""
        #expect(ole.split(separator: " ").prefix(4) == ["ole@acme.example", "user", "revoked", "withdrawn"], "\(ole)")

        let settings = try run(["org", "settings", "acme", "--name", "Acme Roasters", "--domains", "acme.example,roasters.example",
                                "--colors", "#d9480f"])
        #expect(settings.stdout.contains("name: Acme Roasters") && settings.stdout.contains("allowed domains: acme.example, roasters.example"))
        #expect(settings.stdout.contains("colours: #D9480F, none"))
        #expect(try run(["org", "settings", "acme", "--colors", "red"], succeeds: false).stderr.contains("a colour is #RRGGBB"))
        let outside = try run(["invitations", "new", "eve@evil.example", "--org", "acme", "--print-code"], succeeds: false)
        #expect(outside.stderr.contains("not at an allowed domain"))
    }

    /// The whole way, through processes as a team runs them: the admin's command queues
    /// the invitation, the daemon's pass emails it over STARTTLS, the person accepts
    /// with the code from the email and signs in.
    @Test func theDaemonEmailsTheCodeThatMakesTheAccount() throws {
        let sink = try SMTPSink(tls: true)
        _ = try run(["seed", "--orgs", "2", "--users", "6", "--posts", "0", "--days", "5"])
        let config = dir + "/config/socialdeck"
        try FileManager.default.createDirectory(atPath: config, withIntermediateDirectories: true)
        try """
        [email]
        url = "\(sink.url)"
        from = "socialdeck@acme.example"
        ca_file = "\(sink.caFile ?? "")"
        timeout_seconds = 10
        """.write(toFile: config + "/config.toml", atomically: true, encoding: .utf8)
        let invited = try run(["invitations", "new", "Nia@acme.example", "--org", "acme", "--role", "manager"])
        #expect(invited.stdout.contains("The email goes out with the daemon's or a dashboard's next pass.") && !invited.stdout.contains("Code"))
        _ = try run(["daemon", "--once"])
        let mail = try #require(try sink.received().first { $0.to == ["nia@acme.example"] })
        #expect(mail.tls)
        let lines = mail.data.components(separatedBy: "\r\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let code = try #require(lines.first { $0.count == 39 && $0.split(separator: "-").count == 8 })
        let accepted = try run(["invitations", "accept"], stdin: "\(code)\nBlue-kettle-on-7-stoves\n")
        #expect(accepted.stdout.contains("Welcome, nia@acme.example. Sign in with `socialdeck` as manager."))
        let list = try run(["invitations", "list", "acme"]).stdout
        #expect(list.split(separator: "\n").contains { $0.split(separator: " ").prefix(4) == ["nia@acme.example", "manager", "accepted", "sent"] })
    }
}
