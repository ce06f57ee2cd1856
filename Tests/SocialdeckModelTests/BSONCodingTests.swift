import Foundation
import Testing
@testable import SocialdeckModel

/// Binary BSON (bsonspec.org): the bytes both backends store.
@Suite("BSON binary coding")
struct BSONCodingTests {
    static let oid = ObjectId(hex: "507f1f77bcf86cd799439011")!

    /// A document holding every `BSONValue` case, nested a few levels.
    static let everything = Document([
        .init("double", .double(3.141592653589793)),
        .init("negativeDouble", .double(-0.5)),
        .init("ascii", .string("hello")),
        .init("unicode", .string("café 😀 日本語 👨‍👩‍👧 🇫🇷")),
        .init("empty", .string("")),
        .init("nested", .document(Document([
            .init("inner", .string("x")),
            .init("deeper", .document(Document([.init("n", .int32(7))]))),
            .init("none", .document(Document())),
        ]))),
        .init("array", .array([.int32(1), .string("two"), .document(Document([.init("three", .bool(true))])),
                               .array([.null]), .array([])])),
        .init("binary", .binary([0x00, 0x01, 0xFF, 0x80, 0x7F])),
        .init("emptyBinary", .binary([])),
        .init("uuid", .binary(Array(0..<16), subtype: 4)),
        .init("userBinary", .binary([7], subtype: 0x80)),
        .init("negativeZero", .double(-0.0)),
        .init("timestamp", .timestamp(BSONTimestamp(seconds: 1_795_946_400, increment: 3))),
        .init("oid", .objectId(oid)),
        .init("yes", .bool(true)),
        .init("no", .bool(false)),
        .init("epoch", .datetime(0)),
        .init("future", .datetime(1_795_946_400_123)),
        .init("past", .datetime(-62_135_596_800_000)),
        .init("null", .null),
        .init("int32", .int32(-42)),
        .init("int32Min", .int32(.min)),
        .init("int32Max", .int32(.max)),
        .init("int64", .int64(9_007_199_254_740_993)),
        .init("int64Min", .int64(.min)),
        .init("int64Max", .int64(.max)),
    ])

    @Test func roundTripKeepsEveryValueAndFieldOrder() throws {
        let bytes = Self.everything.bsonBytes()
        let decoded = try Document(bson: bytes)
        #expect(decoded == Self.everything)
        #expect(decoded.keys == Self.everything.keys)
        // Writing the decoded document again gives the same bytes.
        #expect(decoded.bsonBytes() == bytes)
    }

    @Test func roundTripKeepsTypesThatCompareEqualAcrossCases() throws {
        // int32(5), int64(5) and double(5) are different BSON types and must stay so.
        let doc = Document([.init("a", .int32(5)), .init("b", .int64(5)), .init("c", .double(5))])
        let decoded = try Document(bson: doc.bsonBytes())
        #expect(decoded["a"] == .int32(5))
        #expect(decoded["b"] == .int64(5))
        #expect(decoded["c"] == .double(5))
    }

