import Foundation
import SocialdeckTestSupport
import SocialdeckTmux
import Testing

/// The first run on an empty store, in tmux as a person meets it (issue #10, item 12):
/// each answer is checked as it is given and asked for again when wrong, the account is
/// named as platform staff with the commands that add the team, and the sign-in form
/// opens with the new email filled in.
@Suite("First run", .serialized)
struct FirstRunTests {
    let dir = TemporaryDirectory.make()
    var env: [String: String] {
        ["XDG_CONFIG_HOME": dir + "/config", "XDG_STATE_HOME": dir + "/state", "TERM": "xterm-256color", "LANG": "C.UTF-8"]
    }

    func start() throws -> TmuxSession {
        let binary = try Socialdeck.binary().path
        return try TmuxSession(command: "sh -c '\(binary) --data \(dir)/data; echo EXITED=$?; sleep 5'", width: 110, height: 50,
                               environment: env)
    }

    func answer(_ s: TmuxSession, _ text: String) throws {
        if !text.isEmpty { try s.send(text) }
        try s.send("Enter", literally: false)
    }

    func count(_ text: String, in screen: String) -> Int { screen.components(separatedBy: text).count - 1 }

    /// Waits until `prompt` has been shown `times` times: the question asked again.
    @discardableResult
    func waitForPrompt(_ s: TmuxSession, _ prompt: String, times: Int) throws -> String {
        let deadline = Date().addingTimeInterval(15)
        var screen = ""
        while Date() < deadline {
            screen = try s.screen()
            if count(prompt, in: screen) >= times { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxFailure("'\(prompt)' was not asked \(times) times; the screen was:\n\(screen)")
    }

    @Test func wrongAnswersAreAskedAgainThenSignInOpensWithTheEmail() throws {
        let s = try start()
        let intro = try s.waitFor("[Y/n]")
        #expect(intro.contains("platform staff"), "\(intro)")
        try answer(s, "")

        try s.waitFor("Your email:")
        try answer(s, "nadia-at-newteam")
        var screen = try waitForPrompt(s, "Your email:", times: 2)
        #expect(screen.contains("is not a valid email address"))
        #expect(!screen.contains("Password"), "a bad email is caught before any password is asked for")
        try answer(s, "Nadia@NewTeam.example")

        try s.waitFor("Your name:")
        try answer(s, "")
        screen = try waitForPrompt(s, "Your name:", times: 2)
        #expect(screen.contains("the header shows it"))
        try answer(s, "Nadia Okoye")

        let password = "Password (12 characters or more):"
        try s.waitFor(password)
        try answer(s, "short")
        screen = try waitForPrompt(s, password, times: 2)
        #expect(screen.contains("at least 12 characters"))
        try answer(s, "a-new-team-password")
        try s.waitFor("Repeat it:")
        try answer(s, "a-new-team-passw0rd")
        screen = try waitForPrompt(s, password, times: 3)
        #expect(screen.contains("do not match"))
        try answer(s, "a-new-team-password")
        try waitForPrompt(s, "Repeat it:", times: 2)
        try answer(s, "a-new-team-password")

        try s.waitFor("team's organization")
        try answer(s, "New Team")
        screen = try s.waitFor("sign in")

        // The form opens with the email filled in: the password is all that is left to type.
        #expect(screen.contains("nadia@newteam.example"), "\(screen)")
        try answer(s, "a-new-team-password")
        let dashboard = try s.waitFor("Nadia Okoye (super_admin)")
        #expect(dashboard.contains("all organizations"))
        try s.send("q")
        let end = try s.waitFor("EXITED=0")
        #expect(end.contains("platform staff"))
        #expect(end.contains("socialdeck user add EMAIL --org new-team --role admin"))
        #expect(end.contains("socialdeck user add EMAIL --org new-team --role manager"))
        #expect(end.contains("--role viewer"))
    }

    /// Without a terminal nothing is asked: the hint names the account and the commands.
    @Test func withoutATerminalTheFirstRunExplainsInstead() throws {
        let r = try Socialdeck.run(["--data", dir + "/data"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("platform staff account (a super_admin)"))
        #expect(r.stdout.contains("socialdeck staff add EMAIL --role super_admin"))
        #expect(r.stdout.contains("socialdeck --demo"))
    }
}
