import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTmux
import SocialdeckViewModels
import SocialdeckTestSupport
import Testing

/// The real binary in tmux on a seeded store: sign in, switch panes, approve and
/// reject, resize, quit. The store is checked afterwards through `socialdeck export`.
@Suite("Dashboard end to end", .serialized)
struct DashboardEndToEndTests {
    let dir = TemporaryDirectory.make()
    var data: String { dir + "/data" }
    var env: [String: String] {
        ["XDG_CONFIG_HOME": dir + "/config", "XDG_STATE_HOME": dir + "/state", "TERM": "xterm-256color", "LANG": "C.UTF-8"]
    }

    init() throws {
        let r = try Socialdeck.run(["seed", "--data", dir + "/data", "--orgs", "2", "--users", "8", "--posts", "60", "--days", "20"],
                                   environment: ["XDG_CONFIG_HOME": dir + "/config"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    func approvals() throws -> [Document] {
        try Socialdeck.run(["export", "content", "--data", data], environment: env).stdout.split(separator: "\n")
            .map { try ExtendedJSON.document(from: String($0)) }
    }

    /// bash, not dash: a Ctrl-C the dashboard handles must not end the wrapper shell too.
    func start(_ extra: String = "") throws -> TmuxSession {
        let binary = try Socialdeck.binary().path
        return try TmuxSession(command: "bash -c '\(binary) --data \(data) \(extra); echo EXITED=$?; sleep 5'", environment: env)
    }

    func signIn(_ s: TmuxSession, as email: String = "manager@acme.example") throws {
        try s.submitSignIn(email)
        try s.waitFor("Approvals")
    }

    /// Suspending an account from another process signs its open dashboard out within
    /// a refresh (issue #8, item 2).
    @Test func aSuspendedAccountsDashboardSignsOut() throws {
        let s = try start()
        try signIn(s)
        let suspend = try Socialdeck.run(["user", "suspend", "manager@acme.example", "--reason", "left the team", "--data", data],
                                         environment: env)
        #expect(suspend.status == 0, "\(suspend.stderr)")
        let screen = try s.waitFor("signed out")
        #expect(screen.contains("your account was suspended"))
        #expect(screen.contains("sign in"))
        try s.send("Escape", literally: false)
        try s.waitFor("EXITED=0")
    }

    /// Ctrl-C reaches the terminal as SIGINT; in the editor it must not end the
    /// process and lose the text (issue #10, item 2). Outside editors it quits.
    @Test func ctrlCInTheEditorKeepsTheAppAndItsText() throws {
        let s = try start()
        try signIn(s)
        // The tab bar is drawn before the queue has loaded; `e` on an empty queue edits nothing.
        try s.waitFor("pending")
        try s.press(.edit, in: .pane(.approvals))
        try s.waitFor("ctrl+o save")
        try s.send(" kept")
        try s.send("C-c", literally: false)
        Thread.sleep(forTimeInterval: 0.5)
        let screen = try s.waitFor("ctrl+o save")
        #expect(!screen.contains("EXITED="), "the dashboard is still running")
        #expect(screen.contains(" kept"))
        try s.send("Escape", literally: false)
        try s.waitFor("discard your changes?")
        try s.send("Escape", literally: false)
        // A key straight after Esc would read as alt+key, as in every terminal program.
        Thread.sleep(forTimeInterval: 0.2)
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }

    /// The composer in the real binary (issue #12): `n`, a text, Ctrl-P with no time to
    /// publish now; the dashboard's own publisher sends it through the sandbox.
    @Test func composeAndPublishNowFromTheDashboard() throws {
        let s = try start()
        try signIn(s)
        try s.waitFor("pending")
        try s.press(.compose, in: .pane(.approvals))
        try s.waitFor("New post")
        try s.send("Fresh beans today ☕")
        try s.send("C-p", literally: false)
        let deadline = Date().addingTimeInterval(30)
        var post: Document?
        repeat {
            Thread.sleep(forTimeInterval: 0.5)
            post = try approvals().first { $0.value(at: "content.text")?.stringValue == "Fresh beans today ☕" }
        } while Date() < deadline && !Self.published(post)
        #expect(Self.published(post), "published on every platform by the dashboard's publisher: \(post.map(ExtendedJSON.string(from:)) ?? "no post")")
        #expect(post?.value(at: "approval.status")?.stringValue == "approved")
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }

    static func published(_ post: Document?) -> Bool {
        guard case .array(let entries)? = post?["platforms"], !entries.isEmpty else { return false }
        return entries.allSatisfy { $0.documentValue?["status"]?.stringValue == "published" }
    }

    /// `y` sends the selected draft's text as OSC 52; tmux, with `set-clipboard on`,
    /// keeps it as a paste buffer, as it would hand it to the terminal over SSH.
    @Test func yCopiesTheSelectedDraftThroughOSC52() throws {
        let s = try start()
        try s.setOption("set-clipboard", "on")
        try signIn(s)
        try s.press(.pane2)
        try s.waitFor("pending")
        try s.press(.copy)
        try s.waitFor("copied the post's text")
        let pending = try approvals().filter { $0.value(at: "approval.status") == "pending" }
        let copied = try s.pasteBuffer()
        #expect(!copied.isEmpty && pending.contains { $0.value(at: "content.text")?.stringValue == copied },
                "the buffer holds a pending draft's text: \(copied.prefix(80))")
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }

    @Test func signInSwitchPanesApproveRejectResizeAndQuit() throws {
        let s = try start()
        try signIn(s)
        let pendingBefore = try approvals().filter { $0.value(at: "approval.status") == "pending" }.count

        try s.press(.pane1)
        try s.waitFor("month")
        try s.press(.pane3)
        try s.waitFor("Last 30 days")
        try s.press(.pane4)
        try s.waitFor("Intelligence")
        try s.press(.pane2)
        try s.waitFor("pending")

        try s.press(.approve, in: .pane(.approvals))
        try s.waitFor("approved")
        try s.press(.reject, in: .pane(.approvals))
        try s.send("Off-brand tone")
        try s.send("Enter", literally: false)
        try s.waitFor("rejected")
        let deadline = Date().addingTimeInterval(10)
        var docs = try approvals()
        while Date() < deadline, !docs.contains(where: { $0.value(at: "approval.rejectionReason") == "Off-brand tone" }) {
            Thread.sleep(forTimeInterval: 0.2)
            docs = try approvals()
        }
        #expect(docs.filter { $0.value(at: "approval.status") == "pending" }.count == pendingBefore - 2)
        #expect(docs.contains { $0.value(at: "approval.rejectionReason") == "Off-brand tone" })

        try s.resize(width: 70, height: 20)
        try s.waitFor("Approvals")
        try s.resize(width: 50, height: 12)
        try s.waitFor("too small")
        try s.resize(width: 100, height: 30)
        try s.waitFor("Approvals")

        try s.press(.quit)
        let end = try s.waitFor("EXITED=0")
        #expect(!end.contains("Approvals"), "the screen is restored")
    }

    @Test func aWrongPasswordIsRefusedWithTheGenericMessage() throws {
        let s = try start()
        try s.waitFor("sign in")
        try s.send("manager@acme.example")
        try s.send("Tab", literally: false)
        try s.send("not-the-password")
        try s.send("Enter", literally: false)
        try s.waitFor("sign-in refused")
        try s.send("Escape", literally: false)
        try s.waitFor("EXITED=0")
    }

    @Test func ctrlLWipesWhatAnotherProgramWroteOverTheScreen() throws {
        let s = try start()
        try signIn(s)
        let garbage = "DEBUG: monitor: [127.0.0.1:27017] command or network error occurred"
        let tty = try #require(FileHandle(forWritingAtPath: try s.paneTTY()))
        tty.write(Data("\u{1B}[12;5H\(garbage)".utf8))
        try tty.close()
        try s.waitFor(garbage)
        try s.press(.redraw)
        try s.waitForAbsence(of: garbage)
        // The screen is cleared first, then drawn again.
        #expect(!(try s.waitFor("Approvals")).contains(garbage))
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }

    /// Whatever else writes to stdout or stderr (a library, the runtime) lands in the log
    /// file while the screen is up: both descriptors point at it.
    @Test func whileTheScreenIsUpStdoutAndStderrAreTheLogFile() throws {
        let s = try start()
        try signIn(s)
        let dashboard = try Self.dashboardPID(s)
        let log = dir + "/state/socialdeck/socialdeck.log"
        for descriptor in [1, 2] {
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(dashboard)/fd/\(descriptor)") == log)
        }
        let stray = open("/proc/\(dashboard)/fd/2", O_WRONLY | O_APPEND)
        #expect(stray >= 0)
        _ = "a stray warning\n".withCString { write(stray, $0, strlen($0)) }
        close(stray)
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("a stray warning"))
        #expect(try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int == 0o600)
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }

    /// A crash while the screen is up (a bad pointer, sent as SIGSEGV) restores the
    /// terminal, so the crash report is seen on the normal screen.
    @Test func aCrashLeavesTheScreenAndTheReportIsSeen() throws {
        let s = try start()
        try s.waitFor("sign in")
        let dashboard = try Self.dashboardPID(s)
        #expect(kill(dashboard, SIGSEGV) == 0)
        let screen = try s.waitFor("socialdeck crashed")
        #expect(!screen.contains("socialdeck · sign in"), "the dashboard's screen is gone")
        kill(dashboard, SIGKILL)  // Swift's crash reporter may be waiting for a key
        try s.waitFor("EXITED=")
    }

    @Test func aViewerSeesNoRevenueAndCannotApprove() throws {
        let s = try start()
        try signIn(s, as: "viewer@acme.example")
        let screen = try s.screen()
        #expect(!screen.contains("Revenue") && !screen.contains("Agents"))
        try s.send("a")
        try s.waitFor("cannot approve")
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }
}

extension DashboardEndToEndTests {
    /// Staff's panes through the real binary (issue #14): customers search as you type,
    /// the ticket queue, the health pane naming this very dashboard among the processes
    /// running the core, and the notifications list.
    @Test func staffPanesCustomersTicketsHealthAndNotifications() throws {
        let s = try start()
        try s.submitSignIn("super-admin@socialdeck.example")
        try s.waitFor("8 Heal")
        try s.press(.pane6)
        try s.waitFor("Customers")
        try s.send("/")
        try s.send("acme")
        try s.waitFor("manager@acme.example")
        try s.send("Enter", literally: false)
        try s.press(.pane7)
        try s.waitFor("Tickets · queue")
        try s.press(.pane8)
        let health = try s.waitFor("dashboard ")
        #expect(health.contains("Processes running the core") && health.contains("latency"))
        try s.press(.notifications)
        try s.waitFor("Notifications")
        // `q` closes the list (Esc then q would reach the program as alt+q).
        try s.send("q")
        try s.waitForAbsence(of: "┌ Notifications")
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }

