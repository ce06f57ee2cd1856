import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// Values another tool may have stored come back from either backend exactly as they
/// went in: every binary subtype, the bits of a double, a timestamp.
@Suite("Exact values in the store")
struct ExactValueStorageTests {
    static let bytes: [UInt8] = Array(0x70..<0x80)
    static let payloadNaN = Double(bitPattern: 0x7FF8_0000_0000_0012)

    static let stored = Document([
        .init("_id", .objectId(ObjectId(hex: "64b0000000000000000000aa")!)),
        .init("generic", .binary(bytes)),
        .init("function", .binary([1, 2], subtype: 1)),
        .init("oldBinary", .binary([0xFF, 0xFF], subtype: 2)),
        .init("uuid", .binary(bytes, subtype: 4)),
        .init("md5", .binary(bytes, subtype: 5)),
        .init("vector", .binary([0x03, 0x00, 0x7F, 0x07], subtype: 9)),
        .init("userDefined", .binary([9], subtype: 0x80)),
        .init("negativeZero", .double(-0.0)),
        .init("nanWithPayload", .double(payloadNaN)),
        .init("ts", .timestamp(BSONTimestamp(seconds: 4_000_000_000, increment: 7))),
    ])

    @Test(arguments: Backend.enabled)
    func everyValueComesBackWithTheSameBytes(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertOne(Self.stored, into: "exact")
        let found = try #require(try store.findOne("exact", .eq("_id", Self.stored["_id"]!)))
        #expect(found.bsonBytes() == Self.stored.bsonBytes())
        #expect(found["uuid"] == .binary(Self.bytes, subtype: 4))
        guard case .double(let nan)? = found["nanWithPayload"], case .double(let zero)? = found["negativeZero"] else {
            Issue.record("the doubles came back as \(String(describing: found["nanWithPayload"])), \(String(describing: found["negativeZero"]))")
            return
        }
        #expect(nan.bitPattern == Self.payloadNaN.bitPattern)
        #expect(zero.sign == .minus)
    }

    @Test(arguments: Backend.enabled)
    func binaryValuesDifferingOnlyInSubtypeAreDifferentValues(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertOne(Self.stored, into: "exact")
        #expect(try store.count("exact", .eq("uuid", BSONValue.binary(Self.bytes, subtype: 4))) == 1)
        #expect(try store.count("exact", .eq("uuid", BSONValue.binary(Self.bytes))) == 0)
        #expect(try store.count("exact", .eq("generic", BSONValue.binary(Self.bytes, subtype: 4))) == 0)
        #expect(try store.count("exact", .eq("oldBinary", BSONValue.binary([0xFF, 0xFF], subtype: 2))) == 1)
    }

    /// SQLite keys documents by `_id` in a column of its own. (MongoDB keeps the two apart
    /// too, but the SecantusDB test server's unique index does not, so this is SQLite's test.)
    @Test func sqliteIdentifiersDifferingOnlyInSubtypeAreTwoDocuments() throws {
        let store = try Backend.sqlite.makeStore()
        try store.insertOne(Document([.init("_id", .binary(Self.bytes)), .init("n", 1)]), into: "ids")
        try store.insertOne(Document([.init("_id", .binary(Self.bytes, subtype: 4)), .init("n", 2)]), into: "ids")
        let uuidDoc = try #require(try store.findOne("ids", .eq("_id", BSONValue.binary(Self.bytes, subtype: 4))))
        #expect(uuidDoc["n"] == 2)
    }

    @Test(arguments: Backend.enabled)
    func timestampsMatchByValueAndAreNotNull(_ backend: Backend) throws {
        let store = try backend.makeStore()
        try store.insertOne(Self.stored, into: "exact")
        #expect(try store.count("exact", .eq("ts", BSONValue.timestamp(BSONTimestamp(seconds: 4_000_000_000, increment: 7)))) == 1)
        #expect(try store.count("exact", .eq("ts", BSONValue.timestamp(BSONTimestamp(seconds: 4_000_000_000, increment: 8)))) == 0)
        #expect(try store.count("exact", .isNull("ts")) == 0)
    }
}
