import Foundation
import SocialdeckTestSupport
import Testing

/// The key files outlive a power cut: after the binary creates, links or renames a key
/// file, it syncs the directory that holds it. Checked on the system calls the real
/// binary makes, traced with strace (the main thread, where the key work runs).
@Suite("Command line: key file durability", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")))
struct KeyFileDurabilityTests {
    struct Call {
        let name: String
        let arguments: String
        let result: String
    }

    /// Runs the binary under strace and returns the calls that change or sync a directory.
    func traced(_ arguments: [String], environment: [String: String], in dir: String) throws -> [Call] {
        let trace = dir + "/trace-\(UUID().uuidString).txt"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments = ["-o", trace, "-e", "trace=openat,rename,renameat,renameat2,link,linkat,fsync",
                             try Socialdeck.binary().path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments)")
        let pattern = /^([a-z0-9_]+)\((.*)\)\s+=\s+(-?\d+)/
        return try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard let match = try pattern.firstMatch(in: String(line)) else { return nil }
            return Call(name: String(match.1), arguments: String(match.2), result: String(match.3))
        }
    }

    /// The first call at or after `start` that syncs `directory`: opened as a directory, then fsync'd.
    func syncOfDirectory(_ directory: String, in calls: [Call], after start: Int) -> Int? {
        var descriptors: Set<String> = []
        for index in start..<calls.count {
            let call = calls[index]
            if call.name == "openat", call.arguments.contains("\"\(directory)\""), call.arguments.contains("O_DIRECTORY") {
                descriptors.insert(call.result)
            }
            if call.name == "fsync", descriptors.contains(call.arguments), call.result == "0" { return index }
        }
        return nil
    }

    @Test func creatingAndRotatingTheKeySyncsItsDirectory() throws {
        let dir = TemporaryDirectory.make()
        let keys = dir + "/config/socialdeck"
        let env = ["XDG_CONFIG_HOME": dir + "/config"]

        let seeding = try traced(["seed", "--data", dir + "/data", "--posts", "5"], environment: env, in: dir)
        let link = seeding.firstIndex { $0.name.hasPrefix("link") && $0.arguments.contains("\"\(keys)/secret.key\"") && $0.result == "0" }
        let linked = try #require(link, "the key file is linked into place")
        let keySynced = syncOfDirectory(keys, in: seeding, after: linked) != nil
        #expect(keySynced, "the new key file's name is synced")

        let rotation = try traced(["keys", "rotate", "--data", dir + "/data"], environment: env, in: dir)
        let creation = rotation.firstIndex { $0.name == "openat" && $0.arguments.contains("\"\(keys)/secret.key.next\"")
                                             && $0.arguments.contains("O_CREAT") }
        let rename = rotation.firstIndex { $0.name.hasPrefix("rename") && $0.arguments.contains("\"\(keys)/secret.key.next\"") && $0.result == "0" }
        let created = try #require(creation, "the next key is created")
        let renamed = try #require(rename, "the next key is renamed over the key file")
        let nextSync = syncOfDirectory(keys, in: rotation, after: created)
        let renameSynced = syncOfDirectory(keys, in: rotation, after: renamed) != nil
        #expect(renameSynced, "the renamed key file's name is synced")
        guard let nextSynced = nextSync else { Issue.record("the next key's name is not synced"); return }
        #expect(nextSynced < renamed)
        // Nothing else is synced in between: no resealed value is committed before the next key's name is durable.
        let between = rotation[(created + 1)..<nextSynced].filter { $0.name == "fsync" }.map(\.arguments)
        #expect(between.allSatisfy { $0 == rotation[created].result || $0 == rotation[nextSynced].arguments }, "\(between)")
    }
}