    @Test func aCustomerAdminInvitesFromTheSettingsScreen() throws {
        let s = try start()
        try s.submitSignIn("admin@acme.example")
        try s.waitFor("1 Cal")
        try s.send(":")
        try s.send("settings")
        try s.send("Enter", literally: false)
        let screen = try s.waitFor("Settings · Acme")
        #expect(screen.contains("seats") && screen.contains("invite from"))
        try s.send("i")
        try s.send("nia@acme.example manager")
        try s.send("Enter", literally: false)
        let invited = try s.waitFor("pending   manager  nia@acme.example")
        #expect(invited.contains("expires in"))
        try s.send("q")
        try s.waitForAbsence(of: "Settings · Acme")
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }

    /// A left click as an xterm sends it with SGR mouse reporting (1-based columns and
    /// rows): press, then release.
    static func click(_ s: TmuxSession, x: Int, y: Int) throws {
        try s.send("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
    }

    /// The dashboard's process: the child of the shell the pane runs.
    static func dashboardPID(_ s: TmuxSession) throws -> Int32 {
        let shell = try #require(try s.panePID())
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return try #require(children.split(separator: " ").first.flatMap { Int32($0) })
    }

    @Test func withMouseOnAClickOpensATabMovesToARowAndMarksIt() throws {
        let s = try start("--mouse")
        try signIn(s)
        var lines = try s.screen().components(separatedBy: "\n")
        let tab = try #require(lines[1].range(of: "3 Analytics"), "no Analytics tab")
        try Self.click(s, x: lines[1].distance(from: lines[1].startIndex, to: tab.lowerBound), y: 1)
        try s.waitFor("Last 30 days")

        let back = try #require(lines[1].range(of: "2 Approvals"))
        try Self.click(s, x: lines[1].distance(from: lines[1].startIndex, to: back.lowerBound), y: 1)
        let screen = try s.waitFor("pending")
        lines = screen.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.contains("pending") })
        let total = try #require(lines[header].split(separator: "/").last.map { String($0).trimmingCharacters(in: .whitespaces) })
        try Self.click(s, x: 30, y: header + 3)
        try s.waitFor("3/\(total)")
        try Self.click(s, x: 0, y: header + 2)
        try s.waitFor("1 selected")
        #expect(try s.screen().components(separatedBy: "\n")[header + 2].hasPrefix("●"))
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }

