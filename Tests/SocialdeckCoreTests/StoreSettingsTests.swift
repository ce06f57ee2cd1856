import Foundation
import Testing
import SocialdeckCore
import SocialdeckStorage

/// `[store]` in config.toml: the store's group and the MongoDB URI kept in a private file.
@Suite("Store settings")
struct StoreSettingsTests {
    let secretURI = "mongodb://app:file-pw-1@db.example:27017/socialdeck?authSource=admin"

    func uriFile(mode: mode_t, contents: String? = nil) throws -> String {
        let path = NSTemporaryDirectory() + "socialdeck-uri-\(UUID().uuidString)"
        try Data((contents ?? secretURI + "\n").utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    @Test func theURIFileIsUsedWhenNothingElseNamesAStore() throws {
        let settings = StoreSettings(mongoURIFile: try uriFile(mode: 0o600))
        #expect(try settings.location(data: nil, mongo: nil, environment: ["HOME": "/home/ada"]) == .mongodb(uri: secretURI))
    }

    @Test func flagsAndTheEnvironmentWinOverTheURIFile() throws {
        let settings = StoreSettings(mongoURIFile: "/nonexistent/mongo.uri")
        let env = ["HOME": "/home/ada", "SOCIALDECK_MONGO_URI": "mongodb://env.example/db"]
        #expect(try settings.location(data: "/data", mongo: nil, environment: env) == .sqlite(directory: "/data"))
        #expect(try settings.location(data: nil, mongo: "mongodb://flag.example", environment: env) == .mongodb(uri: "mongodb://flag.example"))
        #expect(try settings.location(data: nil, mongo: nil, environment: env) == .mongodb(uri: "mongodb://env.example/db"))
    }

    @Test func aURIFileOthersCanReadIsRefusedWithoutShowingIt() throws {
        let path = try uriFile(mode: 0o644)
        do {
            _ = try StoreSettings(mongoURIFile: path).location(data: nil, mongo: nil, environment: [:])
            Issue.record("a world-readable URI file was accepted")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("chmod 600 \(path)"))
            #expect(!message.contains("file-pw-1"))
        }
    }

    @Test func aURIFileWithoutAURIIsRefusedWithoutShowingIt() throws {
        let path = try uriFile(mode: 0o600, contents: "hunter2-secret\n")
        #expect(throws: StoreSettingsError.self) { try StoreSettings(mongoURIFile: path).location(data: nil, mongo: nil, environment: [:]) }
        do { _ = try StoreSettings(mongoURIFile: path).location(data: nil, mongo: nil, environment: [:]) } catch {
            #expect(!String(describing: error).contains("hunter2"))
        }
    }

    @Test func theGroupBecomesFileAccess() throws {
        #expect(try StoreSettings().fileAccess() == .owner)
        let own = try #require(getgrgid(getegid()))
        #expect(try StoreSettings(group: String(cString: own.pointee.gr_name)).fileAccess() == .group(getegid()))
        #expect(throws: StoreSettingsError.self) { try StoreSettings(group: "no-such-group-sd").fileAccess() }
    }

    @Test func credentialsOnTheCommandLineAreWarnedAbout() {
        #expect(StoreSettings.commandLineSecretWarning(mongo: "mongodb://app:pw@db.example") != nil)
        #expect(StoreSettings.commandLineSecretWarning(mongo: "mongodb://db.example/?authMechanismProperties=AWS_SESSION_TOKEN:x") != nil)
        #expect(StoreSettings.commandLineSecretWarning(mongo: "mongodb://db.example/db?replicaSet=rs0") == nil)
        #expect(StoreSettings.commandLineSecretWarning(mongo: "mongodb://x509user@db.example/?authMechanism=MONGODB-X509") == nil)
        #expect(StoreSettings.commandLineSecretWarning(mongo: nil) == nil)
        let warning = StoreSettings.commandLineSecretWarning(mongo: "mongodb://app:pw-9@db.example") ?? ""
        #expect(!warning.contains("pw-9") && warning.contains("SOCIALDECK_MONGO_URI") && warning.contains("mongo_uri_file"))
    }

    @Test func doctorWarnsAboutAStoreOthersCanRead() throws {
        let dir = NSTemporaryDirectory() + "socialdeck-doctor-\(UUID().uuidString)"
        _ = try StoreLocation.sqlite(directory: dir).open()
        #expect(StoreDiagnosis.run(.sqlite(directory: dir)).warnings.isEmpty)
        let file = dir + "/" + SQLiteStore.fileName
        chmod(file, 0o644)
        let warnings = StoreDiagnosis.run(.sqlite(directory: dir)).warnings
        // SQLite gives the -wal and -shm the database file's mode, so they may be listed too.
        #expect(warnings.contains { $0.contains("\(file) has mode 644") && $0.hasSuffix("Run: chmod 600 \(file)") })
        #expect(!warnings.isEmpty && warnings.allSatisfy { $0.contains("has mode 644") })
    }

    @Test func doctorMasksSecretsInAnUnreachableStoresProblem() {
        let uri = "mongodb://app:pw-10@127.0.0.1:1/db?serverSelectionTimeoutMS=300&authMechanismProperties=AWS_SESSION_TOKEN:tok-11&appToken=tok-12"
        let d = StoreDiagnosis.run(.mongodb(uri: uri))
        let shown = d.location + " " + (d.problem ?? "")
        #expect(!d.reachable)
        for secret in ["pw-10", "tok-11", "tok-12"] { #expect(!shown.contains(secret)) }
    }
}
