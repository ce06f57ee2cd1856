/// The rows of a list a view has room for, around the cursor, and a line for each side
/// the list is cut on ("↑ 3 more", "↓ 12 more"), so a cut list never looks complete.
///
/// The cursor stays near the middle as `PaneDrawing.scrollOffset` keeps it; the lines
/// take rows from the items, and only when the list does not fit. Below three rows there
/// is no room for them and the window just scrolls.
struct ListWindow: Equatable {
    /// The first item shown, and how many are shown.
    var first: Int
    var shown: Int
    /// Items left out above and below the shown ones.
    var above: Int
    var below: Int
    /// Whether the first and the last row carry the "more" lines.
    var marksAbove: Bool
    var marksBelow: Bool

    var items: Range<Int> { first..<(first + shown) }

    /// The row, counted from the list's top, that shows item `index`.
    func row(of index: Int) -> Int { (marksAbove ? 1 : 0) + index - first }

    init(cursor: Int, count: Int, rows: Int) {
        let count = max(0, count), rows = max(0, rows)
        let cursor = min(max(0, cursor), max(0, count - 1))
        let chosen: (first: Int, shown: Int, above: Bool, below: Bool)
        if count <= rows {
            chosen = (0, count, false, false)
        } else if rows < 3 {
            chosen = (PaneDrawing.scrollOffset(cursor: cursor, count: count, visible: rows), rows, false, false)
        } else {
            let one = rows - 1
            let top = PaneDrawing.scrollOffset(cursor: cursor, count: count, visible: one)
            if top == 0 {
                chosen = (0, one, false, true)
            } else if top + one >= count {
                chosen = (count - one, one, true, false)
            } else {
                let two = rows - 2
                var first = PaneDrawing.scrollOffset(cursor: cursor, count: count, visible: two)
                first = min(max(first, cursor - two + 1), cursor)
                first = min(max(1, first), count - two - 1)
                chosen = (first, two, true, true)
            }
        }
        first = chosen.first
        shown = chosen.shown
        above = chosen.first
        below = count - chosen.first - chosen.shown
        marksAbove = chosen.above
        marksBelow = chosen.below
    }

    /// Draws the "more" lines in the first and last rows of `area`, dimmed.
    func drawMarks(in area: Rect, style: Style, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        if marksAbove { put("↑ \(Figures.integer(above)) more", y: area.y, in: area, style: style, into: &buffer) }
        if marksBelow { put("↓ \(Figures.integer(below)) more", y: area.maxY - 1, in: area, style: style, into: &buffer) }
    }

    private func put(_ text: String, y: Int, in area: Rect, style: Style, into buffer: inout CellBuffer) {
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
        buffer.put(PaneDrawing.fit(text, area.width - 2), x: area.x + min(2, area.width), y: y, style: style,
                   maxWidth: max(0, area.width - 2))
    }
}
