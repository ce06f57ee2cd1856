import Foundation
import Testing
import SocialdeckModel

/// The codec against the MongoDB specifications' BSON corpus
/// (github.com/mongodb/specifications, source/bson-corpus/tests), for every type the
/// codec supports: double, string, document, array, binary, objectid, boolean,
/// datetime, null, int32, int64, timestamp, undefined (read as null, as the corpus
/// allows for a deprecated type) and top-level documents. The cases are transcribed in
/// `BSONCorpusScalarCases`, `BSONCorpusContainerCases` and `BSONCorpusDecodeErrorCases`.
enum BSONCorpus {
    /// One `valid` case: the fields the corpus gives, in its hex and Extended JSON.
    struct ValidCase: Sendable, CustomTestStringConvertible {
        let file: String
        let description: String
        let bson: String
        var degenerateBSON: String?
        /// What a deprecated type is written back as.
        var convertedBSON: String?
        var extJSON: String?
        var relaxed: String?
        var degenerateExtJSON: String?
        /// Extended JSON cannot carry this value exactly (a NaN's payload).
        var lossy = false

        init(_ file: String, _ description: String, bson: String, degenerateBSON: String? = nil,
             convertedBSON: String? = nil, extJSON: String? = nil, relaxed: String? = nil,
             degenerateExtJSON: String? = nil, lossy: Bool = false) {
            self.file = file
            self.description = description
            self.bson = bson
            self.degenerateBSON = degenerateBSON
            self.convertedBSON = convertedBSON
            self.extJSON = extJSON
            self.relaxed = relaxed
            self.degenerateExtJSON = degenerateExtJSON
            self.lossy = lossy
        }

        var testDescription: String { "\(file): \(description)" }
    }

    /// One `decodeErrors` case: bytes a decoder must refuse.
    struct DecodeErrorCase: Sendable, CustomTestStringConvertible {
        let file: String
        let description: String
        let bson: String

        init(_ file: String, _ description: String, bson: String) {
            self.file = file
            self.description = description
            self.bson = bson
        }

        var testDescription: String { "\(file): \(description)" }
    }

    static let validCases = scalarCases + containerCases

    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)! }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02X", $0) }.joined()
    }
}

@Suite("BSON corpus")
struct BSONCorpusTests {
    typealias Case = BSONCorpus.ValidCase

    @Test(arguments: BSONCorpus.validCases)
    func decodingThenEncodingGivesTheCanonicalBytes(_ testCase: Case) throws {
        let canonical = BSONCorpus.bytes(testCase.bson)
        let expected = testCase.convertedBSON ?? testCase.bson
        #expect(BSONCorpus.hex(try Document(bson: canonical).bsonBytes()) == expected)
        if let degenerate = testCase.degenerateBSON {
            #expect(BSONCorpus.hex(try Document(bson: BSONCorpus.bytes(degenerate)).bsonBytes()) == expected)
        }
    }

    @Test(arguments: BSONCorpus.validCases.filter { $0.extJSON != nil && !$0.lossy })
    func extendedJSONReadsAsTheCanonicalBytes(_ testCase: Case) throws {
        for json in [testCase.extJSON, testCase.degenerateExtJSON].compactMap({ $0 }) {
            #expect(BSONCorpus.hex(try ExtendedJSON.document(from: json).bsonBytes()) == testCase.bson, "\(json)")
        }
    }

    /// What `export` writes reads back as the value the corpus's relaxed form stands for:
    /// the same bytes, except that relaxed JSON does not say which integer type a number was.
    @Test(arguments: BSONCorpus.validCases.filter { $0.extJSON != nil })
    func writtenExtendedJSONReadsBackAsTheRelaxedForm(_ testCase: Case) throws {
        let written = ExtendedJSON.string(from: try Document(bson: BSONCorpus.bytes(testCase.bson)))
        let relaxed = try #require(testCase.relaxed ?? testCase.extJSON)
        #expect(BSONCorpus.hex(try ExtendedJSON.document(from: written).bsonBytes())
                    == BSONCorpus.hex(try ExtendedJSON.document(from: relaxed).bsonBytes()), "\(written)")
    }

    @Test(arguments: BSONCorpus.decodeErrors)
    func malformedBSONIsRefusedWithAClearError(_ testCase: BSONCorpus.DecodeErrorCase) {
        let bytes = BSONCorpus.bytes(testCase.bson)
        let error = #expect(throws: BSONError.self) { try Document(bson: bytes) }
        #expect(error.map { String(describing: $0).hasPrefix("BSON ") } ?? true, "\(String(describing: error))")
    }
}