    @Test func twoFactorEnrolmentThenSignInWithTheCode() throws {
        let binary = try Socialdeck.binary().path
        let enrol = try TmuxSession(command: "sh -c '\(binary) user 2fa enable manager@acme.example --data \(data); echo EXITED=$?; sleep 5'",
                                    width: 100, height: 60, environment: env)
        let prompt = try enrol.waitFor("Code from the app")
        let secretLine = try #require(prompt.components(separatedBy: "\n").first { $0.contains("secret:") })
        let secret = try #require(secretLine.split(separator: " ").last.map(String.init))
        try enrol.send(try TOTP().code(secret: secret, at: Date()))
        try enrol.send("Enter", literally: false)
        try enrol.waitFor("Two-factor sign-in is on")
        try enrol.waitFor("EXITED=0")

        let s = try start()
        try s.submitSignIn()
        try s.waitFor("2FA code")
        try s.send("000000")
        try s.send("Enter", literally: false)
        try s.waitFor("sign-in refused")
        // A refusal keeps the email and asks for the password again, then the code. The
        // code enrolment used is spent; the next step's code is within the ±1 step window.
        try s.send(DemoPassword.value)
        try s.send("Tab", literally: false)
        try s.send(try TOTP().code(secret: secret, at: Date().addingTimeInterval(30)))
        try s.send("Enter", literally: false)
        try s.waitFor("pending")
        try s.press(.quit)
        try s.waitFor("EXITED=0")
    }
}

enum DemoPassword {
    static let value = "socialdeck-demo"
}

extension TmuxSession {
    /// Fills in the sign-in form with `email` and the demo password, and submits it.
    func submitSignIn(_ email: String = "manager@acme.example") throws {
        try waitFor("sign in")
        try send(email)
        try send("Tab", literally: false)
        try send(DemoPassword.value)
        try send("Enter", literally: false)
    }
}
