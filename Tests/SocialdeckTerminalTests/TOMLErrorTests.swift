import SocialdeckTerminal
import Testing

@Suite("TOML errors")
struct TOMLErrorTests {
    /// Parses `text`, which must fail, and returns the error.
    func failure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TOMLError? {
        do {
            let doc = try TOMLDocument(parsing: text)
            Issue.record("expected an error, parsed \(doc.root.keys)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    func expectError(_ text: String, line: Int, column: Int, _ fragment: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = failure(text, sourceLocation: sourceLocation) else { return }
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.column == column, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(fragment), "\(error.message)", sourceLocation: sourceLocation)
    }

    @Test func descriptionIsLineThenMessage() {
        let error = failure("a = 1\n\n\n\n\n\n\n\n\n\n\nname \"x\"")
        #expect(error?.description == "line 12: expected '=' after the key, found '\"'")
    }

    @Test func missingEquals() {
        expectError("theme", line: 1, column: 6, "expected '=' after the key")
        expectError("a = 1\nb 2", line: 2, column: 3, "expected '=' after the key")
    }

    @Test func missingValueAndMissingKey() {
        expectError("a =", line: 1, column: 4, "expected a value after '='")
        expectError("a = # nothing", line: 1, column: 5, "expected a value before the comment")
        expectError("= 1", line: 1, column: 1, "expected a key before '='")
        expectError("a.=1", line: 1, column: 3, "expected a key")
    }

    @Test func unquotedStringSuggestsQuotes() {
        expectError("theme = light", line: 1, column: 9, "a string needs quotes, as in \"light\"")
    }

    @Test func duplicateKeysNameTheFirstLine() {
        expectError("a = 1\nb = 2\na = 3", line: 3, column: 1, "duplicate key 'a' (first set on line 1)")
        expectError("[ui]\nmouse = true\nmouse = false", line: 3, column: 1, "duplicate key 'ui.mouse' (first set on line 2)")
        expectError("x = { a = 1, a = 2 }", line: 1, column: 14, "duplicate key 'a'")
        expectError("a.b = 1\na.b = 2", line: 2, column: 3, "duplicate key 'a.b' (first set on line 1)")
    }

    @Test func duplicateTables() {
        expectError("[keys]\na = 1\n[keys]\nb = 2", line: 3, column: 1, "table [keys] is defined twice (first on line 1)")
        expectError("a.b = 1\n[a]", line: 2, column: 1, "table [a] was already defined by dotted keys on line 1")
        expectError("a = 1\n[a]", line: 2, column: 2, "'a' is already a value (line 1)")
        expectError("a = { b = 1 }\n[a.c]", line: 2, column: 2, "'a' is an inline table (line 1) and cannot be extended")
        expectError("a = { b = 1 }\na.c = 2", line: 2, column: 1, "'a' is an inline table")
        expectError("[a.b]\n[a]\nb.c = 1", line: 3, column: 1, "'a.b' is a [table] defined on line 1")
    }

    @Test func unsupportedTOMLIsRefusedClearly() {
        expectError("[[posts]]\nx = 1", line: 1, column: 1, "arrays of tables ('[[...]]') are not supported")
        expectError("when = 1979-05-27", line: 1, column: 8, "dates and times are not supported")
        expectError("when = 07:32:00", line: 1, column: 8, "dates and times are not supported")
        expectError("when = 1979-05-27T07:32:00Z", line: 1, column: 8, "dates and times are not supported")
        expectError("s = \"\"\"\nmulti\n\"\"\"", line: 1, column: 5, "multi-line strings")
        expectError("s = '''x'''", line: 1, column: 5, "multi-line literal strings")
    }

    @Test func badStrings() {
        expectError("s = \"open", line: 1, column: 5, "unterminated string")
        expectError("s = \"open\nt = 1", line: 1, column: 10, "a string cannot span lines")
        expectError("s = 'open\n", line: 1, column: 10, "a string cannot span lines")
        expectError(#"s = "\q""#, line: 1, column: 6, "unknown escape '\\q'")
        expectError(#"s = "\u12""#, line: 1, column: 6, "\\u needs 4 hexadecimal digits")
        expectError(#"s = "\uD800""#, line: 1, column: 6, "is not a Unicode scalar value")
        expectError("s = \"bell\u{7}\"", line: 1, column: 10, "control character U+0007 in a string")
    }

    @Test func badNumbers() {
        expectError("n = 007", line: 1, column: 5, "leading zeros are not allowed")
        expectError("n = 1__0", line: 1, column: 5, "'1__0' is not a valid number")
        expectError("n = _1", line: 1, column: 5, "a string needs quotes")
        expectError("n = 1_", line: 1, column: 5, "is not a valid number")
        expectError("n = 1.", line: 1, column: 5, "is not a valid number")
        expectError("n = .5", line: 1, column: 5, "is not a valid number")
        expectError("n = 1e", line: 1, column: 5, "is not a valid number")
        expectError("n = 9223372036854775808", line: 1, column: 5, "out of the 64-bit integer range")
        expectError("n = -0x10", line: 1, column: 5, "a sign is not allowed")
        expectError("n = 0xfg", line: 1, column: 5, "is not a valid number")
        expectError("n = 1e999", line: 1, column: 5, "out of the float range")
    }

    @Test func badArraysAndInlineTables() {
        expectError("a = [1 2]", line: 1, column: 8, "expected ',' or ']' after an array element, found '2'")
        expectError("a = [1,\n2,\n", line: 3, column: 1, "the array opened on line 1 is never closed")
        expectError("a = [,]", line: 1, column: 6, "expected a value before ','")
        expectError("t = { a = 1, }", line: 1, column: 14, "a trailing comma is not allowed in an inline table")
        expectError("t = { a = 1\n}", line: 1, column: 12, "an inline table must be on one line")
        expectError("t = { a = 1 b = 2 }", line: 1, column: 13, "expected ',' or '}' in the inline table, found 'b'")
    }

    @Test func garbageAfterValuesAndHeaders() {
        expectError("a = 1 2", line: 1, column: 7, "expected the end of the line after the value, found '2'")
        expectError("[ui] theme = \"x\"", line: 1, column: 6, "expected the end of the line after the table header")
        expectError("[ui", line: 1, column: 4, "expected ']' to close the table header")
        expectError("a = \"x\" \"y\"", line: 1, column: 9, "expected the end of the line")
        expectError("a b = 1", line: 1, column: 3, "expected '=' after the key, found 'b'")
    }

    @Test func bareCarriageReturnAndControlCharacters() {
        expectError("a = 1\rb = 2", line: 1, column: 6, "a carriage return must be followed by a line feed")
        expectError("# bell \u{7}\na = 1", line: 1, column: 8, "control character U+0007 in a comment")
    }

    @Test func errorsAfterCRLFAndBOMCountLinesAndColumnsRight() {
        expectError("\u{FEFF}a = 1\r\nb = 2\r\nc =\r\n", line: 3, column: 4, "expected a value after '='")
        expectError("\ta = 1\n\t\tb", line: 2, column: 4, "expected '=' after the key")
    }

    @Test func invalidUTF8IsRefusedWithItsLine() {
        let bytes = Array("a = 1\nb = \"".utf8) + [0xFF, 0x22]
        #expect(throws: TOMLError(line: 2, column: 6, message: "the file is not valid UTF-8")) {
            try TOMLDocument(parsing: bytes)
        }
    }

    @Test func oversizedInputIsRefused() {
        let big = String(repeating: "#", count: TOMLDocument.maximumSize + 1)
        expectError(big, line: 1, column: 1, "larger than 1 MiB")
        #expect(throws: TOMLError.self) { try TOMLDocument(parsing: Array(big.utf8)) }
    }

    @Test func nestingBeyondTheLimitIsRefused() {
        let depth = TOMLDocument.maximumDepth + 1
        expectError("a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth),
                    line: 1, column: 5 + TOMLDocument.maximumDepth, "values nest more than 32 levels deep")
        let tables = "a = " + String(repeating: "{ b = ", count: 40) + "1" + String(repeating: " }", count: 40)
        expectError(tables, line: 1, column: 5 + 6 * 32, "values nest more than 32 levels deep")
        let header = "[" + (0...TOMLDocument.maximumDepth).map { "k\($0)" }.joined(separator: ".") + "]"
        expectError(header, line: 1, column: 2 + 3 * 10 + 4 * 22, "the key has more than 32 parts")
    }
}
