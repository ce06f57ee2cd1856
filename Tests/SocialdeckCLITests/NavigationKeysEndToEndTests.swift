import Foundation
import SocialdeckTmux
import SocialdeckTestSupport
import Testing

/// Home, End, PgDn and Alt+Up as tmux really sends them (`ESC [ 1 ~`, `ESC [ 4 ~`,
/// `ESC [ 6 ~`, `ESC [ 1 ; 3 A`), under terminal types whose terminfo spells some of them
/// otherwise. They used to reach the dashboard as ESC and loose characters, and the
/// `1` of Home opened the calendar (issue #10, item 9).
@Suite("Navigation keys end to end", .serialized)
struct NavigationKeysEndToEndTests {
    let dir = TemporaryDirectory.make()

    init() throws {
        let r = try Socialdeck.run(["seed", "--data", dir + "/data", "--orgs", "2", "--users", "8", "--posts", "60", "--days", "20"],
                                   environment: ["XDG_CONFIG_HOME": dir + "/config"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// The queue's "row/total" counter at the end of its "N pending" line, and whether
    /// the approvals pane (its list and preview) is the one open.
    private func position(_ screen: String) -> (row: Int, total: Int, approvalsOpen: Bool)? {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains(" pending") }),
              let match = line.firstMatch(of: /(\d+)\/(\d+)\s*$/), let row = Int(match.1), let total = Int(match.2) else { return nil }
        return (row, total, screen.contains("── Preview · "))
    }

    private func waitForPosition(_ s: TmuxSession, _ done: (Int, Int) -> Bool) throws -> (row: Int, total: Int) {
        let deadline = Date().addingTimeInterval(5)
        var last = ""
        while Date() < deadline {
            last = try s.screen()
            if let p = position(last), p.approvalsOpen, done(p.row, p.total) { return (p.row, p.total) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxFailure("the queue never reached the expected row; the screen was:\n\(last)")
    }

    @Test("Home, End, PgDn and Alt+Up move in the queue or do nothing; they never switch panes",
          arguments: ["xterm-256color", "screen-256color", "linux"])
    func navigationKeysStayInThePane(term: String) throws {
        let env = ["XDG_CONFIG_HOME": dir + "/config", "XDG_STATE_HOME": dir + "/state", "TERM": term, "LANG": "C.UTF-8"]
        let binary = try Socialdeck.binary().path
        let s = try TmuxSession(command: "sh -c '\(binary) --data \(dir)/data; echo EXITED=$?; sleep 5'", environment: env)
        try s.submitSignIn()
        let start = try waitForPosition(s) { row, _ in row == 1 }
        #expect(start.total > 2)

        try s.send("End", literally: false)
        _ = try waitForPosition(s) { row, total in row == total }
        try s.send("Home", literally: false)
        _ = try waitForPosition(s) { row, _ in row == 1 }
        try s.send("PgDn", literally: false)
        _ = try waitForPosition(s) { row, _ in row > 1 }
        try s.send("Home", literally: false)
        _ = try waitForPosition(s) { row, _ in row == 1 }
        // Alt+Up is bound to nothing: the next key shows it was read and dropped whole.
        try s.send("M-Up", literally: false)
        try s.send("j")
        _ = try waitForPosition(s) { row, _ in row == 2 }
        try s.send("q")
        try s.waitFor("EXITED=0")
    }
}
