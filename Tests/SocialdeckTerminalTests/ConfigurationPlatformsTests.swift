import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal
import SocialdeckTestSupport
import Testing

/// `[platforms]` of config.toml: socialdeck's app on each network and where the networks
/// are. Secrets come from owner-only files or the environment, never the file itself.
@Suite("Configuration: [platforms]")
struct ConfigurationPlatformsTests {
    @Test func baseURLMovesEveryAPIAndSignInAndClientsAreRead() throws {
        let dir = TemporaryDirectory.make()
        let secret = dir + "/x-secret"
        FileManager.default.createFile(atPath: secret, contents: Data("s3cret\n".utf8), attributes: [.posixPermissions: 0o600])
        let config = Configuration.parse("""
            [platforms]
            base_url = "http://127.0.0.1:9000/"
            [platforms.x]
            client_id = "abc"
            client_secret_file = "x-secret"
            redirect_port = 8765
            [platforms.linkedin]
            api_url = "https://proxy.example/li/"
            token_url = "https://proxy.example/li-token"
            """, file: dir + "/config.toml")
        #expect(config.problems.isEmpty, "\(config.problems)")
        let p = config.platforms
        #expect(p.endpoints.x == "http://127.0.0.1:9000" && p.endpoints.graph == "http://127.0.0.1:9000/graph")
        #expect(p.endpoints.linkedin == "https://proxy.example/li")
        #expect(p.oauth[.twitter]?.clientId == "abc" && p.oauth[.twitter]?.clientSecret == "s3cret")
        #expect(p.oauth[.twitter]?.tokenURL == "http://127.0.0.1:9000/oauth/token")
        #expect(p.oauth[.linkedin]?.tokenURL == "https://proxy.example/li-token")
        #expect(p.redirectPorts[.twitter] == 8765)
        #expect(!"\(p)".contains("s3cret"), "the settings never print a secret")
    }

    @Test func aSecretFileOthersCanReadIsRefusedAndNotRead() throws {
        let dir = TemporaryDirectory.make()
        FileManager.default.createFile(atPath: dir + "/open", contents: Data("leaky".utf8), attributes: [.posixPermissions: 0o644])
        let config = Configuration.parse("[platforms.tiktok]\nclient_id = \"k\"\nclient_secret_file = \"open\"\n", file: dir + "/config.toml")
        #expect(config.problems.map(\.line) == [3])
        #expect(config.problems.first?.message.contains("chmod 600") == true)
        #expect(!config.problems.description.contains("leaky"))
        #expect(config.platforms.oauth[.tiktok]?.clientSecret == nil && config.platforms.oauth[.tiktok]?.clientId == "k")
    }

    @Test func mistakesAreNamedWithTheirLines() {
        let config = Configuration.parse("""
            [platforms]
            base_url = "ftp://nope"
            [platforms.twitter]
            client_id = "a"
            [platforms.x]
            clientid = "a"
            redirect_port = 80
            """)
        #expect(config.problems.map(\.line) == [2, 3, 6, 7], "\(config.problems)")
        #expect(config.problems[1].message.contains("unknown platform 'twitter'"))
        #expect(config.problems[2].message.contains("client_id"), "a near miss is named: \(config.problems[2].message)")
        #expect(config.platforms == PlatformSettings())
    }

    @Test func theEnvironmentGivesSecretsWithoutAFile() throws {
        let dir = TemporaryDirectory.make()
        try FileManager.default.createDirectory(atPath: dir + "/socialdeck", withIntermediateDirectories: true)
        try "[platforms.linkedin]\nclient_id = \"li\"\n".write(toFile: dir + "/socialdeck/config.toml", atomically: true, encoding: .utf8)
        let config = Configuration.load(environment: ["XDG_CONFIG_HOME": dir, "SOCIALDECK_LINKEDIN_CLIENT_SECRET": "from-env"])
        #expect(config.platforms.oauth[.linkedin]?.clientSecret == "from-env")
        #expect(config.platforms.oauth[.linkedin]?.clientId == "li")
    }
}