    @Test func specialDoublesKeepTheirBits() throws {
        let values: [Double] = [.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        let doc = Document(values.enumerated().map { .init("d\($0.offset)", .double($0.element)) })
        let decoded = try Document(bson: doc.bsonBytes())
        for (i, v) in values.enumerated() {
            guard case .double(let d)? = decoded["d\(i)"] else {
                Issue.record("d\(i) is not a double")
                continue
            }
            #expect(d.bitPattern == v.bitPattern)
        }
    }

    @Test func stringWithInteriorNULSurvivesBecauseStringsAreLengthPrefixed() throws {
        let doc = Document([.init("s", .string("a\u{0}b"))])
        #expect(try Document(bson: doc.bsonBytes())["s"] == .string("a\u{0}b"))
    }

    @Test func helloWorldMatchesTheSpecBytes() {
        let doc = Document([.init("hello", .string("world"))])
        let expected: [UInt8] = [0x16, 0x00, 0x00, 0x00, 0x02] + Array("hello".utf8) + [0x00,
                                  0x06, 0x00, 0x00, 0x00] + Array("world".utf8) + [0x00, 0x00]
        #expect(doc.bsonBytes() == expected)
        #expect(expected.count == 0x16)
    }

    @Test func awesomeArrayMatchesTheSpecBytes() throws {
        // {"BSON": ["awesome", 5.05, 1986]} from bsonspec.org.
        let doc = Document([.init("BSON", .array([.string("awesome"), .double(5.05), .int32(1986)]))])
        let expected: [UInt8] = [0x31, 0x00, 0x00, 0x00, 0x04] + Array("BSON".utf8) + [0x00,
            0x26, 0x00, 0x00, 0x00,
            0x02, 0x30, 0x00, 0x08, 0x00, 0x00, 0x00] + Array("awesome".utf8) + [0x00,
            0x01, 0x31, 0x00, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x14, 0x40,
            0x10, 0x32, 0x00, 0xC2, 0x07, 0x00, 0x00,
            0x00, 0x00]
        #expect(doc.bsonBytes() == expected)
        #expect(try Document(bson: expected) == doc)
    }

    @Test func emptyDocumentIsFiveBytes() throws {
        #expect(Document().bsonBytes() == [5, 0, 0, 0, 0])
        #expect(try Document(bson: [5, 0, 0, 0, 0]) == Document())
    }

    @Test func scalarLayoutsFollowTheSpec() {
        func element(_ v: BSONValue) -> [UInt8] {
            // Strip the 4-byte length, the type byte, the one-letter key and its NUL, and the final NUL.
            let bytes = Document([.init("k", v)]).bsonBytes()
            #expect(bytes[4] == v.typeCode)
            return Array(bytes[7..<(bytes.count - 1)])
        }
        #expect(element(.int32(1)) == [1, 0, 0, 0])
        #expect(element(.int32(-1)) == [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(element(.int64(1)) == [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(element(.bool(true)) == [1])
        #expect(element(.bool(false)) == [0])
        #expect(element(.null) == [])
        // Dates are little-endian signed milliseconds.
        #expect(element(.datetime(-1)) == [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(element(.datetime(1000)) == [0xE8, 0x03, 0, 0, 0, 0, 0, 0])
        // ObjectIds are their 12 bytes in order (big-endian).
        #expect(element(.objectId(Self.oid)) == Self.oid.bytes)
        #expect(element(.objectId(Self.oid)).first == 0x50)
        // Binary: int32 length, subtype, bytes.
        #expect(element(.binary([0xAB, 0xCD])) == [2, 0, 0, 0, 0, 0xAB, 0xCD])
        #expect(element(.binary([0xAB, 0xCD], subtype: 4)) == [2, 0, 0, 0, 4, 0xAB, 0xCD])
        #expect(element(.timestamp(BSONTimestamp(seconds: 1, increment: 2))) == [2, 0, 0, 0, 1, 0, 0, 0])
        #expect(element(.double(1.0)) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    }

    @Test func typeCodesAreTheSpecsTypeBytes() {
        let expected: [(BSONValue, UInt8)] = [
            (.double(0), 0x01), (.string(""), 0x02), (.document(Document()), 0x03), (.array([]), 0x04),
            (.binary([]), 0x05), (.objectId(Self.oid), 0x07), (.bool(true), 0x08), (.datetime(0), 0x09),
            (.null, 0x0A), (.int32(0), 0x10), (.timestamp(BSONTimestamp(bitPattern: 0)), 0x11), (.int64(0), 0x12),
        ]
        for (value, code) in expected { #expect(value.typeCode == code) }
    }

    @Test func keysWithNULAreWrittenWithoutIt() throws {
        let doc = Document([.init("a\u{0}b", .int32(1))])
        #expect(try Document(bson: doc.bsonBytes()).keys == ["ab"])
    }

    @Test func undefinedIsReadAsNullAndTimestampsKeepTheirType() throws {
        // 0x06 (undefined) is deprecated and reads as null, as the spec allows.
        let undefinedDoc: [UInt8] = [8, 0, 0, 0, 0x06, 0x75, 0x00, 0x00]
        #expect(try Document(bson: undefinedDoc)["u"] == .null)
        // 0x11 (timestamp): increment in the low half, seconds in the high half.
        let timestampDoc: [UInt8] = [16, 0, 0, 0, 0x11, 0x74, 0x00, 2, 0, 0, 0, 7, 0, 0, 0, 0x00]
        let decoded = try Document(bson: timestampDoc)
        #expect(decoded["t"] == .timestamp(BSONTimestamp(seconds: 7, increment: 2)))
        #expect(decoded.bsonBytes() == timestampDoc)
    }

    @Test func everyBinarySubtypeIsKept() throws {
        for subtype in [UInt8(0), 1, 3, 4, 5, 6, 7, 8, 9, 0x80, 0xFF] {
            let doc = Document([.init("b", .binary([0xDE, 0xAD], subtype: subtype))])
            let bytes = doc.bsonBytes()
            #expect(bytes[11] == subtype)
            #expect(try Document(bson: bytes) == doc)
        }
        // The deprecated subtype 2 repeats the length inside the value; the value holds only the bytes.
        let old = Document([.init("b", .binary([0xFF, 0xFF], subtype: 2))])
        #expect(Array(old.bsonBytes()[7..<18]) == [6, 0, 0, 0, 2, 2, 0, 0, 0, 0xFF, 0xFF])
        #expect(try Document(bson: old.bsonBytes()) == old)
    }

    // MARK: - Damaged input

    @Test func everyTruncationThrowsTruncated() {
        let bytes = Self.everything.bsonBytes()
        for length in 0..<bytes.count {
            do {
                _ = try Document(bson: Array(bytes[..<length]))
                Issue.record("a document cut to \(length) of \(bytes.count) bytes was accepted")
            } catch let error as BSONError {
                guard case .truncated = error else {
                    Issue.record("cut to \(length) bytes: \(error), expected truncated")
                    continue
                }
            } catch {
                Issue.record("cut to \(length) bytes threw a non-BSON error: \(error)")
            }
        }
    }

    @Test func declaredLengthLongerThanTheDataThrows() {
        var bytes = Document([.init("hello", .string("world"))]).bsonBytes()
        bytes[0] = 0xFF
        #expect(throws: BSONError.truncated(offset: 0)) { try Document(bson: bytes) }
    }

    @Test func declaredLengthBelowTheMinimumThrows() {
        #expect(throws: BSONError.invalidLength(4, offset: 0)) { try Document(bson: [4, 0, 0, 0, 0]) }
        #expect(throws: BSONError.invalidLength(0, offset: 0)) { try Document(bson: [0, 0, 0, 0, 0]) }
    }

    @Test func malformedValuesNameWhatIsWrongAndWhere() {
        let hello = Document([.init("hello", .string("world"))]).bsonBytes()
        #expect(throws: BSONError.invalidLength(22, offset: 0), "bytes after the document") {
            try Document(bson: hello + [0])
        }
        var unterminated = hello
        unterminated[20] = 0x21
        #expect(throws: BSONError.missingTerminator(offset: 20)) { try Document(bson: unterminated) }
        var badEnd = hello
        badEnd[21] = 0x01
        #expect(throws: BSONError.missingTerminator(offset: 21)) { try Document(bson: badEnd) }
        var two = Document([.init("b", .bool(true))]).bsonBytes()
        two[7] = 2
        #expect(throws: BSONError.invalidBoolean(2, offset: 7)) { try Document(bson: two) }
        #expect(BSONError.invalidBoolean(2, offset: 7).description == "BSON boolean at byte 7 is 2; only 0 and 1 are valid")
    }

    @Test func stringLengthPastTheEndThrows() {
        var bytes = Document([.init("hello", .string("world"))]).bsonBytes()
        bytes[11] = 0x60 // the string's length
        #expect(throws: BSONError.self) { try Document(bson: bytes) }
        bytes[11] = 0x00 // a zero length cannot even hold the terminator
        #expect(throws: BSONError.self) { try Document(bson: bytes) }
    }

    @Test func unknownTypeByteThrowsUnsupportedTypeWithTheKey() {
        var bytes = Document([.init("price", .int32(1))]).bsonBytes()
        bytes[4] = 0x13 // decimal128
        #expect(throws: BSONError.unsupportedType(0x13, key: "price")) { try Document(bson: bytes) }
    }

    @Test func invalidUTF8ThrowsInvalidString() {
        var value = Document([.init("s", .string("abc"))]).bsonBytes()
        value[11] = 0xFF
        #expect(throws: BSONError.invalidString(offset: 11)) { try Document(bson: value) }

        var key = Document([.init("abc", .int32(1))]).bsonBytes()
        key[5] = 0xC3 // a lead byte followed by ASCII
        #expect(throws: BSONError.invalidString(offset: 5)) { try Document(bson: key) }
    }

    @Test func randomCorruptionNeverCrashes() {
        let original = Self.everything.bsonBytes()
        var rng = SplitMix(seed: 0x5EED)
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            do {
                _ = try Document(bson: bytes)
            } catch is BSONError {
                // Expected for most corruptions.
            } catch {
                Issue.record("corrupted input threw a non-BSON error: \(error)")
            }
        }
    }
}

/// A tiny deterministic generator so the fuzz cases are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
