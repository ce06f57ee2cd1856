import Foundation
import SocialdeckTestSupport
import SocialdeckTmux
import SocialdeckViewModels
import Testing

/// The MongoDB server stops under an open dashboard: libmongoc's complaints stay off the
/// screen (they go to the log file), the header says the store is unreachable, and an
/// approval that cannot be saved says so in a plain sentence.
@Suite("Dashboard when the store goes away", .serialized)
struct DashboardStoreOutageTests {
    @Test(.enabled(if: Backend.enabled.contains(.mongodb)))
    func libmongocStaysOffTheScreenAndAFailedApprovalSaysWhy() throws {
        let server = try DisposableMongoServer()
        let dir = TemporaryDirectory.make()
        let uri = server.uri(database: "outage")
        let env = ["XDG_CONFIG_HOME": dir + "/config", "XDG_STATE_HOME": dir + "/state", "SOCIALDECK_LOG_LEVEL": "debug",
                   "TERM": "xterm-256color", "LANG": "C.UTF-8"]
        let seeded = try Socialdeck.run(["seed", "--mongo", uri, "--orgs", "1", "--users", "4", "--posts", "12", "--days", "7"],
                                        environment: env)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let s = try TmuxSession(command: "sh -c '\(try Socialdeck.binary().path) --mongo \"\(uri)\"; echo EXITED=$?; sleep 5'",
                                width: 120, height: 36, environment: env)
        try s.submitSignIn()
        try s.waitFor("pending")

        server.stop()
        try s.waitFor("store unreachable")
        try s.press(.approve, in: .pane(.approvals))
        let screen = try s.waitFor("so the draft was not approved.")
        #expect(screen.contains("The store is unreachable, so the draft was not approved. Try again when the header shows live."))
        #expect(!screen.contains("monitor") && !screen.contains("DEBUG") && !screen.contains("Failed to connect"), "\(screen)")
        let log = try String(contentsOfFile: dir + "/state/socialdeck/socialdeck.log", encoding: .utf8)
        #expect(log.contains("mongoc[monitor]"))
        try s.press(.quit)
        let end = try s.waitFor("EXITED=0")
        #expect(!end.contains("monitor"))
    }
}
