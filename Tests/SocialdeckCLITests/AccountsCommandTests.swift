import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// `socialdeck accounts` as a person runs it (issue #12): connect through the browser
/// against the fake platforms' OAuth server, paste a token, list (never a token), switch
/// live and back, disconnect.
@Suite("Accounts commands", .serialized)
struct AccountsCommandTests {
    let world: DueWorld
    let server: FakePlatformServer
    let data: [String]
    let env: [String: String]

    init() throws {
        world = try DueWorld(.sqlite, posts: 1)
        server = try FakePlatformServer()
        try """
            [platforms]
            base_url = "\(server.base)"
            [platforms.x]
            client_id = "cli-test"
            """.write(toFile: world.directory + "/socialdeck/config.toml", atomically: true, encoding: .utf8)
        data = ["--data", (world.store.location as NSString).deletingLastPathComponent]
        env = ["XDG_CONFIG_HOME": world.directory]
    }

    @Test func connectThroughTheBrowserListSwitchAndDisconnect() throws {
        let process = Process()
        process.executableURL = try Socialdeck.binary()
        process.arguments = ["accounts", "connect", "x", "--user", "admin@org0.test"] + data
        process.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var printed = ""
        while !printed.contains("Waiting"), let chunk = try out.fileHandleForReading.read(upToCount: 1), !chunk.isEmpty {
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let url = try #require(printed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("http") })
        #expect(url.hasPrefix(server.base + "/oauth/authorize?") && url.contains("client_id=cli-test") && url.contains("code_challenge_method=S256"))
        guard case .answered(200, _, let page) = FakePlatformServer.browse(url) else { Issue.record("the redirect page did not answer"); return }
        #expect(page.contains("You can close this tab"))
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(rest.contains("Connected X account @acmecoffee for admin@org0.test; it publishes through the sandbox"), "\(rest)")
        #expect(rest.contains("and is renewed before then"))

        let list = try Socialdeck.run(["accounts", "list", "--user", "admin@org0.test"] + data, environment: env)
        #expect(list.status == 0)
        let row = try #require(list.stdout.split(separator: "\n").first { $0.contains("@acmecoffee") })
        #expect(row.contains("X") && row.contains("2244994945") && row.contains("sandbox") && row.contains("connected"))
        #expect(!list.stdout.contains("at-1") && !list.stdout.contains("rt-1"), "never a token")

        let live = try Socialdeck.run(["accounts", "live", "x", "--user", "admin@org0.test"] + data, environment: env)
        #expect(live.stdout.contains("1 X account of admin@org0.test now publishes live."), "\(live.stderr)")
        #expect(try Socialdeck.run(["accounts", "list"] + data, environment: env).stdout.split(separator: "\n")
                .contains { $0.contains("@acmecoffee") && $0.contains("live") })
        #expect(try Socialdeck.run(["accounts", "sandbox", "x", "--user", "admin@org0.test"] + data, environment: env).status == 0)

        let gone = try Socialdeck.run(["accounts", "disconnect", "x", "--user", "admin@org0.test"] + data, environment: env)
        #expect(gone.stdout.contains("Disconnected 1 X account of admin@org0.test."))
        #expect(try !Socialdeck.run(["accounts", "list"] + data, environment: env).stdout.contains("@acmecoffee"))
    }

    @Test func aPastedTokenIsReadFromStdinAndNeverPrinted() throws {
        let pasted = try Socialdeck.run(["accounts", "connect", "linkedin", "--token", "--account-id", "li-9", "--account", "Acme on LinkedIn",
                                         "--expires-in", "3600", "--user", "admin@org1.test"] + data,
                                        stdin: "pasted-secret-token\nrefresh-secret\n", environment: env)
        #expect(pasted.status == 0, "\(pasted.stderr)")
        #expect(pasted.stdout.contains("Connected LinkedIn account Acme on LinkedIn for admin@org1.test"))
        #expect(pasted.stdout.contains("The token lapses"))
        let list = try Socialdeck.run(["accounts", "list", "--org", "org1"] + data, environment: env)
        #expect(list.stdout.contains("li-9") && !list.stdout.contains("pasted-secret") && !list.stdout.contains("refresh-secret"))
        #expect(try server.received().isEmpty, "with --account-id nothing is asked of the platform")
    }

    @Test func mistakesSayWhatToDo() throws {
        let nobody = try Socialdeck.run(["accounts", "connect", "x"] + data, environment: env)
        #expect(nobody.status != 0 && nobody.stderr.contains("say whose account it is: --user EMAIL"), "\(nobody.stderr)")
        let platform = try Socialdeck.run(["accounts", "connect", "myspace", "--user", "admin@org0.test"] + data, environment: env)
        #expect(platform.status != 0 && platform.stderr.contains("'facebook', 'instagram', 'x', 'linkedin' or 'tiktok'"), "\(platform.stderr)")
        let noApp = try Socialdeck.run(["accounts", "connect", "tiktok", "--user", "admin@org0.test"] + data, environment: env)
        #expect(noApp.status != 0 && noApp.stderr.contains("[platforms.tiktok]"), "\(noApp.stderr)")
        let missing = try Socialdeck.run(["accounts", "disconnect", "x", "--user", "admin@org0.test"] + data, environment: env)
        #expect(missing.status != 0 && missing.stderr.contains("not found"), "\(missing.stderr)")
    }
}
