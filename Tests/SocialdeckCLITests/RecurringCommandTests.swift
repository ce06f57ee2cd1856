import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `socialdeck recurring` as a person runs it (issue #12).
@Suite("Recurring commands")
struct RecurringCommandTests {
    @Test func repeatAPostListPauseResumeAndRemove() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let post = try #require(try world.store.find(Content.collection.rawValue).first?["_id"]?.objectIdValue)

        let add = try Socialdeck.run(["recurring", "add", post.hex, "--weekly", "mon 09:00, Thursday 17:30", "--tz", "Europe/Berlin"] + data)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.contains("Mon 09:00, Thu 17:30 (Europe/Berlin)") && add.stdout.contains("the first run is"))
        let id = try #require(add.stdout.firstMatch(of: /schedule ([0-9a-f]{24})/)?.1).description

        #expect(try Socialdeck.run(["daemon", "--once"] + data).status == 0)
        let list = try Socialdeck.run(["recurring", "list", "--org", "org0"] + data)
        let rows = list.stdout.split(separator: "\n")
        #expect(rows.contains { $0.hasPrefix(id) && $0.contains("post") && $0.contains("active") })
        #expect(rows.contains { $0.contains("workflow analytics") && $0.contains("Daily analytics") }, "\(list.stdout)")
        #expect(rows.contains { $0.contains("workflow strategy-optimisation") && $0.contains("Mon 07:00") })

        #expect(try Socialdeck.run(["recurring", "pause", id] + data).stdout.contains("Paused"))
        #expect(try Socialdeck.run(["recurring", "list"] + data).stdout.split(separator: "\n").contains { $0.hasPrefix(id) && $0.contains("paused") })
        #expect(try Socialdeck.run(["recurring", "resume", id] + data).stdout.contains("the next run is"))
        #expect(try Socialdeck.run(["recurring", "remove", id] + data).status == 0)
        #expect(try !Socialdeck.run(["recurring", "list"] + data).stdout.contains(id))
    }

    @Test func unreadableRulesSayHowToWriteThem() throws {
        let world = try DueWorld(.sqlite, posts: 1)
        let data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        let post = try #require(try world.store.find(Content.collection.rawValue).first?["_id"]?.objectIdValue).hex
        let slots = try Socialdeck.run(["recurring", "add", post, "--weekly", "someday 9am"] + data)
        #expect(slots.status != 0 && slots.stderr.contains("write them as \"mon 09:00, thu 17:30\""), "\(slots.stderr)")
        let both = try Socialdeck.run(["recurring", "add", post, "--every", "2"] + data)
        #expect(both.status != 0 && both.stderr.contains("--every needs --at"))
        let zone = try Socialdeck.run(["recurring", "add", post, "--every", "2", "--at", "09:00", "--tz", "Mars/Base"] + data)
        #expect(zone.status != 0 && zone.stderr.contains("unknown time zone Mars/Base"), "\(zone.stderr)")
        let id = try Socialdeck.run(["recurring", "pause", "nope"] + data)
        #expect(id.status != 0 && id.stderr.contains("a schedule id is 24 hexadecimal characters"))
    }
}
