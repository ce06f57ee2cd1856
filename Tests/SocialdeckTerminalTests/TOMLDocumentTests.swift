import SocialdeckTerminal
import Testing

@Suite("TOML documents")
struct TOMLDocumentTests {
    func parse(_ text: String) throws -> TOMLDocument { try TOMLDocument(parsing: text) }

    @Test func commentsAndBlankLinesAreIgnored() throws {
        let doc = try parse("""
            # a comment
               # indented comment

            a = 1 # trailing comment
            b = "# not a comment"
            """)
        #expect(doc.root.keys == ["a", "b"])
        #expect(doc["a"] == .integer(1))
        #expect(doc["b"] == .string("# not a comment"))
    }

    @Test func tableHeadersAndDottedHeaders() throws {
        let doc = try parse("""
            top = true
            [keys]
            approve = "y"
            [keys.approvals]
            reject = "n"
            [ "ui" ]
            mouse = false
            """)
        #expect(doc["top"] == .boolean(true))
        #expect(doc.value(at: ["keys", "approve"]) == .string("y"))
        #expect(doc.value(at: ["keys", "approvals", "reject"]) == .string("n"))
        #expect(doc.value(at: ["ui", "mouse"]) == .boolean(false))
        #expect(doc.root.keys == ["top", "keys", "ui"])
        #expect(doc.root.entry("ui")?.valuePosition.line == 6)
    }

    @Test func implicitParentTableMayBeDefinedLater() throws {
        let doc = try parse("[a.b]\nx = 1\n[a]\ny = 2\n")
        #expect(doc.value(at: ["a", "b", "x"]) == .integer(1))
        #expect(doc.value(at: ["a", "y"]) == .integer(2))
    }

    @Test func subTablesMayExtendTablesMadeByDottedKeys() throws {
        // TOML 1.0's own example: [fruit.apple.texture] may follow apple.color.
        let doc = try parse("""
            [fruit]
            apple.color = "red"
            apple . taste . sweet = true
            [fruit.apple.texture]
            smooth = true
            """)
        #expect(doc.value(at: ["fruit", "apple", "color"]) == .string("red"))
        #expect(doc.value(at: ["fruit", "apple", "taste", "sweet"]) == .boolean(true))
        #expect(doc.value(at: ["fruit", "apple", "texture", "smooth"]) == .boolean(true))
    }

