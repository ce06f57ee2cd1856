import Foundation
import SocialdeckModel
@testable import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// `changeVersion(of:)` moves on every kind of write to a collection, whoever makes
/// it, and stays put otherwise, so a dashboard can skip re-reading an unchanged pane.
@Suite("Change versions")
struct ChangeVersionTests {
    func thing(_ n: Int) -> Document {
        Document([.init("_id", .objectId(ObjectId(timestamp: 1_795_000_000, unique: 9, counter: UInt32(n)))),
                  .init("n", .int32(Int32(n))), .init("updatedAt", .datetime(Int64(n) * 1000))])
    }

    func version(_ store: any DocumentStore, _ collection: String = "things") throws -> ChangeVersion {
        try store.changeVersion(of: [collection])
    }

    /// Each kind of write through a second connection (another process, to the store)
    /// moves the version of its own collection only.
    @Test(arguments: Backend.enabled)
    func everyKindOfWriteCounts(_ backend: Backend) throws {
        let store = try backend.makeStore()
        store.register(testSchema)
        try store.insertOne(thing(1), into: "things")
        try store.insertOne(thing(1), into: "others")
        let writer = try backend.otherConnection(to: store)
        writer.register(testSchema)
        let writes: [(String, () throws -> Void)] = [
            ("insert", { try writer.insertOne(self.thing(2), into: "things") }),
            ("update", { try writer.updateOne("things", .eq("n", 2), .set("n", Int32(20)), includeDeleted: false) }),
            ("soft delete", { try writer.updateOne("things", .eq("n", 20), .set("deletedAt", Date(timeIntervalSince1970: 5)), includeDeleted: false) }),
            ("hard delete", { try writer.deleteOne("things", .eq("n", 1)) }),
            ("import", { try writer.insertAll(into: "things") { write in try write([self.thing(3), self.thing(4)]) } }),
        ]
        for (kind, write) in writes {
            let before = try store.changeVersion(of: ["things", "others"])
            #expect(try store.changeVersion(of: ["things", "others"]) == before, "nothing changed yet before the \(kind)")
            try write()
            let after = try store.changeVersion(of: ["things", "others"])
            #expect(after.parts[0] != before.parts[0], "a \(kind) by another connection moves the version")
            #expect(after.parts[1] == before.parts[1], "a \(kind) of things leaves others alone")
        }
        let own = try version(store)
        try store.insertOne(thing(5), into: "things")
        #expect(try version(store) != own, "the store's own writes count too")
    }

    /// A version read before a collection exists, then after its first document.
    @Test(arguments: Backend.enabled)
    func aCollectionAppearingCounts(_ backend: Backend) throws {
        let store = try backend.makeStore()
        let empty = try version(store, "later")
        try backend.otherConnection(to: store).insertOne(thing(1), into: "later")
        #expect(try version(store, "later") != empty)
    }

    /// Another program, not socialdeck: Python's sqlite3 module, or pymongo.
    @Test(arguments: Backend.enabled)
    func aWriteByAnotherProgramCounts(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertOne(thing(1), into: "things")
        let before = try version(store)
        let script: String
        switch backend {
        case .sqlite:
            script = """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1]); db.execute("DELETE FROM things"); db.commit()
                """
        case .mongodb:
            script = """
                import pymongo, sys
                uri, name = sys.argv[1].rsplit("/", 1)
                pymongo.MongoClient(uri + "/")[name.split("?")[0]].things.delete_many({})
                """
        }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, backend == .sqlite ? store.location : try mongoTarget(store)]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        #expect(try store.count("things", .all, includeDeleted: true) == 0)
        #expect(try version(store) != before)
    }

    /// A server without change streams gets the probe: size and newest `updatedAt`.
    @Test func withoutChangeStreamsTheProbeSeesSocialdecksWrites() throws {
        guard Backend.enabled.contains(.mongodb) else { return }
        let store = try #require(try Backend.mongodb.makeStore() as? MongoStore)
        let feed = MongoChangeFeed(pool: store.pool, streams: false)
        func version() throws -> ChangeVersion { try feed.version(of: ["things"], store: store) }
        try store.insertOne(thing(1), into: "things")
        let first = try version()
        #expect(try version() == first)
        try store.insertOne(thing(2), into: "things")
        let inserted = try version()
        #expect(inserted != first)
        try store.updateOne("things", .eq("n", 1), .set("updatedAt", Date(timeIntervalSince1970: 9_000)), includeDeleted: false)
        let updated = try version()
        #expect(updated != inserted)
        try store.deleteOne("things", .eq("n", 2))
        #expect(try version() != updated)
    }

    /// The test server's URI with the store's database, for pymongo.
    func mongoTarget(_ store: any DocumentStore) throws -> String {
        let base = try #require(Backend.mongoURI)
        return MongoURI.replacingDatabase(of: base, with: (store.location as NSString).lastPathComponent)
    }
}
