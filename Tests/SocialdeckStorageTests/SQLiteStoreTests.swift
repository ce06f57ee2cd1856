import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// What only the embedded backend promises: safe handling of bad directories and
/// files, several processes on one file, and durability across `kill -9`.
@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test func aFileInsteadOfADirectoryIsRefused() throws {
        let dir = TemporaryDirectory.make()
        let file = dir + "/plain.txt"
        try Data("hello".utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: StoreError.notADirectory(file)) { try SQLiteStore(directory: file) }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "hello")
    }

    @Test func aReadOnlyDirectoryIsRefused() throws {
        let dir = TemporaryDirectory.make()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
        #expect(throws: StoreError.notWritable(dir)) { try SQLiteStore(directory: dir) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    /// Another process (here python's sqlite3) holds the write lock past the busy timeout.
    @Test func aWriteThatWaitsPastTheBusyTimeoutFailsAsBusy() throws {
        let dir = TemporaryDirectory.make()
        let store = try SQLiteStore(directory: dir, busyTimeout: 0.2)
        try store.insertOne(Document([.init("n", 1)]), into: "things")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            sys.stdin.read()
            """, store.location]
        let output = Pipe(), input = Pipe()
        holder.standardOutput = output
        holder.standardInput = input
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        #expect(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("locked"))
        #expect(throws: StoreError.busy(store.location)) { try store.insertOne(Document([.init("n", 2)]), into: "things") }
    }

    @Test func aFileThatIsNotSQLiteIsLeftUntouched() throws {
        let dir = TemporaryDirectory.make()
        let path = dir + "/" + SQLiteStore.fileName
        let junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try junk.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path)) { try SQLiteStore(directory: dir) }
        #expect(FileManager.default.contents(atPath: path) == junk)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [SQLiteStore.fileName])
    }

    @Test func anotherApplicationsSQLiteFileIsLeftUntouched() throws {
        let dir = TemporaryDirectory.make()
        let path = dir + "/" + SQLiteStore.fileName
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table notes(x)'); c.commit()", path]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = FileManager.default.contents(atPath: path)
        #expect(throws: StoreError.notADatabase(path)) { try SQLiteStore(directory: dir) }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    @Test func aMissingDirectoryIsCreatedPrivately() throws {
        let dir = TemporaryDirectory.make() + "/nested/data"
        let store = try SQLiteStore(directory: dir)
        try store.insertOne(Document([.init("x", 1)]), into: "things")
        let mode = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func twoConnectionsOnOneFileSeeEachOthersWrites() throws {
        let dir = TemporaryDirectory.make()
        let a = try SQLiteStore(directory: dir)
        let b = try SQLiteStore(directory: dir)
        try SchemaMigrator.prepare(a)
        try SchemaMigrator.prepare(b)
        try a.insertOne(Document([.init("name", "from a")]), into: "things")
        #expect(try b.count("things", .eq("name", "from a")) == 1)
        let claimedByB = try b.findOneAndUpdate("things", .isNull("owner"), sort: [], .set("owner", "b"), returnUpdated: true)
        #expect(claimedByB != nil)
        #expect(try a.findOneAndUpdate("things", .isNull("owner"), sort: [], .set("owner", "a"), returnUpdated: true) == nil)
    }

    @Test func acknowledgedWritesSurviveKillNine() throws {
        let dir = TemporaryDirectory.make()
        try SchemaMigrator.prepare(try SQLiteStore(directory: dir))
        let writer = Process()
        writer.executableURL = try Socialdeck.binary()
        writer.arguments = ["_write-probe", "--data", dir, "--count", "1000000"]
        let pipe = Pipe()
        writer.standardOutput = pipe
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        var acknowledged: [String] = []
        var pending = Data()
        let deadline = Date().addingTimeInterval(30)
        while acknowledged.count < 300 && Date() < deadline {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let nl = pending.firstIndex(of: 0x0A) {
                acknowledged.append(String(decoding: pending[pending.startIndex..<nl], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...nl)
            }
        }
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(writer.terminationReason == .uncaughtSignal)
        #expect(acknowledged.count >= 300)
        let store = try SQLiteStore(directory: dir)
        let ids = acknowledged.compactMap { ObjectId(hex: $0) }.map(BSONValue.objectId)
        #expect(ids.count == acknowledged.count)
        #expect(try store.count("crash_probe", .isIn("_id", ids)) == ids.count)
    }
}

