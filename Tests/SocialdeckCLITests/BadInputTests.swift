import Foundation
import SocialdeckModel
import SocialdeckTestSupport
import Testing

/// Bad input gets one clear line on stderr, a non-zero exit, and no change to data.
@Suite("Command line: bad input")
struct BadInputTests {
    func expectOneLineError(_ r: CommandResult, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status != 0, sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1, "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(text), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func negativeSizesAreRefused() throws {
        let dir = TemporaryDirectory.make()
        expectOneLineError(try Socialdeck.run(["seed", "--data", dir, "--posts", "-5"]), containing: "--posts")
        expectOneLineError(try Socialdeck.run(["seed", "--data", dir, "--orgs", "0"]), containing: "--orgs")
        expectOneLineError(try Socialdeck.run(["export", "content", "--data", dir, "--limit", "-1"]), containing: "--limit")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func dataThatIsAFileIsRefusedAndKept() throws {
        let file = TemporaryDirectory.make() + "/notes.txt"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: file))
        expectOneLineError(try Socialdeck.run(["seed", "--data", file]), containing: "is not a directory")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
    }

    @Test func aNonSQLiteFileIsRefusedAndKept() throws {
        let dir = TemporaryDirectory.make()
        let db = dir + "/socialdeck.sqlite"
        try Data("definitely not sqlite".utf8).write(to: URL(fileURLWithPath: db))
        let doctor = try Socialdeck.run(["doctor", "--data", dir])
        #expect(doctor.status != 0 && doctor.stdout.contains("left untouched"))
        expectOneLineError(try Socialdeck.run(["seed", "--data", dir]), containing: "not a socialdeck SQLite database")
        #expect(try String(contentsOfFile: db, encoding: .utf8) == "definitely not sqlite")
    }

    @Test func anUnreachableMongoDBFailsQuicklyWithoutThePassword() throws {
        let started = Date()
        let r = try Socialdeck.run(["seed", "--mongo", "mongodb://ops:hunter2@127.0.0.1:1/prod"])
        // One warning that the password is visible in ps, then the error itself.
        let lines = r.stderr.split(separator: "\n")
        #expect(r.status != 0 && lines.count == 2, "stderr: \(r.stderr)")
        #expect(lines.first?.contains("visible to every user") == true && lines.last?.contains("127.0.0.1:1") == true)
        #expect(!r.stderr.contains("hunter2") && !r.stdout.contains("hunter2"))
        #expect(Date().timeIntervalSince(started) < 8)
    }

    @Test func dataAndMongoTogetherAreRefused() throws {
        expectOneLineError(try Socialdeck.run(["doctor", "--data", "/tmp", "--mongo", "mongodb://127.0.0.1:1"]), containing: "not both")
    }

    @Test func seedingAStoreTwiceIsRefused() throws {
        let dir = TemporaryDirectory.make()
        #expect(try Socialdeck.run(["seed", "--data", dir, "--posts", "20"]).status == 0)
        let before = try Socialdeck.run(["export", "organizations", "--data", dir]).stdout
        expectOneLineError(try Socialdeck.run(["seed", "--data", dir]), containing: "already holds a workspace")
        #expect(try Socialdeck.run(["export", "organizations", "--data", dir]).stdout == before)
    }

    @Test func aBadImportNamesTheLineAndWritesNothing() throws {
        let dir = TemporaryDirectory.make()
        #expect(try Socialdeck.run(["seed", "--data", dir, "--posts", "10"]).status == 0)
        let lines = try Socialdeck.run(["export", "content", "--data", dir]).stdout.split(separator: "\n")
        let fresh = TemporaryDirectory.make()
        #expect(try Socialdeck.run(["import", "organizations", "-", "--data", fresh],
                                   stdin: try Socialdeck.run(["export", "organizations", "--data", dir]).stdout).status == 0)
        var broken = lines.map(String.init)
        broken[3] = broken[3].replacingOccurrences(of: "\"type\":\"post\"", with: "\"type\":42")
        let r = try Socialdeck.run(["import", "content", "-", "--data", fresh], stdin: broken.joined(separator: "\n"))
        expectOneLineError(r, containing: "line 4")
        #expect(try Socialdeck.run(["export", "content", "--data", fresh]).stdout.isEmpty)
        let ok = try Socialdeck.run(["import", "content", "-", "--data", fresh], stdin: lines.joined(separator: "\n"))
        #expect(ok.status == 0 && ok.stdout.contains("Imported 10"))
    }

    @Test func hostileTextIsEscapedInErrors() throws {
        let r = try Socialdeck.run(["export", "content", "--data", TemporaryDirectory.make(), "--org", "evil\u{1B}]52;c;aGk=\u{07}"])
        expectOneLineError(r, containing: "\\e]52")
        #expect(!r.stderr.contains("\u{1B}"))
    }
}
