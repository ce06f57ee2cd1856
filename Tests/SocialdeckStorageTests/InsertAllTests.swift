import Foundation
import SocialdeckModel
@testable import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// `insertAll` writes batches as one unit: in a transaction where the backend has them,
/// and otherwise removing what it wrote when something fails, or naming what it could not.
@Suite("insertAll: all or nothing")
struct InsertAllTests {
    func things(_ range: ClosedRange<Int>) -> [Document] {
        range.map { Document([.init("_id", .objectId(ObjectId(timestamp: 1_795_000_000, unique: 7, counter: UInt32($0)))), .init("n", .int32(Int32($0)))]) }
    }

    @Test(arguments: Backend.enabled)
    func batchesCommitTogetherInATransaction(_ backend: Backend) throws {
        let store = try backend.makeStore()
        let how = try store.insertAll(into: "things") { write in
            try write(things(1...3))
            try write(things(4...6))
        }
        #expect(how == .transaction)
        #expect(try store.count("things") == 6)
    }

    @Test(arguments: Backend.enabled)
    func readersSeeNothingUntilTheCommit(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertOne(Document([.init("n", .int32(0))]), into: "things")
        let reader = try backend.otherConnection(to: store)
        var seenMidway = -1
        try store.insertAll(into: "things") { write in
            try write(things(1...3))
            seenMidway = try reader.count("things")
            try write(things(4...6))
        }
        #expect(seenMidway == 1)
        #expect(try reader.count("things") == 7)
    }

    @Test(arguments: Backend.enabled)
    func aFailureHalfwayLeavesNothing(_ backend: Backend) throws {
        let store = try backend.makeStore()
        #expect(throws: FixtureError.self) {
            try store.insertAll(into: "things") { write in
                try write(things(1...3))
                throw FixtureError("the input broke off")
            }
        }
        #expect(try store.count("things") == 0)
    }

    @Test(arguments: Backend.enabled)
    func aDuplicateInALaterBatchLeavesNothing(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertMany(things(5...5), into: "things")
        do {
            try store.insertAll(into: "things") { write in
                try write(things(1...3))
                try write(things(4...6))
            }
            Issue.record("the duplicate was accepted")
        } catch StoreError.duplicateKey(let collection, _) {
            #expect(collection == "things")
        }
        #expect(try store.count("things") == 1)
    }

    @Test func aStoreFailureInsideATransactionSaysNothingWasWritten() {
        let failure = MongoStore.notCommitted(StoreError.unreachable("MongoDB at db:27017 (socket timeout)"))
        #expect(failure as? StoreError == .unreachable("MongoDB at db:27017 (socket timeout); the transaction was not committed, so nothing was written"))
        let duplicate = StoreError.duplicateKey(collection: "users", detail: "email")
        #expect(MongoStore.notCommitted(duplicate) as? StoreError == duplicate)
    }

    @Test(arguments: Backend.enabled)
    func withoutTransactionsAFailedImportIsRemovedAgain(_ backend: Backend) throws {
        let store = try backend.makeStore()
        let faulty = FaultyStore(store, failingInserts: [3])
        #expect(throws: FaultyStore.injected) {
            try faulty.insertAll(into: "things") { write in
                for batch in [things(1...3), things(4...6), things(7...9)] { try write(batch) }
            }
        }
        #expect(try store.count("things") == 0)
        #expect(try FaultyStore(store, failingInserts: []).insertAll(into: "things") { try $0(things(1...2)) } == .compensated)
        #expect(try store.count("things") == 2)
    }

    @Test(arguments: Backend.enabled)
    func whenTheCleanUpFailsTooEveryIdLeftBehindIsNamed(_ backend: Backend) throws {
        let store = try backend.makeStore()
        let faulty = FaultyStore(store, failingInserts: [3], deletesFail: true)
        do {
            try faulty.insertAll(into: "things") { write in
                for batch in [things(1...3), things(4...6), things(7...9)] { try write(batch) }
            }
            Issue.record("the injected failure did not surface")
        } catch StoreError.leftBehind(let collection, let ids, _, _) {
            #expect(collection == "things")
            #expect(ids == things(1...6).map { $0["_id"]! })
            let message = StoreError.leftBehind(collection: collection, ids: ids, failure: "f", cleanupFailure: "c").description
            for id in ids { #expect(message.contains(ExtendedJSON.string(from: id))) }
        }
        #expect(try store.count("things") == 6)
    }

    @Test func transactionsAreDetectedFromTheServersHello() {
        func hello(_ fields: KeyValuePairs<String, BSONValue>) -> Document { Document(fields) }
        #expect(MongoStore.runsTransactions(hello: hello(["setName": "rs0", "maxWireVersion": 17, "logicalSessionTimeoutMinutes": 30])))
        #expect(MongoStore.runsTransactions(hello: hello(["msg": "isdbgrid", "maxWireVersion": 17, "logicalSessionTimeoutMinutes": 30])))
        #expect(!MongoStore.runsTransactions(hello: hello(["maxWireVersion": 17, "logicalSessionTimeoutMinutes": 30])))
        #expect(!MongoStore.runsTransactions(hello: hello(["setName": "rs0", "maxWireVersion": 6, "logicalSessionTimeoutMinutes": 30])))
        #expect(!MongoStore.runsTransactions(hello: hello(["setName": "rs0", "maxWireVersion": 17])))
    }

    @Test(.enabled(if: Backend.enabled.contains(.mongodb)))
    func theTestServerRunsTransactions() throws {
        let store = try #require(try Backend.mongodb.makeStore() as? MongoStore)
        #expect(try store.supportsTransactions())
    }
}
