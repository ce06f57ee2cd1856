import Foundation
import Testing
import SocialdeckModel

/// Dotted paths into documents, and MongoDB's ordering of values.
@Suite("Document paths and value ordering")
struct DocumentPathTests {
    static let post = Document([
        .init("title", .string("Launch")),
        .init("approval", .document(Document([.init("status", .string("pending")),
                                              .init("meta", .document(Document([.init("by", .string("ada"))])))]))),
        .init("platforms", .array([
            .document(Document([.init("platform", .string("twitter")), .init("status", .string("draft"))])),
            .document(Document([.init("platform", .string("linkedin")), .init("status", .string("scheduled"))])),
        ])),
        .init("matrix", .array([.array([.int32(1), .int32(2)]), .array([.int32(3)])])),
        .init("count", .int32(3)),
    ])

    // MARK: - Reading

    @Test func readsThroughNestedDocuments() {
        #expect(Self.post.value(at: "title") == .string("Launch"))
        #expect(Self.post.value(at: "approval.status") == .string("pending"))
        #expect(Self.post.value(at: "approval.meta.by") == .string("ada"))
        #expect(Self.post.value(at: "approval")?.documentValue?.keys == ["status", "meta"])
    }

    @Test func readsThroughArrayIndexes() {
        #expect(Self.post.value(at: "platforms.0.status") == .string("draft"))
        #expect(Self.post.value(at: "platforms.1.platform") == .string("linkedin"))
        #expect(Self.post.value(at: "platforms.1")?.documentValue?["status"] == .string("scheduled"))
        #expect(Self.post.value(at: "matrix.0.1") == .int32(2))
        #expect(Self.post.value(at: "matrix.1.0") == .int32(3))
    }

    @Test(arguments: [
        "missing", "approval.missing", "approval.status.deeper", "platforms.2.status", "platforms.-1.status",
        "platforms.x.status", "platforms.status", "count.0", "matrix.1.1", "", "approval.", ".title",
    ])
    func missingStepsGiveNil(_ path: String) {
        #expect(Self.post.value(at: path) == nil, "\(path)")
    }

    @Test func subscriptReadsOnlyTopLevelKeys() {
        #expect(Self.post["approval.status"] == nil)
        #expect(Document([.init("a.b", .int32(1))])["a.b"] == .int32(1))
    }

    // MARK: - Writing

    @Test func setsNestedFieldsCreatingDocuments() {
        var doc = Document()
        let changed = doc.setValue(.string("x"), at: "a.b.c")
        #expect(changed)
        #expect(doc.value(at: "a.b.c") == .string("x"))
        #expect(doc == Document([.init("a", .document(Document([.init("b", .document(Document([.init("c", .string("x"))])))])))]))
    }

    @Test func replacingAFieldKeepsItsPosition() {
        var doc = Self.post
        let changed = doc.setValue(.string("approved"), at: "approval.status")
        #expect(changed)
        #expect(doc.keys == Self.post.keys)
        #expect(doc.value(at: "approval")?.documentValue?.keys == ["status", "meta"])
        #expect(doc.value(at: "approval.status") == .string("approved"))
        #expect(doc.value(at: "approval.meta.by") == .string("ada"))
    }

    @Test func setsInsideArrayElements() {
        var doc = Self.post
        let changed = doc.setValue(.string("published"), at: "platforms.1.status")
        #expect(changed)
        #expect(doc.value(at: "platforms.1.status") == .string("published"))
        #expect(doc.value(at: "platforms.0.status") == .string("draft"))
        let changed2 = doc.setValue(.int32(9), at: "matrix.0.0")
        #expect(changed2)
        #expect(doc.value(at: "matrix.0") == .array([.int32(9), .int32(2)]))
    }

    @Test func anIndexOnePastTheEndAppends() {
        var doc = Self.post
        let changed = doc.setValue(.string("tiktok"), at: "platforms.2.platform")
        #expect(changed)
        #expect(doc.value(at: "platforms")?.arrayValue?.count == 3)
        #expect(doc.value(at: "platforms.2") == .document(Document([.init("platform", .string("tiktok"))])))
        let changed2 = doc.setValue(.int32(4), at: "matrix.1.1")
        #expect(changed2)
        #expect(doc.value(at: "matrix.1") == .array([.int32(3), .int32(4)]))
    }

    @Test func indexesFurtherOutOrNotNumbersAreRefused() {
        var doc = Self.post
        let changed = doc.setValue(.int32(1), at: "platforms.5.status")
        #expect(!changed)
        let changed2 = doc.setValue(.int32(1), at: "platforms.x")
        #expect(!changed2)
        let changed3 = doc.setValue(.int32(1), at: "platforms.-1")
        #expect(!changed3)
        #expect(doc == Self.post)
    }

