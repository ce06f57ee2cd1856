import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// socialdeck's log file: private, levelled, never holding a credential, and the place
/// stdout and stderr point at while the dashboard owns the terminal.
@Suite("Log file")
struct LogFileTests {
    let dir = TemporaryDirectory.make()

    func contents(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test(arguments: [
        ("MongoDB at mongodb://app:s3cret@db.example:27017/db (network error)", "MongoDB at mongodb://***@db.example:27017/db (network error)"),
        ("two: mongodb://a:b@h1/x and mongodb+srv://c:d@h2/y", "two: mongodb://***@h1/x and mongodb+srv://***@h2/y"),
        ("mongodb://h/db?tls=true&tlsCertificateKeyFilePassword=hunter2&w=1", "mongodb://h/db?tls=true&tlsCertificateKeyFilePassword=***&w=1"),
        ("mongodb://db.example/db?note=a@b", "mongodb://db.example/db?note=a@b"),
        ("a user@example.com wrote", "a user@example.com wrote"),
    ])
    func credentialsAreRedactedWhereverTheyAppear(_ input: String, _ expected: String) {
        #expect(CredentialRedaction.redact(input) == expected)
    }

    @Test func theDefaultPathFollowsXDGStateHome() {
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/socialdeck/socialdeck.log")
        #expect(LogFile.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/socialdeck/socialdeck.log")
        #expect(LogFile.defaultPath(environment: [:]) == nil)
    }

    @Test func linesAtTheLevelAndAboveArePrivateAndRedacted() throws {
        let path = dir + "/state/socialdeck/socialdeck.log"
        let log = LogFile(path: path, level: .info)
        log.record(.debug, "mongoc[monitor]", "dropped at info")
        #expect(!FileManager.default.fileExists(atPath: path), "nothing written, nothing created")
        log.record(.warning, "mongoc[client]", "cannot reach mongodb://alice:s3cret@127.0.0.1:1/db\n", at: date("2026-12-01T09:30:00Z"))
        log.record(.info, "mongoc", "second")
        let lines = contents(path).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[0] == "2026-12-01T09:30:00Z warning mongoc[client]: cannot reach mongodb://***@127.0.0.1:1/db")
        #expect(lines[1].hasSuffix(" info mongoc: second"))
        #expect(try mode(path) == 0o600)
        #expect(try mode(dir + "/state/socialdeck") == 0o700)
    }

    @Test func aLongLogIsSetAsideWhenOpened() throws {
        let path = dir + "/socialdeck.log"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(count: LogFile.rotationBytes + 1)))
        LogFile(path: path).record(.error, "test", "fresh")
        #expect(contents(path).hasSuffix(" error test: fresh\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: path + ".1")[.size] as? Int == LogFile.rotationBytes + 1)
    }

    /// On a pipe standing in for the terminal, so the test process's own stdout and stderr are left alone.
    @Test func capturedOutputGoesToTheLogUntilRestored() throws {
        let path = dir + "/socialdeck.log"
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        func say(_ text: String) { _ = text.withCString { write(ends[1], $0, strlen($0)) } }

        let capture = StandardStreamCapture(into: LogFile(path: path), descriptors: [ends[1]])
        #expect(capture.problem == nil)
        say("Fatal error: while the screen is up\n")
        capture.restore()
        capture.restore()
        say("after the screen\n")
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "after the screen\n")
        #expect(contents(path) == "Fatal error: while the screen is up\n")
    }

    @Test func aLogThatCannotBeOpenedIsReportedAndTheOutputDropped() throws {
        #expect(FileManager.default.createFile(atPath: dir + "/state", contents: Data("a file".utf8)))
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let capture = StandardStreamCapture(into: LogFile(path: dir + "/state/socialdeck/socialdeck.log"), descriptors: [ends[1]])
        let problem = try #require(capture.problem)
        #expect(problem.contains(dir + "/state/socialdeck/socialdeck.log"))
        _ = "lost".withCString { write(ends[1], $0, 4) }
        capture.restore()
        _ = "kept".withCString { write(ends[1], $0, 4) }
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "kept")
    }
}
