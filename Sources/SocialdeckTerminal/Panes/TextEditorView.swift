import SocialdeckViewModels

/// Draws a ``TextEditor``: its lines soft-wrapped to the width, the cursor cell in
/// reverse, scrolled vertically so the cursor's row is always on screen.
enum TextEditorView {
    /// One grapheme as drawn: its sanitized text (an ESC is "␛") and the columns it takes.
    struct Unit: Equatable {
        var text: String
        var width: Int
    }

    /// A screen row of the wrapped text.
    struct Row: Equatable {
        var units: [Unit]
        /// Where the cursor sits on this row, in units (== units.count past the last one).
        var cursor: Int?
    }

    static func unit(_ character: Character) -> Unit {
        var text = TerminalText.sanitize(String(character), whitespace: .flattened)
        var width = DisplayWidth.of(text)
        if width == 0 {
            // A lone combining mark: shown on a dotted circle so it takes a cell.
            text = "◌" + text
            width = max(1, DisplayWidth.of(text))
        }
        return Unit(text: text, width: width)
    }

    /// The editor's lines wrapped at `width` columns, between words where a line has a
    /// space to break at (a word longer than the width breaks where it must), with the
    /// cursor placed on its row. A cursor at the end of a full row gets a row of its own.
    static func rows(_ editor: TextEditor, width: Int) -> [Row] {
        let width = max(1, width)
        var rows: [Row] = []
        for (lineIndex, line) in editor.lines.enumerated() {
            let units = line.map(unit)
            let isCursorLine = lineIndex == editor.row
            // Each row as the indices of its units; a row ends after its last space when
            // the next word does not fit.
            var wrapped: [[Int]] = [[]]
            var used = 0
            for (index, unit) in units.enumerated() {
                // A space past the edge hangs there, undrawn, as it does in a word processor:
                // the next row starts with the next word. Under the cursor it starts the
                // next row instead, so the cursor is seen.
                if unit.text == " " && used + unit.width > width && !wrapped[wrapped.count - 1].isEmpty
                    && !(isCursorLine && index == editor.column) {
                    wrapped[wrapped.count - 1].append(index)
                    used += unit.width
                    continue
                }
                if used + unit.width > width && !wrapped[wrapped.count - 1].isEmpty {
                    let current = wrapped[wrapped.count - 1]
                    let space = current.lastIndex { units[$0].text == " " }
                    if let space, space < current.count - 1 {
                        wrapped[wrapped.count - 1] = Array(current[...space])
                        wrapped.append(Array(current[(space + 1)...]))
                    } else {
                        wrapped.append([])
                    }
                    used = wrapped[wrapped.count - 1].reduce(0) { $0 + units[$1].width }
                }
                wrapped[wrapped.count - 1].append(index)
                used += unit.width
            }
            var lineRows = wrapped.map { Row(units: $0.map { units[$0] }, cursor: nil) }
            if isCursorLine {
                if let row = wrapped.firstIndex(where: { $0.contains(editor.column) }) {
                    lineRows[row].cursor = wrapped[row].firstIndex(of: editor.column)
                } else if used + 1 > width && !lineRows[lineRows.count - 1].units.isEmpty {
                    lineRows.append(Row(units: [], cursor: 0))
                } else {
                    lineRows[lineRows.count - 1].cursor = lineRows[lineRows.count - 1].units.count
                }
            }
            rows += lineRows
        }
        return rows
    }

    /// Draws the editor into `rect` with `style`, the cursor cell in `style` reversed
    /// (unless `cursor` is false: a field without the focus).
    static func draw(_ editor: TextEditor, in rect: Rect, style: Style, into buffer: inout CellBuffer, cursor: Bool = true) {
        buffer.fill(rect, style: style)
        guard !rect.isEmpty else { return }
        let rows = rows(editor, width: rect.width)
        let cursorRow = rows.firstIndex { $0.cursor != nil } ?? 0
        let top = max(0, cursorRow - (rect.height - 1))
        var cursorStyle = style
        if cursor { cursorStyle.attributes.insert(.reverse) }
        for (offset, row) in rows.dropFirst(top).prefix(rect.height).enumerated() {
            let y = rect.y + offset
            var x = rect.x
            for (index, unit) in row.units.enumerated() {
                x = buffer.put(unit.text, x: x, y: y, style: row.cursor == index ? cursorStyle : style,
                               maxWidth: rect.maxX - x)
            }
            if row.cursor == row.units.count, x < rect.maxX {
                buffer.put(" ", x: x, y: y, style: cursorStyle)
            }
        }
    }
}
