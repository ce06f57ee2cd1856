import SocialdeckTerminal
import Testing

@Suite("Cell buffer")
struct CellBufferTests {
    private let red = Style(foreground: .ansi(.red))

    @Test("Text is written cell by cell and put returns the next column")
    func putASCII() {
        var buffer = CellBuffer(width: 6, height: 2)
        let end = buffer.put("abc", x: 1, y: 1, style: red)
        #expect(end == 4)
        #expect(buffer.text() == "      \n abc  ")
        #expect(buffer.cell(x: 2, y: 1) == Cell("b", style: red))
        #expect(buffer.cell(x: 0, y: 1) == .blank)
    }

    @Test("A wide grapheme takes its cell and a continuation cell")
    func putWide() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.put("中😀a", x: 0, y: 0, style: red) == 5)
        #expect(buffer.text() == "中😀a ")
        #expect(buffer.cell(x: 0, y: 0)?.width == 2)
        #expect(buffer.cell(x: 1, y: 0)?.isContinuation == true)
        #expect(buffer.cell(x: 1, y: 0)?.style == red)
        #expect(buffer.cell(x: 2, y: 0)?.grapheme == "😀")
        #expect(buffer.cell(x: 4, y: 0)?.grapheme == "a")
    }

    @Test("A wide grapheme that would not fit in the last column becomes a space")
    func wideAtEdge() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.put("xxxxx", x: 0, y: 0)
        #expect(buffer.put("abcd中", x: 0, y: 0, style: red) == 5)
        #expect(buffer.text() == "abcd ")
        #expect(buffer.cell(x: 4, y: 0) == Cell(" ", style: red))
    }

    @Test("maxWidth clips like an edge, never half-drawing")
    func maxWidth() {
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.put("........", x: 0, y: 0)
        #expect(buffer.put("中文字", x: 1, y: 0, maxWidth: 3) == 4)
        #expect(buffer.text() == ".中 ....")
        #expect(buffer.put("abc", x: 0, y: 0, maxWidth: 0) == 0)
        #expect(buffer.put("abc", x: 7, y: 0, maxWidth: Int.max) == 8)
        #expect(buffer.text() == ".中 ...a")
    }

    @Test("Text starting left of the buffer is clipped")
    func negativeX() {
        var buffer = CellBuffer(width: 4, height: 1)
        #expect(buffer.put("中ab", x: -1, y: 0) == 3)
        #expect(buffer.text() == " ab ")
        buffer.put("zzzzzz", x: -4, y: 0)
        #expect(buffer.text() == "zzb ")
        buffer.put("far", x: Int.min, y: 0, maxWidth: 10)
        #expect(buffer.text() == "zzb ")
    }

    @Test("Rows and columns outside the buffer are ignored")
    func outside() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.put("abc", x: 0, y: 1)
        buffer.put("abc", x: 0, y: -1)
        buffer.put("abc", x: 3, y: 0)
        buffer.put("abc", x: Int.max, y: 0)
        #expect(buffer.text() == "   ")
        #expect(buffer.cell(x: 3, y: 0) == nil)
        #expect(buffer.cell(x: -1, y: 0) == nil)
    }

    @Test("Overwriting half of a wide grapheme blanks the other half")
    func overwriteWide() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("中文", x: 0, y: 0, style: red)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.text() == " x文")
        #expect(buffer.cell(x: 0, y: 0) == Cell(" ", style: red))
        buffer.put("y", x: 2, y: 0)
        #expect(buffer.text() == " xy ")
        buffer.put("中文", x: 0, y: 0)
        buffer.put("字", x: 1, y: 0)
        #expect(buffer.text() == " 字 ")
        #expect(buffer.cell(x: 3, y: 0)?.isContinuation == false)
    }

    @Test("Text is sanitized before it reaches a cell")
    func sanitized() {
        var buffer = CellBuffer(width: 12, height: 1)
        buffer.put("a\u{1B}[2Jb\nc\u{9B}", x: 0, y: 0)
        #expect(buffer.text() == "a␛[2Jb⏎c␛[  ")
        let controls = buffer.cells.flatMap { Array($0.grapheme.unicodeScalars) }.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty)
    }

    @Test("A combining mark standing alone is dropped, one on its base stays; invisible characters are shown")
    func zeroWidth() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("\u{0301}e\u{0301}\u{200B}x", x: 0, y: 0)
        #expect(buffer.cell(x: 0, y: 0)?.grapheme == "e\u{0301}")
        #expect(buffer.text() == "e\u{0301}⟨ZWSP⟩x  ")
    }

    @Test("A prepended format character cannot swallow the character after it")
    func prependedFormatCharacter() {
        var buffer = CellBuffer(width: 12, height: 1)
        buffer.put("\u{0600}1 and 2", x: 0, y: 0)
        #expect(buffer.text() == "⟨U+0600⟩1 an")
    }

    @Test("Emoji sequences occupy two cells")
    func emojiSequences() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("👩\u{200D}💻🇯🇵1\u{FE0F}\u{20E3}☀\u{FE0F}|", x: 0, y: 0)
        #expect(buffer.cell(x: 8, y: 0)?.grapheme == "|")
        #expect(buffer.cells.filter(\.isContinuation).count == 4)
    }

    @Test("fill blanks a clipped rectangle and splits no wide grapheme")
    func fill() {
        var buffer = CellBuffer(width: 6, height: 3)
        for y in 0..<3 { buffer.put("中文字", x: 0, y: y) }
        let blue = Style(background: .ansi(.blue))
        buffer.fill(Rect(x: 1, y: 1, width: 2, height: 10), style: blue)
        #expect(buffer.text() == "中文字\n    字\n    字")
        #expect(buffer.cell(x: 0, y: 1) == .blank)
        #expect(buffer.cell(x: 1, y: 2)?.style == blue)
        #expect(buffer.cell(x: 3, y: 2) == .blank)
        buffer.fill(Rect(x: -5, y: -5, width: 100, height: 100), style: blue)
        #expect(buffer.cells.allSatisfy { $0 == Cell(style: blue) })
        buffer.clear()
        #expect(buffer == CellBuffer(width: 6, height: 3))
    }

    @Test("text() keeps trailing spaces and counts wide graphemes once")
    func text() {
        var buffer = CellBuffer(width: 5, height: 2)
        buffer.put("中", x: 1, y: 1)
        #expect(buffer.text() == "     \n 中  ")
        #expect(buffer.line(1) == " 中  ")
        #expect(buffer.line(2) == "")
    }

    @Test("Boxes with titles")
    func box() {
        var buffer = CellBuffer(width: 12, height: 4)
        buffer.drawBox(Rect(x: 0, y: 0, width: 12, height: 4), title: "Post 中文字")
        #expect(buffer.text() == """
            ┌ Post 中… ┐
            │          │
            │          │
            └──────────┘
            """)
        var tiny = CellBuffer(width: 3, height: 3)
        tiny.drawBox(Rect(x: 0, y: 0, width: 1, height: 3))
        tiny.drawBox(Rect(x: 1, y: 1, width: 2, height: 2), title: "x")
        #expect(tiny.text() == "   \n ┌┐\n └┘")
    }

    @Test("Every operation is safe on tiny and empty buffers", arguments: [
        (0, 0), (1, 1), (0, 5), (5, 0), (1, 3), (2, 1), (-4, -4),
    ])
    func tinySizes(width: Int, height: Int) {
        var buffer = CellBuffer(width: width, height: height)
        #expect(buffer.width == max(0, width) && buffer.height == max(0, height))
        for y in -1...2 {
            for x in -2...2 {
                buffer.put("中😀a\u{1B}b", x: x, y: y, maxWidth: 3)
                buffer.fill(Rect(x: x, y: y, width: 2, height: 2), style: red)
            }
        }
        buffer.drawBox(buffer.bounds, title: "title")
        buffer.drawBox(Rect(x: -1, y: -1, width: 4, height: 4))
        _ = buffer.text()
        _ = buffer.diff(from: CellBuffer(width: 3, height: 3))
        _ = buffer.diff(from: buffer)
        for y in 0..<buffer.height {
            #expect(DisplayWidth.of(buffer.line(y)) == buffer.width)
        }
        #expect(buffer.cells.count == buffer.width * buffer.height)
        if width == 1 && height == 1 {
            var one = CellBuffer(width: 1, height: 1)
            one.put("中", x: 0, y: 0)
            #expect(one.text() == " ")
        }
    }

    @Test("Absurd sizes are clamped")
    func hugeSize() {
        let buffer = CellBuffer(width: Int.max, height: 1)
        #expect(buffer.width == CellBuffer.maximumDimension)
        #expect(buffer.cells.count == CellBuffer.maximumDimension)
    }
}
