import Foundation
import Testing
@testable import SocialdeckModel

/// Relaxed Extended JSON v2 out, relaxed or canonical in.
@Suite("Extended JSON")
struct ExtendedJSONTests {
    func json(_ v: BSONValue) -> String { ExtendedJSON.string(from: v) }

    func parse(_ text: String) throws -> BSONValue {
        var parser = JSONParser(text: text)
        return try parser.parseTopLevel()
    }

    // MARK: - Writing

    @Test func objectIdIsWrittenAsOid() {
        let id = ObjectId(hex: "507f1f77bcf86cd799439011")!
        #expect(json(.objectId(id)) == #"{"$oid":"507f1f77bcf86cd799439011"}"#)
    }

    @Test func datesAreISOStringsInTheRelaxedRange() {
        #expect(json(.datetime(0)) == #"{"$date":"1970-01-01T00:00:00Z"}"#)
        #expect(json(.datetime(1_795_946_400_123)) == #"{"$date":"2026-11-29T10:00:00.123Z"}"#)
        #expect(json(.datetime(253_402_300_799_999)) == #"{"$date":"9999-12-31T23:59:59.999Z"}"#)
    }

    @Test func datesOutsideTheRelaxedRangeUseNumberLong() {
        #expect(json(.datetime(-1000)) == #"{"$date":{"$numberLong":"-1000"}}"#)
        #expect(json(.datetime(253_402_300_800_000)) == #"{"$date":{"$numberLong":"253402300800000"}}"#)
    }

    @Test func integersAreWrittenAsPlainNumbers() {
        #expect(json(.int32(42)) == "42")
        #expect(json(.int32(-7)) == "-7")
        #expect(json(.int64(9_007_199_254_740_993)) == "9007199254740993")
        #expect(json(.int64(.min)) == "-9223372036854775808")
    }

    @Test func doublesAlwaysReadBackAsDoubles() {
        #expect(json(.double(1)) == "1.0")
        #expect(json(.double(-3)) == "-3.0")
        #expect(json(.double(2.5)) == "2.5")
        #expect(json(.double(0.1)) == "0.1")
        #expect(json(.double(.nan)) == #"{"$numberDouble":"NaN"}"#)
        #expect(json(.double(.infinity)) == #"{"$numberDouble":"Infinity"}"#)
        #expect(json(.double(-.infinity)) == #"{"$numberDouble":"-Infinity"}"#)
        #expect(json(.double(-0.0)) == "-0.0")
        #expect(json(.double(0.0)) == "0.0")
    }

    @Test func otherScalars() {
        #expect(json(.bool(true)) == "true")
        #expect(json(.bool(false)) == "false")
        #expect(json(.null) == "null")
        #expect(json(.binary([0xDE, 0xAD, 0xBE, 0xEF])) == #"{"$binary":{"base64":"3q2+7w==","subType":"00"}}"#)
        #expect(json(.binary([0xDE, 0xAD], subtype: 4)) == #"{"$binary":{"base64":"3q0=","subType":"04"}}"#)
        #expect(json(.binary([], subtype: 0x80)) == #"{"$binary":{"base64":"","subType":"80"}}"#)
        #expect(json(.timestamp(BSONTimestamp(seconds: 123_456_789, increment: 42))) == #"{"$timestamp":{"t":123456789,"i":42}}"#)
        #expect(json(.array([.int32(1), .string("a"), .array([])])) == #"[1,"a",[]]"#)
    }

    @Test func stringsEscapeQuotesBackslashesAndControls() {
        #expect(json(.string(#"say "hi""#)) == #""say \"hi\"""#)
        #expect(json(.string(#"C:\path"#)) == #""C:\\path""#)
        #expect(json(.string("a\nb")) == #""a\nb""#)
        #expect(json(.string("a\rb\tc")) == #""a\rb\tc""#)
        #expect(json(.string("\u{01}")) == #""\u0001""#)
        #expect(json(.string("\u{1B}[2J")) == #""\u001b[2J""#)
        #expect(json(.string("\u{7F}")) == #""\u007f""#)
        #expect(json(.string("\u{0}")) == #""\u0000""#)
        // Non-ASCII text stays as UTF-8.
        #expect(json(.string("café 😀 日本")) == "\"café 😀 日本\"")
    }

