import Foundation
import SocialdeckModel
import SocialdeckTestSupport
import Testing

@Suite("Command line")
struct CommandTests {
    @Test func seedExportAndDoctorWorkTogether() throws {
        let dir = TemporaryDirectory.make()
        let seed = try Socialdeck.run(["seed", "--data", dir, "--orgs", "3", "--users", "9", "--posts", "50", "--days", "10"])
        #expect(seed.status == 0)
        #expect(seed.stdout.contains("content              50"))
        let users = try Socialdeck.run(["export", "users", "--data", dir])
        #expect(users.stdout.split(separator: "\n").count == 9)
        for line in users.stdout.split(separator: "\n") {
            let doc = try ExtendedJSON.document(from: String(line))
            #expect(doc["organizationId"]?.objectIdValue != nil)
            #expect(doc["passwordHash"] == nil)
        }
        let acme = try Socialdeck.run(["export", "content", "--data", dir, "--org", "acme", "--limit", "5"])
        #expect(acme.status == 0 && acme.stdout.split(separator: "\n").count == 5)
        let doctor = try Socialdeck.run(["doctor", "--data", dir])
        #expect(doctor.status == 0)
        #expect(doctor.stdout.contains("reachable") && doctor.stdout.contains("schema     version 1 (current)"))
        #expect(doctor.stdout.contains("indexes    all"))
        #expect(doctor.stdout.contains("ncursesw"))
    }

    @Test func aCSVOfPostsIsScheduled() throws {
        let dir = TemporaryDirectory.make()
        #expect(try Socialdeck.run(["seed", "--data", dir, "--posts", "0"]).status == 0)
        let csv = "platform,time,text\nx,2099-12-01 09:00,\"Hello, world\"\nlinkedin,2099-12-02T10:00:00Z,\"Line one\nline two\"\n"
        let r = try Socialdeck.run(["import", "content", "posts.csv", "--data", dir, "--org", "acme", "--tz", "Europe/Berlin"],
                                   stdin: nil, environment: [:], csv: csv)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Socialdeck.run(["export", "content", "--data", dir]).stdout.split(separator: "\n")
        #expect(out.count == 2)
        let first = try ExtendedJSON.document(from: String(out[0]))
        #expect(first.value(at: "platforms.0.scheduledAt")?.dateValue == ISODate.date(from: "2099-12-01T08:00:00Z"))
        #expect(first.value(at: "platforms.0.status") == "scheduled")
    }

    @Test func exportShowsControlAndInvisibleCharactersAsEscapes() throws {
        let dir = TemporaryDirectory.make()
        #expect(try Socialdeck.run(["seed", "--data", dir, "--posts", "0"]).status == 0)
        let hostile = "Sale\u{9B}31m now\u{202E}fdp.exe\u{200E}x\u{200B}y\u{E0068}\u{E0069}"
        let csv = "platform,time,text\nlinkedin,2099-12-02T10:00:00Z,\"\(hostile)\"\n"
        let r = try Socialdeck.run(["import", "content", "posts.csv", "--data", dir, "--org", "acme"], stdin: nil, environment: [:], csv: csv)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Socialdeck.run(["export", "content", "--data", dir]).stdout
        #expect(out.contains(#"Sale\u009b31m now\u202efdp.exe\u200ex\u200by\udb40\udc68\udb40\udc69"#))
        #expect(!out.unicodeScalars.contains { $0.value >= 0x80 && $0.value <= 0x9F || InvisibleText.canBeHidden($0) })
    }
}

extension Socialdeck {
    /// Runs with a CSV file written to a temporary directory, as `import` reads files by name.
    static func run(_ arguments: [String], stdin: String?, environment: [String: String], csv: String) throws -> CommandResult {
        let dir = TemporaryDirectory.make()
        let path = dir + "/" + (arguments.first { $0.hasSuffix(".csv") } ?? "posts.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return try run(arguments.map { $0.hasSuffix(".csv") ? path : $0 }, stdin: stdin, environment: environment)
    }
}