    @Test func cannotSetAFieldInsideAScalar() {
        var doc = Self.post
        let changed = doc.setValue(.int32(1), at: "title.length")
        #expect(!changed)
        let changed2 = doc.setValue(.int32(1), at: "count.0")
        #expect(!changed2)
        #expect(doc == Self.post)
    }

    @Test func settingNilRemovesAField() {
        var doc = Self.post
        let changed = doc.setValue(nil, at: "approval.meta")
        #expect(changed)
        #expect(doc.value(at: "approval.meta") == nil)
        #expect(doc.value(at: "approval.status") == .string("pending"))
        let changed2 = doc.setValue(nil, at: "title")
        #expect(changed2)
        #expect(doc["title"] == nil)
        #expect(doc.keys == ["approval", "platforms", "matrix", "count"])
    }

    @Test func settingNilOnAMissingPathChangesNothing() {
        var doc = Self.post
        let changed = doc.setValue(nil, at: "nowhere.deep.down")
        #expect(changed)
        #expect(doc == Self.post)
        let changed2 = doc.setValue(nil, at: "approval.nowhere.deep")
        #expect(changed2)
        #expect(doc == Self.post)
    }

    @Test func settingNilOnAnArrayElementLeavesNull() {
        var doc = Self.post
        let changed = doc.setValue(nil, at: "matrix.0.0")
        #expect(changed)
        #expect(doc.value(at: "matrix.0") == .array([.null, .int32(2)]))
    }

    @Test func subscriptSetAppendsReplacesAndRemoves() {
        var doc = Document()
        doc["b"] = .int32(1)
        doc["a"] = .int32(2)
        doc["b"] = .int32(3)
        #expect(doc.keys == ["b", "a"])
        #expect(doc["b"] == .int32(3))
        doc["b"] = nil
        #expect(doc.keys == ["a"])
        doc["missing"] = nil
        #expect(doc.count == 1)
    }

    // MARK: - Ordering

    static let oneOfEachRank: [BSONValue] = [
        .null,
        .int32(5),
        .string("a"),
        .document(Document([.init("a", .int32(1))])),
        .array([.int32(1)]),
        .binary([1]),
        .objectId(ObjectId(hex: "507f1f77bcf86cd799439011")!),
        .bool(false),
        .datetime(0),
    ]

    @Test func typesOrderNullNumbersStringDocumentArrayBinaryObjectIdBoolDate() {
        let values = Self.oneOfEachRank
        for (i, a) in values.enumerated() {
            for (j, b) in values.enumerated() {
                let expected = i < j ? -1 : (i == j ? 0 : 1)
                #expect(BSONValue.compare(a, b) == expected, "\(a) vs \(b)")
            }
        }
        #expect(values.map(\.typeRank) == values.map(\.typeRank).sorted())
    }

    @Test func typeRankDecidesBeforeTheValue() {
        // The smallest value of a higher rank is still above the largest of a lower one.
        #expect(BSONValue.compare(.double(.greatestFiniteMagnitude), .string("")) == -1)
        #expect(BSONValue.compare(.string("\u{10FFFF}"), .document(Document())) == -1)
        #expect(BSONValue.compare(.bool(true), .datetime(.min)) == -1)
        #expect(BSONValue.compare(.int64(.min), .null) == 1)
        #expect(BSONValue.compare(.objectId(ObjectId(high: .max, low: .max)), .bool(false)) == -1)
    }

    @Test func sortingMixedValuesGroupsByType() {
        var rng = SplitMix(seed: 7)
        let values: [BSONValue] = Self.oneOfEachRank + [.double(-1), .int64(10), .string("B"), .bool(true), .datetime(-5), .null]
        let sorted = values.shuffled(using: &rng).sorted { BSONValue.compare($0, $1) < 0 }
        #expect(sorted.map(\.typeRank) == sorted.map(\.typeRank).sorted())
        #expect(sorted.filter(\.isNumber) == [.double(-1), .int32(5), .int64(10)])
        #expect(sorted.filter { $0.typeRank == 9 } == [.datetime(-5), .datetime(0)])
    }

    @Test func numbersCompareAcrossTypes() {
        #expect(BSONValue.compare(.int32(1), .double(1.0)) == 0)
        #expect(BSONValue.compare(.int64(1), .int32(1)) == 0)
        #expect(BSONValue.compare(.int32(1), .double(1.5)) == -1)
        #expect(BSONValue.compare(.int64(2), .double(1.5)) == 1)
        #expect(BSONValue.compare(.double(-0.0), .int32(0)) == 0)
        // Integers beyond 2^53 are compared exactly, not through Double.
        #expect(BSONValue.compare(.int64(9_007_199_254_740_993), .int64(9_007_199_254_740_992)) == 1)
        #expect(BSONValue.compare(.int64(.max), .int64(.max - 1)) == 1)
    }