    @Test func c1ControlsBidiControlsAndInvisibleCharactersAreEscaped() throws {
        #expect(json(.string("\u{9B}2J\u{85}")) == #""\u009b2J\u0085""#)
        #expect(json(.string("a\u{202E}b\u{2069}\u{2028}")) == #""a\u202eb\u2069\u2028""#)
        #expect(json(.string("é\u{200E}\u{200B}\u{FEFF}\u{0600}1")) == #""é\u200e\u200b\ufeff\u06001""#)
        #expect(json(.string("x\u{E0041}")) == #""x\udb40\udc41""#)
        #expect(json(.string("A\u{FE0F} ❤\u{FE0F} 👩\u{200D}💻")) == "\"A\\ufe0f ❤\u{FE0F} 👩\u{200D}💻\"")
        let hostile = "\u{9B}\u{202E}\u{200F}\u{E0041}x"
        #expect(try parse(json(.string(hostile))) == .string(hostile))
    }

    @Test func escapedOutputHasNoRawControlCharacters() {
        let all = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        let out = json(.string(all))
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func documentsKeepFieldOrderAndEscapeKeys() {
        let doc = Document([.init("z", .int32(1)), .init("a\"b", .null), .init("m", .document(Document([.init("x", .bool(true))])))])
        #expect(ExtendedJSON.string(from: doc) == #"{"z":1,"a\"b":null,"m":{"x":true}}"#)
    }

    // MARK: - Parsing

    @Test func parsesCanonicalNumbers() throws {
        #expect(try parse(#"{"$numberLong":"9223372036854775807"}"#) == .int64(.max))
        #expect(try parse(#"{"$numberLong":"5"}"#) == .int64(5))
        #expect(try parse(#"{"$numberInt":"-12"}"#) == .int32(-12))
        #expect(try parse(#"{"$numberDouble":"1.5"}"#) == .double(1.5))
        #expect(try parse(#"{"$numberDouble":"Infinity"}"#) == .double(.infinity))
        #expect(try parse(#"{"$numberDouble":"-Infinity"}"#) == .double(-.infinity))
        let nan = try parse(#"{"$numberDouble":"NaN"}"#)
        guard case .double(let d) = nan else {
            Issue.record("NaN parsed as \(nan)")
            return
        }
        #expect(d.isNaN)
    }

    @Test func parsesDatesInEveryForm() throws {
        #expect(try parse(#"{"$date":{"$numberLong":"1700000000000"}}"#) == .datetime(1_700_000_000_000))
        #expect(try parse(#"{"$date":{"$numberLong":"-62135596800000"}}"#) == .datetime(-62_135_596_800_000))
        #expect(try parse(#"{"$date":"2023-11-14T22:13:20Z"}"#) == .datetime(1_700_000_000_000))
        #expect(try parse(#"{"$date":"2023-11-14T23:13:20.250+01:00"}"#) == .datetime(1_700_000_000_250))
        #expect(try parse(#"{"$date":1700000000000}"#) == .datetime(1_700_000_000_000))
    }

    @Test func parsesObjectIds() throws {
        #expect(try parse(#"{"$oid":"507F1F77BCF86CD799439011"}"#) == .objectId(ObjectId(hex: "507f1f77bcf86cd799439011")!))
    }

    @Test func parsesCanonicalBinary() throws {
        #expect(try parse(#"{"$binary":{"base64":"3q2+7w==","subType":"00"}}"#) == .binary([0xDE, 0xAD, 0xBE, 0xEF]))
        #expect(try parse(#"{"$binary":{"base64":"","subType":"00"}}"#) == .binary([]))
        #expect(try parse(#"{"$binary":{"subType":"4","base64":"3q0="}}"#) == .binary([0xDE, 0xAD], subtype: 4))
        #expect(try parse(#"{"$binary":{"base64":"3q0=","subType":"fF"}}"#) == .binary([0xDE, 0xAD], subtype: 0xFF))
        #expect(try parse(#"{"$binary":"3q0=","$type":"80"}"#) == .binary([0xDE, 0xAD], subtype: 0x80), "the legacy form")
        #expect(try parse(#"{"$uuid":"73ffd264-44b3-4c69-90e8-e7d1dfc035d4"}"#)
                    == .binary([0x73, 0xFF, 0xD2, 0x64, 0x44, 0xB3, 0x4C, 0x69, 0x90, 0xE8, 0xE7, 0xD1, 0xDF, 0xC0, 0x35, 0xD4], subtype: 4))
    }

    @Test func malformedBinaryAndTimestampWrappersAreRefused() throws {
        for text in [#"{"$binary":{"base64":"3q0="}}"#, #"{"$binary":{"base64":"3q0=","subType":"100"}}"#,
                     #"{"$binary":{"base64":"3q0=","subType":"+1"}}"#, #"{"$binary":{"base64":"%%","subType":"00"}}"#,
                     #"{"$binary":{"base64":"3q0=","subType":0}}"#, #"{"$uuid":"73ffd264-44b3-90e8-e7d1dfc035d4"}"#,
                     #"{"$uuid":"73ff-d26444b-34c6-990e8e-7d1dfc035d4"}"#, #"{"$timestamp":{"t":1}}"#,
                     #"{"$timestamp":{"t":-1,"i":0}}"#, #"{"$timestamp":{"t":4294967296,"i":0}}"#] {
            #expect(throws: JSONParseError.self, "\(text)") { try parse(text) }
        }
        #expect(try parse(#"{"$timestamp":{"i":42,"t":4000000000}}"#) == .timestamp(BSONTimestamp(seconds: 4_000_000_000, increment: 42)))
    }

    @Test func plainNumbersTakeTheNarrowestType() throws {
        #expect(try parse("7") == .int32(7))
        #expect(try parse("-2147483648") == .int32(.min))
        #expect(try parse("2147483648") == .int64(2_147_483_648))
        #expect(try parse("7.0") == .double(7))
        #expect(try parse("1e3") == .double(1000))
        #expect(try parse("-2.5E-1") == .double(-0.25))
    }

    @Test func parsesStringEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u00e9\u65e5""#) == .string("é日"))
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func dollarKeysThatAreNotWrappersStayDocuments() throws {
        #expect(try parse(#"{"$set":{"a":1}}"#) == .document(Document([.init("$set", .document(Document([.init("a", .int32(1))])))])))
        #expect(try parse(#"{"$oid":"x","more":1}"#).documentValue?.count == 2)
    }

    @Test func roundTripOfEveryTypeEqualsTheOriginal() throws {
        // Relaxed output keeps types when values are outside int32 (int64) or written with a point (double).
        let doc = Document([
            .init("_id", .objectId(ObjectId(hex: "64b000000000000000000001")!)),
            .init("text", .string("line 1\nline \"2\"\t\\ \u{1} café 😀 日本")),
            .init("int32", .int32(-5)),
            .init("int64", .int64(-9_007_199_254_740_993)),
            .init("whole", .double(12)),
            .init("fraction", .double(0.1 + 0.2)),
            .init("big", .double(1e300)),
            .init("tiny", .double(.leastNonzeroMagnitude)),
            .init("inf", .double(.infinity)),
            .init("yes", .bool(true)),
            .init("nothing", .null),
            .init("at", .datetime(1_795_946_400_123)),
            .init("before1970", .datetime(-86_400_001)),
            .init("bytes", .binary([0, 1, 2, 253, 254, 255])),
            .init("list", .array([.int32(1), .document(Document([.init("k", .string("v"))])), .array([])])),
            .init("empty", .document(Document())),
        ])
        let text = ExtendedJSON.string(from: doc)
        let back = try ExtendedJSON.document(from: text)
        #expect(back == doc)
        #expect(ExtendedJSON.string(from: back) == text)
    }

    @Test func relaxedOutputOfSmallInt64ReadsBackAsAnEqualNumber() throws {
        // Relaxed Extended JSON does not mark int64; the number reads back as int32 but compares equal.
        let back = try parse(json(.int64(5)))
        #expect(back == .int32(5))
        #expect(back.queryEquals(.int64(5)))
    }

    @Test func whitespaceAroundTokensIsAllowed() throws {
        let doc = try ExtendedJSON.document(from: " {\n\t\"a\" : [ 1 , 2 ] ,\r\n \"b\" : { } } \n")
        #expect(doc == Document([.init("a", .array([.int32(1), .int32(2)])), .init("b", .document(Document()))]))
    }

    // MARK: - Errors

    func parseError(_ text: String) -> JSONParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch let e as JSONParseError {
            return e
        } catch {
            return nil
        }
    }

