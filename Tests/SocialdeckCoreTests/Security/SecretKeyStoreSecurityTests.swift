import Foundation
import Testing
import SocialdeckCore
import SocialdeckTestSupport

/// Loading the encryption key: environment first, then a private key file created on first use.
@Suite("Secret key store security")
final class SecretKeyStoreSecurityTests {
    private let directory: TemporaryDirectory
    let root: String

    init() throws {
        directory = try TemporaryDirectory()
        root = directory.path
    }

    static func mode(_ path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return Int(info.st_mode & 0o777)
    }

    func writeKeyFile(_ contents: [UInt8], mode: Int = 0o600) throws -> String {
        let dir = root + "/config/socialdeck"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/secret.key"
        try Data(contents).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func aMissingKeyFileIsCreatedPrivately() throws {
        let env = ["XDG_CONFIG_HOME": root + "/config", "HOME": "/nonexistent"]
        let loaded = try SecretKeyStore(environment: env).load()
        let path = root + "/config/socialdeck/secret.key"
        #expect(loaded.origin == .createdKeyFile(path: path))
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(root + "/config/socialdeck") == 0o700)
        #expect(try Self.mode(root + "/config") == 0o700)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == loaded.key.hexEncoded + "\n")
        // Nothing else left behind in the directory (no temporary files).
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/config/socialdeck") == ["secret.key"])
    }

    @Test func theKeyFileIsReusedAfterwards() throws {
        let env = ["HOME": root]
        let first = try SecretKeyStore(environment: env).load()
        let second = try SecretKeyStore(environment: env).load()
        let path = root + "/.config/socialdeck/secret.key"
        #expect(first.origin == .createdKeyFile(path: path))
        #expect(second.origin == .keyFile(path: path))
        #expect(first.key == second.key)
        #expect(try Self.mode(root + "/.config") == 0o700)
    }

    @Test func processesRacingToCreateTheKeyAllGetTheSameOne() async throws {
        let path = root + "/race/secret.key"
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try SecretKeyStore(environment: [:], keyFile: path).load().key.id }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(ids.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/race") == ["secret.key"])
    }

    @Test func theEnvironmentWinsAndCreatesNoFile() throws {
        let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
        let base64 = Data(0..<32).base64EncodedString()
        for value in [hex, hex.uppercased(), base64, " \(hex)\n"] {
            let loaded = try SecretKeyStore(environment: ["SOCIALDECK_SECRET_KEY": value, "HOME": root]).load()
            #expect(loaded.origin == .environment)
            #expect(loaded.key.id == "630dcd29")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/.config"))
    }

    @Test(arguments: [
        "abc", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fzz",
        "g00102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g",
        "correct horse battery staple", "hunter2-is-my-password-please-do-not-log-it",
    ])
    func badEnvironmentValuesAreRefusedWithoutEchoingThem(_ value: String) throws {
        let store = SecretKeyStore(environment: ["SOCIALDECK_SECRET_KEY": value, "HOME": root])
        #expect {
            try store.load()
        } throws: { error in
            guard case .invalidEnvironmentValue(variable: "SOCIALDECK_SECRET_KEY", _) = error as? SecretKeyError else { return false }
            let message = String(describing: error)
            return message.contains("SOCIALDECK_SECRET_KEY") && !message.contains(value)
                && message.contains("64 hex characters")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/.config"))
    }

    @Test func anEmptyEnvironmentValueCountsAsUnset() throws {
        let loaded = try SecretKeyStore(environment: ["SOCIALDECK_SECRET_KEY": "", "HOME": root]).load()
        #expect(loaded.origin == .createdKeyFile(path: root + "/.config/socialdeck/secret.key"))
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o666, 0o620])
    func keyFilesOthersCanAccessAreRefused(_ mode: Int) throws {
        let path = try writeKeyFile(Array((String(repeating: "ab", count: 32) + "\n").utf8), mode: mode)
        #expect(throws: SecretKeyError.keyFileTooOpen(path: path, mode: UInt32(mode))) {
            try SecretKeyStore(environment: [:], keyFile: path).load()
        }
        let message = String(describing: SecretKeyError.keyFileTooOpen(path: path, mode: UInt32(mode)))
        #expect(message.contains("chmod 600 \(path)") && !message.contains("abab"))
    }

    @Test func privateKeyFilesInEveryFormatAreAccepted() throws {
        let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
        for (contents, mode) in [(Array(hex.utf8), 0o600), (Array((hex + "\n").utf8), 0o400),
                                 (Array(Data(0..<32).base64EncodedString().utf8), 0o600), (Array(0..<32), 0o600)] {
            let path = try writeKeyFile(contents, mode: mode)
            let loaded = try SecretKeyStore(environment: [:], keyFile: path).load()
            #expect(loaded.key.id == "630dcd29")
            #expect(loaded.origin == .keyFile(path: path))
            try FileManager.default.removeItem(atPath: path)
        }
    }

    @Test(arguments: [0, 31, 33, 63, 65, 2000])
    func keyFilesOfTheWrongLengthAreRefused(_ length: Int) throws {
        let path = try writeKeyFile(Array(repeating: UInt8(ascii: "a"), count: length))
        #expect {
            try SecretKeyStore(environment: [:], keyFile: path).load()
        } throws: { error in
            guard case .invalidKeyFile(path: path, _) = error as? SecretKeyError else { return false }
            return !String(describing: error).contains("aaaa")
        }
    }

    @Test func aDirectoryWhereTheKeyFileShouldBeIsRefused() throws {
        let path = root + "/secret.key"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        #expect(throws: SecretKeyError.invalidKeyFile(path: path, reason: "is not a regular file")) {
            try SecretKeyStore(environment: [:], keyFile: path).load()
        }
    }

    @Test func defaultLocations() {
        #expect(SecretKeyStore.defaultKeyFile(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/ada"]) == "/xdg/socialdeck/secret.key")
        #expect(SecretKeyStore.defaultKeyFile(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ada"])
                == "/home/ada/.config/socialdeck/secret.key")
        #expect(SecretKeyStore.defaultKeyFile(environment: ["HOME": "/home/ada"]) == "/home/ada/.config/socialdeck/secret.key")
        #expect(SecretKeyStore.defaultKeyFile(environment: [:]) == nil)
        #expect(throws: SecretKeyError.noConfigDirectory) { try SecretKeyStore(environment: [:]).load() }
    }
}
