import Foundation
import SocialdeckTestSupport
import Testing

/// libmongoc's log lines go to socialdeck's log file, never to stdout or stderr, where
/// they would land on the dashboard. Triggered for real: a pooled client's monitor
/// failing to connect to a closed port on 127.0.0.1.
@Suite("Command line: the log file")
struct LogFileCommandTests {
    let dir = TemporaryDirectory.make()
    var log: String { dir + "/state/socialdeck/socialdeck.log" }

    func doctor(level: String?) throws -> CommandResult {
        var env = ["XDG_STATE_HOME": dir + "/state", "XDG_CONFIG_HOME": dir + "/config"]
        env["SOCIALDECK_LOG_LEVEL"] = level
        return try Socialdeck.run(["doctor", "--mongo", "mongodb://alice:s3cret-pw@127.0.0.1:1/db?serverSelectionTimeoutMS=1500"],
                                  environment: env)
    }

    @Test func libmongocsLinesGoToTheLogFileNotToStdoutOrStderr() throws {
        let r = try doctor(level: "debug")
        #expect(!r.stdout.contains("monitor") && !r.stderr.contains("monitor"), "\(r.stdout)\(r.stderr)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains(" debug mongoc[monitor]: [127.0.0.1:1] command or network error occurred"))
        #expect(!text.contains("s3cret-pw"))
        #expect(try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int == 0o600)
        #expect(r.stdout.contains("NOT reachable"))
    }

    @Test func atTheDefaultLevelDebugLinesAreLeftOut() throws {
        let r = try doctor(level: nil)
        #expect(!r.stdout.contains("monitor") && !r.stderr.contains("monitor"))
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(!text.contains(" debug "))
    }

    @Test func anUnknownLevelIsNamedAndInfoUsed() throws {
        let r = try doctor(level: "loud")
        #expect(r.stderr.contains("SOCIALDECK_LOG_LEVEL takes error, warning, info, debug; using info"))
    }
}