    @Test func queryEqualityTreatsNumbersOfAnyTypeAsTheSame() {
        #expect(BSONValue.int32(1).queryEquals(.double(1.0)))
        #expect(BSONValue.double(1.0).queryEquals(.int64(1)))
        #expect(BSONValue.int64(-7).queryEquals(.int32(-7)))
        #expect(!BSONValue.int32(1).queryEquals(.double(1.000001)))
        #expect(!BSONValue.int32(1).queryEquals(.string("1")))
        #expect(!BSONValue.int32(0).queryEquals(.bool(false)))
        #expect(!BSONValue.int32(0).queryEquals(.null))
        #expect(BSONValue.string("a").queryEquals(.string("a")))
        // Structural equality, by contrast, keeps the types apart.
        #expect(BSONValue.int32(1) != BSONValue.double(1))
    }

    @Test func nanIsEqualToItselfAndBelowEveryOtherNumber() {
        #expect(BSONValue.compare(.double(.nan), .double(.nan)) == 0)
        #expect(BSONValue.double(.nan).queryEquals(.double(.nan)))
        #expect(BSONValue.compare(.double(.nan), .double(-.infinity)) == -1)
        #expect(BSONValue.compare(.int64(.min), .double(.nan)) == 1)
        #expect(BSONValue.compare(.double(.nan), .null) == 1)
    }

    @Test func compareIsAntisymmetricAndReflexive() {
        let values: [BSONValue] = Self.oneOfEachRank + [
            .double(.nan), .double(-.infinity), .int64(.max), .string(""), .string("é"), .string("z"),
            .binary([]), .binary([2]), .binary([1, 0]), .array([]), .array([.int32(1), .int32(2)]),
            .document(Document()), .document(Document([.init("b", .int32(0))])), .bool(true), .datetime(-1),
        ]
        for a in values {
            #expect(BSONValue.compare(a, a) == 0, "\(a)")
            for b in values { #expect(BSONValue.compare(a, b) == -BSONValue.compare(b, a), "\(a) vs \(b)") }
        }
    }

    @Test func withinTypeOrdering() {
        // Strings by UTF-8 bytes, as MongoDB's simple collation.
        #expect(BSONValue.compare(.string("B"), .string("a")) == -1)
        #expect(BSONValue.compare(.string("z"), .string("é")) == -1)
        #expect(BSONValue.compare(.string("ab"), .string("abc")) == -1)
        #expect(BSONValue.compare(.bool(false), .bool(true)) == -1)
        #expect(BSONValue.compare(.datetime(-1), .datetime(0)) == -1)
        // Binary: shorter first, then bytes.
        #expect(BSONValue.compare(.binary([9]), .binary([0, 0])) == -1)
        #expect(BSONValue.compare(.binary([1, 2]), .binary([1, 3])) == -1)
        // ObjectIds in byte order.
        #expect(BSONValue.compare(.objectId(ObjectId(hex: "000000000000000000000002")!),
                                  .objectId(ObjectId(hex: "000000000000000000000010")!)) == -1)
        // Arrays element by element, then by length.
        #expect(BSONValue.compare(.array([.int32(1), .int32(2)]), .array([.int32(1), .int32(3)])) == -1)
        #expect(BSONValue.compare(.array([.int32(1)]), .array([.int32(1), .int32(0)])) == -1)
        // Documents field by field: key first, then value.
        #expect(BSONValue.compare(.document(Document([.init("a", .int32(9))])), .document(Document([.init("b", .int32(0))]))) == -1)
        #expect(BSONValue.compare(.document(Document([.init("a", .int32(1))])), .document(Document([.init("a", .int32(2))]))) == -1)
        #expect(BSONValue.compare(.document(Document([.init("a", .int32(1))])), .document(Document([.init("a", .double(1))]))) == 0)
    }

    @Test func literalsBuildTheExpectedValues() {
        let i: BSONValue = 5
        let big: BSONValue = 5_000_000_000
        let d: BSONValue = 2.5
        let s: BSONValue = "x"
        let b: BSONValue = true
        let n: BSONValue = nil
        let a: BSONValue = [1, "two"]
        #expect(i == .int32(5))
        #expect(big == .int64(5_000_000_000))
        #expect(d == .double(2.5))
        #expect(s == .string("x"))
        #expect(b == .bool(true))
        #expect(n == .null)
        #expect(a == .array([.int32(1), .string("two")]))
    }

    @Test func accessorsConvertOnlyMatchingTypes() {
        #expect(BSONValue.double(3).int64Value == 3)
        #expect(BSONValue.double(3.5).int64Value == nil)
        #expect(BSONValue.double(1e19).int64Value == nil)
        #expect(BSONValue.int32(3).doubleValue == 3)
        #expect(BSONValue.string("3").doubleValue == nil)
        #expect(BSONValue.datetime(1500).dateValue?.timeIntervalSince1970 == 1.5)
        #expect(BSONValue.int64(1500).dateValue == nil)
    }
}
