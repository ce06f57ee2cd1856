import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// What only the MongoDB backend promises: a quick, clear failure when no server
/// answers, credentials kept out of every message, and the URI's write concern.
@Suite("MongoDB store")
struct MongoStoreTests {
    @Test func anUnreachableServerFailsFastNamingTheHostNotThePassword() throws {
        let started = Date()
        do {
            _ = try MongoStore(uri: "mongodb://alice:s3cret-pw@127.0.0.1:1/db?serverSelectionTimeoutMS=1500")
            Issue.record("connected to a closed port")
        } catch let error as StoreError {
            guard case .unreachable = error else { Issue.record("not reported as unreachable: \(error)"); return }
            let message = error.description
            #expect(message.contains("127.0.0.1:1"))
            #expect(!message.contains("s3cret-pw"))
            #expect(!message.contains("alice"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func theDefaultTimeoutIsShortWhenTheURIDoesNotSetOne() throws {
        let started = Date()
        #expect(throws: StoreError.self) { try MongoStore(uri: "mongodb://127.0.0.1:1/db") }
        #expect(Date().timeIntervalSince(started) < 6)
    }

    @Test(.enabled(if: Backend.enabled.contains(.mongodb)))
    func theURIsWriteConcernIsUsed() throws {
        let base = try #require(Backend.mongoURI, "SOCIALDECK_TEST_MONGO_URI is not set")
        let majority = MongoURI.replacingDatabase(of: base, with: "wc_test") + (base.contains("?") ? "&" : "?") + "w=majority"
        let store = try MongoStore(uri: majority)
        #expect(store.writeConcern == "majority")
        #expect(store.collectionWriteConcern("things") == "majority")
        try store.insertOne(Document([.init("x", 1)]), into: "things")
        let plain = try MongoStore(uri: MongoURI.replacingDatabase(of: base, with: "wc_test"))
        #expect(plain.collectionWriteConcern("things") == "default")
    }

    @Test(.enabled(if: Backend.enabled.contains(.mongodb)))
    func aReplicaSetURIWorksUnchanged() throws {
        let base = try #require(Backend.mongoURI, "SOCIALDECK_TEST_MONGO_URI is not set")
        let probe = try MongoStore(uri: MongoURI.replacingDatabase(of: base, with: "rs_test"))
        _ = probe
        let setName = ProcessInfo.processInfo.environment["SOCIALDECK_TEST_MONGO_REPLSET"] ?? "secantus"
        let uri = MongoURI.replacingDatabase(of: base, with: "rs_test") + (base.contains("?") ? "&" : "?") + "replicaSet=\(setName)"
        let store = try MongoStore(uri: uri)
        try store.insertOne(Document([.init("via", "replica set")]), into: "things")
        #expect(try store.count("things", .eq("via", "replica set")) >= 1)
    }
}
