import Foundation
import SocialdeckModel
import SocialdeckTestSupport
import Testing

/// The real binary in tmux on a seeded store: sign in, switch panes, approve and
/// reject, resize, quit. The store is checked afterwards through `socialdeck export`.
@Suite("Dashboard end to end", .serialized)
struct DashboardEndToEndTests {
    let dir = TempDir.make()
    var data: String { dir + "/data" }
    var env: [String: String] { ["XDG_CONFIG_HOME": dir + "/config", "TERM": "xterm-256color", "LANG": "C.UTF-8"] }

    init() throws {
        let r = try Socialdeck.run(["seed", "--data", dir + "/data", "--orgs", "2", "--users", "8", "--posts", "60", "--days", "20"],
                                   environment: ["XDG_CONFIG_HOME": dir + "/config"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    func approvals() throws -> [Document] {
        try Socialdeck.run(["export", "content", "--data", data], environment: env).stdout.split(separator: "\n")
            .map { try ExtendedJSON.document(from: String($0)) }
    }

    func start(_ extra: String = "") throws -> TmuxSession {
        let binary = try Socialdeck.binary().path
        return try TmuxSession(command: "sh -c '\(binary) --data \(data) \(extra); echo EXITED=$?; sleep 5'", environment: env)
    }

    func signIn(_ s: TmuxSession, as email: String = "manager@acme.example") throws {
        try s.waitFor("sign in")
        try s.send(email)
        try s.send("Tab", literally: false)
        try s.send(DemoPassword.value)
        try s.send("Enter", literally: false)
        try s.waitFor("Approvals")
    }

    @Test func signInSwitchPanesApproveRejectResizeAndQuit() throws {
        let s = try start()
        try signIn(s)
        let pendingBefore = try approvals().filter { $0.value(at: "approval.status") == "pending" }.count

        try s.send("1")
        try s.waitFor("month")
        try s.send("3")
        try s.waitFor("Last 30 days")
        try s.send("4")
        try s.waitFor("Intelligence")
        try s.send("2")
        try s.waitFor("pending")

        try s.send("a")
        try s.waitFor("approved")
        try s.send("r")
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

        try s.send("q")
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

    @Test func aViewerSeesNoRevenueAndCannotApprove() throws {
        let s = try start()
        try signIn(s, as: "viewer@acme.example")
        let screen = try s.screen()
        #expect(!screen.contains("Revenue") && !screen.contains("Agents"))
        try s.send("a")
        try s.waitFor("cannot approve")
        try s.send("q")
        try s.waitFor("EXITED=0")
    }
}

enum DemoPassword {
    static let value = "socialdeck-demo"
}
