import Foundation
import SocialdeckTestSupport
import SocialdeckTmux
import Testing

/// The real binary in tmux draws its sign-in form before it opens the store (issue #11),
/// and a store that turns out to be unusable still ends it with the one clear line it
/// always gave, on a terminal put back as it was.
@Suite("First frame before the store", .serialized)
struct FirstFrameTests {
    let dir = TemporaryDirectory.make()
    var env: [String: String] {
        ["XDG_CONFIG_HOME": dir + "/config", "XDG_STATE_HOME": dir + "/state", "TERM": "xterm-256color", "LANG": "C.UTF-8"]
    }

    /// `socialdeck ARGS`, then its exit status on the screen; `pause` lets recording start first.
    func start(_ arguments: String, pause: Double = 0) throws -> TmuxSession {
        let binary = try Socialdeck.binary().path
        let wait = pause > 0 ? "sleep \(pause); " : ""
        return try TmuxSession(command: "sh -c '\(wait)\(binary) \(arguments); echo EXITED=$?; sleep 5'", width: 110, height: 36,
                               environment: env)
    }

    @Test func aFileThatIsNotAStoreIsRefusedAfterTheFormWithTheTerminalRestored() throws {
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        let file = dir + "/data/socialdeck.sqlite"
        try Data("definitely not sqlite".utf8).write(to: URL(fileURLWithPath: file))
        let s = try start("--data \(dir)/data", pause: 0.5)
        let recorded = dir + "/output"
        try s.recordOutput(to: recorded)
        let end = try s.waitFor("EXITED=")
        #expect(end.contains("EXITED=1"), "\(end)")
        // The path is long enough to wrap at the screen's edge.
        let unwrapped = end.replacingOccurrences(of: "\n", with: "")
        #expect(unwrapped.contains("socialdeck: \(file) is not a socialdeck SQLite database; it was left untouched"), "\(end)")
        #expect(!end.contains("sign in"), "the form went with the alternate screen: \(end)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "definitely not sqlite")

        // In the bytes the terminal got: the form, then leaving the alternate screen, then the error.
        let bytes = try String(contentsOfFile: recorded, encoding: .utf8)
        let form = try #require(bytes.range(of: "sign in"), "the form was drawn")
        let restored = try #require(bytes.range(of: "\u{1B}[?1049l"), "the alternate screen was left")
        let error = try #require(bytes.range(of: "is not a socialdeck SQLite database"))
        #expect(form.upperBound <= restored.lowerBound && restored.upperBound <= error.lowerBound)
    }

    @Test func theFormTakesTypingWhileAnUnreachableMongoDBIsTriedThenSaysWhy() throws {
        let s = try start("--mongo mongodb://127.0.0.1:1/firstframe")
        try s.waitFor("sign in", timeout: 2)
        try s.send("ana@example.com")
        let typed = try s.waitFor("ana@example.com", timeout: 2)
        #expect(!typed.contains("EXITED="), "the form answered while the server was still being tried")
        let end = try s.waitFor("EXITED=", timeout: 15)
        #expect(end.contains("EXITED=1") && end.contains("127.0.0.1:1"), "\(end)")
        #expect(!end.contains("sign in"), "\(end)")
    }

    /// libmongoc (with SASL, OpenSSL's configuration and more) is opened only for a
    /// MongoDB store, and libcurl not at all: each cost every start several milliseconds.
    @Test func aSQLiteDashboardLoadsNeitherLibmongocNorLibcurl() throws {
        #expect(try Socialdeck.run(["seed", "--data", dir + "/data", "--posts", "20"], environment: env).status == 0)
        let s = try TmuxSession(command: "\(try Socialdeck.binary().path) --data \(dir)/data", width: 110, height: 36, environment: env)
        try s.waitFor("sign in")
        let pid = try #require(try s.panePID())
        // /proc files report no size, so read to the end rather than by size.
        let maps = String(decoding: try #require(FileHandle(forReadingAtPath: "/proc/\(pid)/maps")).readDataToEndOfFile(), as: UTF8.self)
        #expect(maps.contains("socialdeck") && maps.contains("libsqlite3"), "the pane runs socialdeck itself")
        #expect(!maps.contains("libmongoc") && !maps.contains("libbson") && !maps.contains("libcurl"))
        try s.send("Escape", literally: false)
    }

    @Test func anExistingEmptyStoreLeavesTheFormForTheFirstRunsQuestions() throws {
        // Without a terminal the store is created and left empty, with a hint.
        let created = try Socialdeck.run(["--data", dir + "/data"], environment: env)
        #expect(created.status == 0 && FileManager.default.fileExists(atPath: dir + "/data/socialdeck.sqlite"), "\(created.stderr)")
        let s = try start("--data \(dir)/data")
        let intro = try s.waitFor("[Y/n]")
        #expect(intro.contains("platform staff") && !intro.contains("sign in"), "\(intro)")
        try s.send("n")
        try s.send("Enter", literally: false)
        try s.waitFor("sign in")
        try s.send("Escape", literally: false)
        #expect(try s.waitFor("EXITED=").contains("EXITED=0"))
    }
}
