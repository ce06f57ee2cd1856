@testable import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// Text shortened and wrapped at word boundaries (issue #10, item 14).
@Suite("Text layout")
struct TextLayoutTests {
    @Test("A line too long shortens after a whole word, with an ellipsis and no dangling separator")
    func fitWords() {
        let facts = "Acme Coffee Roasters · 陈 Rossi (manager) · SQLite /tmp/data/socialdeck.sqlite"
        #expect(PaneDrawing.fitWords(facts, 200) == facts)
        #expect(PaneDrawing.fitWords(facts, 33) == "Acme Coffee Roasters · 陈 Rossi…")
        #expect(PaneDrawing.fitWords(facts, 25) == "Acme Coffee Roasters…")
        #expect(PaneDrawing.fitWords(facts, 12) == "Acme Coffee…")
        #expect(PaneDrawing.fitWords("Supercalifragilistic", 8) == "Superca…")
        #expect(PaneDrawing.fitWords("Sale\u{1B}[2J now and later", 14) == "Sale␛[2J now…")
        for width in 0...90 { #expect(DisplayWidth.of(PaneDrawing.fitWords(facts, width)) <= width, "\(width)") }
    }

    private func rows(_ text: String, width: Int) -> [String] {
        TextEditorView.rows(TextEditor(text: text), width: width).map { $0.units.map(\.text).joined() }
    }

    @Test("The editor wraps between words; a space at the edge hangs there; a long word breaks where it must")
    func editorWrapsWords() {
        #expect(rows("We cannot say enough about it", width: 12) == ["We cannot ", "say enough ", "about it"])
        #expect(rows("enough about", width: 6) == ["enough ", "about"])
        #expect(rows("a verylongword b", width: 5) == ["a ", "veryl", "ongwo", "rd b"])
        #expect(rows("one two\nthree", width: 20) == ["one two", "three"])
    }

    @Test("The cursor on a space at the edge starts the next row with it, so it is seen")
    func cursorOnTheEdgeSpace() {
        var editor = TextEditor(text: "enough about")
        editor.home()
        for _ in 0..<6 { editor.right() }
        let wrapped = TextEditorView.rows(editor, width: 6)
        #expect(wrapped.map { $0.units.map(\.text).joined() } == ["enough", " about"])
        #expect(wrapped[1].cursor == 0)
        var buffer = CellBuffer(width: 6, height: 2)
        TextEditorView.draw(editor, in: buffer.bounds, style: .plain, into: &buffer)
        #expect(buffer.text() == "enough\n about")
        #expect(buffer.cell(x: 0, y: 1)?.style.attributes.contains(.reverse) == true)
    }
}