    @Test func arraysOfInlineTablesAndMixedValues() throws {
        let doc = try parse(#"styles = [{ fg = "red" }, { bg = 236, bold = false }, "plain", 1.5]"#)
        let items = try #require(doc["styles"]?.arrayValue)
        #expect(items.count == 4)
        #expect(items[0].tableValue?["fg"] == .string("red"))
        #expect(items[1].tableValue?["bg"] == .integer(236))
        #expect(items[1].tableValue?["bold"] == .boolean(false))
        #expect(items[2] == .string("plain"))
        #expect(items[3].kindDescription == "a float")
    }

    @Test func bareQuotedAndDottedKeys() throws {
        let doc = try parse("""
            bare_key-1 = 1
            "status.failed" = 2
            'literal key' = 3
            styles.header.bold = true
            "a b". c = 4
            "" = 5
            """)
        #expect(doc["bare_key-1"] == .integer(1))
        #expect(doc["status.failed"] == .integer(2))
        #expect(doc["literal key"] == .integer(3))
        #expect(doc.value(at: ["styles", "header", "bold"]) == .boolean(true))
        #expect(doc.value(at: ["a b", "c"]) == .integer(4))
        #expect(doc[""] == .integer(5))
    }

    @Test func basicStringEscapes() throws {
        let doc = try parse(#"s = "quote \" backslash \\ newline \n tab \t e \u00e9 snowman \u2603 emoji \U0001F600 bell \b""#)
        #expect(doc["s"] == .string("quote \" backslash \\ newline \n tab \t e é snowman ☃ emoji 😀 bell \u{8}"))
    }

    @Test func literalStringsKeepBackslashes() throws {
        let doc = try parse(#"path = 'C:\Users\ana\n'"#)
        #expect(doc["path"] == .string(#"C:\Users\ana\n"#))
    }

    @Test func integers() throws {
        let doc = try parse("""
            a = 42
            b = -17
            c = +3
            d = 1_000_000
            e = 0
            f = 0xff
            g = 0o17
            h = 0b1010
            i = 9223372036854775807
            j = -9223372036854775808
            """)
        #expect(doc["a"] == .integer(42))
        #expect(doc["b"] == .integer(-17))
        #expect(doc["c"] == .integer(3))
        #expect(doc["d"] == .integer(1_000_000))
        #expect(doc["e"] == .integer(0))
        #expect(doc["f"] == .integer(255))
        #expect(doc["g"] == .integer(15))
        #expect(doc["h"] == .integer(10))
        #expect(doc["i"] == .integer(.max))
        #expect(doc["j"] == .integer(.min))
    }

    @Test func floats() throws {
        let doc = try parse("""
            a = 1.5
            b = -0.25
            c = 5e3
            d = 6.626e-34
            e = 1_000.5
            f = inf
            g = -inf
            h = nan
            """)
        #expect(doc["a"] == .float(1.5))
        #expect(doc["b"] == .float(-0.25))
        #expect(doc["c"] == .float(5000))
        #expect(doc["d"] == .float(6.626e-34))
        #expect(doc["e"] == .float(1000.5))
        #expect(doc["f"] == .float(.infinity))
        #expect(doc["g"] == .float(-.infinity))
        #expect(doc["h"]?.doubleValue?.isNaN == true)
        #expect(doc["a"]?.integerValue == nil)
    }

    @Test func booleans() throws {
        let doc = try parse("yes = true\nno = false")
        #expect(doc["yes"]?.boolValue == true)
        #expect(doc["no"]?.boolValue == false)
    }

    @Test func singleLineArrays() throws {
        let doc = try parse(#"keys = ["q", "ctrl+c"]"# + "\nnums = [1, 2.5, -3]\nempty = []\nnested = [[1, 2], [\"a\"]]")
        #expect(doc["keys"] == .array([.string("q"), .string("ctrl+c")]))
        #expect(doc["nums"] == .array([.integer(1), .float(2.5), .integer(-3)]))
        #expect(doc["empty"] == .array([]))
        #expect(doc["nested"] == .array([.array([.integer(1), .integer(2)]), .array([.string("a")])]))
    }

    @Test func multiLineArraysWithCommentsAndTrailingComma() throws {
        let doc = try parse("""
            quit = [
              "q",       # the usual
              "ctrl+c",  # and the reflex
            ]
            after = 1
            """)
        #expect(doc["quit"] == .array([.string("q"), .string("ctrl+c")]))
        #expect(doc["after"] == .integer(1))
        let entry = try #require(doc.root.entry("quit"))
        #expect(entry.elementPositions.map(\.line) == [2, 3])
        #expect(entry.elementPositions.first?.column == 3)
    }

    @Test func inlineTables() throws {
        let doc = try parse(##"header = { fg = "#fff", bold = true, pad.x = 1 }"## + "\nempty = {}")
        let header = try #require(doc["header"]?.tableValue)
        #expect(header.keys == ["fg", "bold", "pad"])
        #expect(header["fg"] == .string("#fff"))
        #expect(header["bold"] == .boolean(true))
        #expect(header.value(at: ["pad", "x"]) == .integer(1))
        #expect(doc["empty"]?.tableValue?.isEmpty == true)
    }

    @Test func positionsOfKeysAndValues() throws {
        let doc = try parse("\n[ui]\n  theme   = \"light\"\n")
        let entry = try #require(doc["ui"]?.tableValue?.entry("theme"))
        #expect(entry.keyPosition == TOMLPosition(line: 3, column: 3))
        #expect(entry.valuePosition == TOMLPosition(line: 3, column: 13))
    }

    @Test func tabsAndCRLFLineEnds() throws {
        let doc = try parse("[ui]\r\n\ttheme\t=\t\"light\"\t# tabbed\r\n\tmouse = false\r\n")
        #expect(doc.value(at: ["ui", "theme"]) == .string("light"))
        #expect(doc.value(at: ["ui", "mouse"]) == .boolean(false))
        #expect(doc["ui"]?.tableValue?.entry("mouse")?.keyPosition == TOMLPosition(line: 3, column: 2))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let doc = try parse("\u{FEFF}a = 1\nb = 2")
        #expect(doc["a"] == .integer(1))
        #expect(doc.root.entry("a")?.keyPosition == TOMLPosition(line: 1, column: 1))
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("x = \"é\"\r\n".utf8)
        #expect(try TOMLDocument(parsing: bytes)["x"] == .string("é"))
    }

    @Test func emptyDocument() throws {
        #expect(try parse("").root.isEmpty)
        #expect(try parse("\n\n# only comments\n").root.isEmpty)
    }

    @Test func tabsInsideStringsAreKept() throws {
        #expect(try parse("s = \"a\tb\"")["s"] == .string("a\tb"))
    }

    @Test func sizeLimitIsExactlyOneMebibyte() throws {
        let line = "# " + String(repeating: "x", count: 1021) + "\n" // 1024 bytes
        let fits = String(repeating: line, count: 1024)
        #expect(fits.utf8.count == TOMLDocument.maximumSize)
        #expect(try parse(fits).root.isEmpty)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = TOMLDocument.maximumDepth
        let text = "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try #require(try parse(text)["a"])
        for _ in 1..<depth { value = try #require(value.arrayValue?.first) }
        #expect(value == .array([]))
    }
}