    @Test(arguments: [
        (#"{"a": }"#, 6),
        (#"{"a":1,}"#, 7),
        (#"{"a" 1}"#, 5),
        (#"[1 2]"#, 3),
        (#"{"a":1} x"#, 8),
        (#"{"a":tru}"#, 5),
        (#"{a:1}"#, 1),
        (#""unterminated"#, 13),
        ("", 0),
        ("[1,2", 4),
        (#""\x""#, 3),
        (#""\ud83d""#, 7),
        ("-", 0),
    ])
    func malformedJSONReportsTheOffset(_ text: String, _ offset: Int) throws {
        let error = try #require(parseError(text), "\(text) was accepted")
        #expect(error.offset == offset, "\(text): \(error)")
        #expect(error.description.contains("at byte \(offset + 1)"))
    }

    @Test func rawControlCharacterInsideAStringIsRefused() throws {
        let error = try #require(parseError("\"a\u{1}b\""))
        #expect(error.offset == 2)
    }

    @Test func invalidWrappersAreRefused() {
        #expect(parseError(#"{"$oid":"nothex"}"#) != nil)
        #expect(parseError(#"{"$date":"2026-13-01"}"#) != nil)
        #expect(parseError(#"{"$date":{"$numberLong":"soon"}}"#) != nil)
        #expect(parseError(#"{"$numberLong":"1.5"}"#) != nil)
        #expect(parseError(#"{"$numberInt":"2147483648"}"#) != nil)
        #expect(parseError(#"{"$numberDouble":"lots"}"#) != nil)
        #expect(parseError(#"{"$binary":{"base64":"not base64!","subType":"00"}}"#) != nil)
        #expect(parseError(#"{"$binary":{"subType":"00"}}"#) != nil)
    }

    @Test func documentFromTextRequiresAnObject() {
        #expect(throws: JSONParseError.self) { try ExtendedJSON.document(from: "[1]") }
        #expect(throws: JSONParseError.self) { try ExtendedJSON.document(from: #"{"$oid":"507f1f77bcf86cd799439011"}"#) }
    }

    @Test func nestingUpToOneHundredLevelsIsAccepted() throws {
        let objects = String(repeating: #"{"a":"#, count: 100) + "1" + String(repeating: "}", count: 100)
        #expect(try ExtendedJSON.document(from: objects).value(at: Array(repeating: "a", count: 100).joined(separator: ".")) == .int32(1))
        let arrays = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try parse(arrays) }
    }

    @Test func nestingDeeperThanOneHundredIsRefused() throws {
        let objects = String(repeating: #"{"a":"#, count: 101) + "1" + String(repeating: "}", count: 101)
        let e1 = try #require(parseError(objects))
        #expect(e1.message.contains("nesting"))
        let mixed = String(repeating: #"[{"a":"#, count: 51) + "1" + String(repeating: "}]", count: 51)
        #expect(parseError(mixed)?.message.contains("nesting") == true)
        // Far deeper input fails the same way instead of exhausting the stack.
        let hostile = String(repeating: "[", count: 200_000)
        #expect(parseError(hostile)?.message.contains("nesting") == true)
    }
}

/// ISO-8601 dates without Foundation's formatters.
@Suite("ISODate")
struct ISODateTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (1, "1970-01-01T00:00:00.001Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (951_782_400_000, "2000-02-29T00:00:00Z"),
        (1_700_000_000_000, "2023-11-14T22:13:20Z"),
        (1_798_761_600_000, "2027-01-01T00:00:00Z"),
        (1_795_946_400_120, "2026-11-29T10:00:00.120Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        (-62_135_596_800_000, "0001-01-01T00:00:00Z"),
    ])
    func stringForKnownInstants(_ ms: Int64, _ text: String) {
        #expect(ISODate.string(fromMilliseconds: ms) == text)
        #expect(ISODate.milliseconds(from: text) == ms)
    }

    /// Dates go to the nearest millisecond, so a stored millisecond value survives the
    /// trip through `Date`'s binary floating point (flooring turned …123 ms into …122).
    @Test func stringFromDateRoundsToTheNearestMillisecond() {
        #expect(ISODate.string(from: Date(timeIntervalSince1970: 1.2349)) == "1970-01-01T00:00:01.235Z")
        #expect(ISODate.string(from: Date(timeIntervalSince1970: 1.2341)) == "1970-01-01T00:00:01.234Z")
        for ms: Int64 in [1_700_000_000_123, 1_795_946_400_001, 1, 999, 253_402_300_799_999] {
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            #expect(ISODate.milliseconds(from: ISODate.string(from: date)) == ms)
            #expect(BSONValue.date(date) == .datetime(ms))
        }
    }

    @Test func parsesUTCAndOffsets() {
        let utc: Int64 = 1_795_946_400_000 // 2026-11-29T10:00:00Z
        #expect(ISODate.milliseconds(from: "2026-11-29T10:00:00Z") == utc)
        #expect(ISODate.milliseconds(from: "2026-11-29T10:00:00") == utc)
        #expect(ISODate.milliseconds(from: "2026-11-29T10:00Z") == utc)
        #expect(ISODate.milliseconds(from: "2026-11-29 10:00") == utc)
        #expect(ISODate.milliseconds(from: "2026-11-29T12:00:00+02:00") == utc)
        #expect(ISODate.milliseconds(from: "2026-11-29T12:00:00+0200") == utc)
        #expect(ISODate.milliseconds(from: "2026-11-29T12:00+02") == utc)
        #expect(ISODate.milliseconds(from: "2026-11-29T05:30:00-04:30") == utc)
        #expect(ISODate.milliseconds(from: "2026-11-30T00:00:00+14:00") == utc)
    }

    @Test func parsesFractionalSeconds() {
        let base: Int64 = 1_795_946_400_000
        #expect(ISODate.milliseconds(from: "2026-11-29T10:00:00.5Z") == base + 500)
        #expect(ISODate.milliseconds(from: "2026-11-29T10:00:00.05Z") == base + 50)
        #expect(ISODate.milliseconds(from: "2026-11-29T10:00:00.123Z") == base + 123)
        #expect(ISODate.milliseconds(from: "2026-11-29T10:00:00.123987Z") == base + 123)
        #expect(ISODate.milliseconds(from: "2026-11-29T12:00:00.250+02:00") == base + 250)
    }

    @Test func parsesDateOnlyAsMidnightUTC() {
        #expect(ISODate.milliseconds(from: "2026-11-29") == 1_795_910_400_000)
        #expect(ISODate.date(from: "2026-11-29") == Date(timeIntervalSince1970: 1_795_910_400))
        #expect(ISODate.milliseconds(from: "1969-12-31") == -86_400_000)
        #expect(ISODate.milliseconds(from: "2024-02-29") != nil)
    }

    @Test(arguments: [
        "2026-13-01", "2026-00-10", "2026-11-00", "2026-11-32", "2026-02-30", "2026-02-29", "2025-04-31",
        "2100-02-29", "2026-11-29T24:00:00Z", "2026-11-29T10:60:00Z", "2026-11-29T10:00:61Z",
        "2026-11-29T10:00:00.Z", "2026-11-29T10Z", "2026-11-29X", "2026-11-29T10:00:00Zjunk",
        "2026-11-29T10:00:00+2", "26-11-29", "2026/11/29", "", "yesterday", "2026-1-29",
    ])
    func invalidDatesAreNil(_ text: String) {
        #expect(ISODate.milliseconds(from: text) == nil, "\(text) was accepted")
        #expect(ISODate.date(from: text) == nil)
    }

    @Test func everyDayOfSeveralYearsRoundTrips() {
        var ms: Int64 = ISODate.milliseconds(from: "1999-12-25T13:14:15.016Z")!
        for _ in 0..<(366 * 3) {
            let text = ISODate.string(fromMilliseconds: ms)
            #expect(ISODate.milliseconds(from: text) == ms)
            ms += 86_400_000 + 1001
        }
    }
}
