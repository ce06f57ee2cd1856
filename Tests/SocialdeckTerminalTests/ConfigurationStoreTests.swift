import Foundation
import SocialdeckCore
import SocialdeckTerminal
import SocialdeckTestSupport
import Testing

/// `[store]` of config.toml: the SQLite store's group and the MongoDB URI file.
@Suite("Configuration: [store]")
struct ConfigurationStoreTests {
    @Test func groupAndURIFileAreRead() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("socialdeck/config.toml", """
            [store]
            group = "socialdeck"
            mongo_uri_file = "/etc/socialdeck/mongo.uri"
            """)
        let config = Configuration.load(environment: dir.environment)
        #expect(config.problems.isEmpty, "\(config.problems)")
        #expect(config.file == path)
        #expect(config.store == StoreSettings(group: "socialdeck", mongoURIFile: "/etc/socialdeck/mongo.uri"))
    }

    @Test func aRelativeURIFileIsBesideTheConfigFile() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("socialdeck/config.toml", "[store]\nmongo_uri_file = \"mongo.uri\"\n")
        let config = Configuration.load(environment: dir.environment)
        #expect(config.store.mongoURIFile == (path as NSString).deletingLastPathComponent + "/mongo.uri")
    }

    @Test func badValuesAreReportedWithTheirLinesAndIgnored() {
        let config = Configuration.parse("""
            [store]
            group = "no spaces; allowed"
            mongo_uri_file = 42
            grup = "x"
            """)
        #expect(config.problems.map(\.line) == [2, 3, 4])
        #expect(config.problems[2].message.contains("did you mean 'group'"))
        #expect(config.store == StoreSettings())
    }

    @Test func noStoreTableMeansOwnerOnlyFilesAndNoURIFile() {
        #expect(Configuration.parse("[ui]\nmouse = true\n").store == StoreSettings())
    }
}
