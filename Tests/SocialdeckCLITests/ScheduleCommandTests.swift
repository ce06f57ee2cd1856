import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `socialdeck daemon` and `socialdeck schedule` as a person runs them (issue #12).
@Suite("Publishing commands")
struct ScheduleCommandTests {
    @Test func theDaemonDrainsWhatIsDueAndScheduleListsIt() throws {
        let world = try DueWorld(.sqlite, posts: 3)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let daemon = try Socialdeck.run(["daemon", "--once"] + data)
        #expect(daemon.status == 0, "\(daemon.stderr)")
        #expect(daemon.stdout.contains(" 3 queued, 3 published"), "\(daemon.stdout)")
        #expect(daemon.stdout.contains("stopped: 3 published, 0 failed, 0 to check"))

        let list = try Socialdeck.run(["schedule", "list"] + data)
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 3 && rows.allSatisfy { $0.contains("sandbox @org") && $0.contains("published") && $0.contains("https://") })

        let job = try #require(rows.first?.split(separator: " ").first.map(String.init))
        let check = try Socialdeck.run(["schedule", "check", job, "--published"] + data)
        #expect(check.status != 0 && check.stderr.contains("the job is published; this applies to needs check jobs"), "\(check.stderr)")
        let neither = try Socialdeck.run(["schedule", "check", job] + data)
        #expect(neither.status != 0 && neither.stderr.contains("say --published or --not-published"))
        let badId = try Socialdeck.run(["schedule", "retry", "nope"] + data)
        #expect(badId.status != 0 && badId.stderr.contains("24 hexadecimal characters"))
    }

    @Test func pauseNeedsAReasonAndShowsInTheList() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        #expect(try Socialdeck.run(["schedule", "pause"] + data).status != 0)
        let pause = try Socialdeck.run(["schedule", "pause", "--reason", "Upgrade \u{1b}[31mnow"] + data)
        #expect(pause.status == 0, "\(pause.stderr)")
        let daemon = try Socialdeck.run(["daemon", "--once"] + data)
        #expect(daemon.stdout.contains("stopped: 0 published"), "\(daemon.stdout)")
        let list = try Socialdeck.run(["schedule", "list"] + data)
        #expect(list.stdout.contains("Publishing is paused: Upgrade \\e[31mnow."), "escaped: \(list.stdout)")
        #expect(try Socialdeck.run(["schedule", "resume"] + data).status == 0)
        #expect(try Socialdeck.run(["daemon", "--once"] + data).stdout.contains("stopped: 1 published"))
    }

    @Test func sigtermStopsTheDaemonCleanly() throws {
        let world = try DueWorld(.sqlite, posts: 2)
        let log = TemporaryDirectory.make() + "/daemon.log"
        let daemon = try world.daemon(["--poll", "0.2", "--log", log])
        let deadline = Date().addingTimeInterval(20)
        while try world.store.count(PublishJob.collection.rawValue, .eq("state", PublishJobState.published)) < 2, Date() < deadline {
            usleep(50_000)
        }
        kill(daemon.processIdentifier, SIGTERM)
        let stopAsked = Date()
        daemon.waitUntilExit()
        #expect(Date().timeIntervalSince(stopAsked) < 2, "it does not sleep through SIGTERM")
        #expect(daemon.terminationStatus == 0)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("started as ") && text.contains("stopped: 2 published"), "\(text)")
        let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
