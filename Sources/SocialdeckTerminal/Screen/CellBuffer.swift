/// A grid of cells that panes draw into; a `ScreenBackend` presents it.
///
/// Every operation clips to the grid, so any size from 0×0 up and any coordinates are
/// safe. Wide graphemes are kept whole: writing over either half of one turns the other
/// half into a space.
public struct CellBuffer: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]
    /// Click targets in drawing order; a later region wins where regions overlap, as
    /// later drawing covers earlier drawing.
    public private(set) var clickRegions: [ClickRegion] = []

    /// Far beyond any real terminal; keeps absurd sizes from exhausting memory.
    public static let maximumDimension = 4096

    /// A buffer of blanks; negative sizes become 0 and sizes beyond `maximumDimension`
    /// are clamped to it.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = min(max(0, width), Self.maximumDimension)
        self.height = min(max(0, height), Self.maximumDimension)
        self.cells = Array(repeating: Cell(style: style), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(width: width, height: height) }

    /// The cell at (x, y), or nil outside the buffer.
    public func cell(x: Int, y: Int) -> Cell? {
        bounds.contains(x: x, y: y) ? cells[y * width + x] : nil
    }

    /// Writes `text` from (x, y) rightwards on one row and returns the column after it.
    ///
    /// The text is sanitized first (line breaks flattened to "⏎"). Writing stops at the
    /// buffer's edge or after `maxWidth` columns; a wide grapheme that would cross that
    /// limit, or the left edge, leaves spaces instead of half a character.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        var limit = width
        if let maxWidth {
            let (end, overflow) = x.addingReportingOverflow(max(0, maxWidth))
            if !overflow { limit = min(limit, end) }
        }
        var column = x
        for character in TerminalText.sanitize(text, whitespace: .flattened) {
            guard column < limit else { break }
            let characterWidth = DisplayWidth.of(character)
            guard characterWidth > 0 else { continue }
            let end = column + characterWidth
            if column >= 0 && end <= limit {
                write(Cell(character, style: style), x: column, y: y)
            } else {
                for blank in max(0, column)..<max(0, min(end, limit)) {
                    write(Cell(style: style), x: blank, y: y)
                }
            }
            column = min(end, limit)
        }
        return column
    }

    /// Blanks every cell of `rect` (clipped to the buffer) with `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                write(Cell(style: style), x: x, y: y)
            }
        }
    }

    /// Draws a single-line border along the edges of `rect`, with an optional title in
    /// the top edge ("┌ Title ───┐"), truncated with "…" when the box is too narrow.
    /// Rectangles narrower or shorter than 2 cells get no border.
    public mutating func drawBox(_ rect: Rect, style: Style = .plain, title: String? = nil, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        // A title needs the corner, a space on each side and one column of its own.
        if let title, !title.isEmpty, rect.width >= 5 {
            let safeTitle = TerminalText.sanitize(title, whitespace: .flattened)
            let text = " " + DisplayWidth.truncate(safeTitle, toColumns: rect.width - 4, ellipsis: true) + " "
            put(text, x: rect.x + 1, y: rect.y, style: titleStyle ?? style, maxWidth: rect.width - 2)
        }
    }

    /// Records that a click inside `rect` (clipped to the buffer) means `target`.
    public mutating func mark(_ rect: Rect, as target: ClickTarget) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        clickRegions.append(ClickRegion(rect: area, target: target))
    }

    /// What a click at (x, y) means: the last region drawn there, if any.
    public func clickTarget(x: Int, y: Int) -> ClickTarget? {
        clickRegions.last { $0.rect.contains(x: x, y: y) }?.target
    }

    /// Sets every cell to a blank of `style`.
    public mutating func clear(style: Style = .plain) {
        cells = Array(repeating: Cell(style: style), count: cells.count)
        clickRegions = []
    }

    /// One row as plain text, wide graphemes counted once.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = ""
        for cell in cells[(y * width)..<((y + 1) * width)] where !cell.isContinuation {
            line.append(cell.grapheme)
        }
        return line
    }

    /// The whole buffer as plain text, one line per row, trailing spaces kept, for
    /// golden tests.
    public func text() -> String {
        (0..<height).map(line).joined(separator: "\n")
    }

    /// A copy with every style transformed; used to show a frame at a lower colour depth.
    func mapStyles(_ transform: (Style) -> Style) -> CellBuffer {
        var copy = self
        for index in copy.cells.indices {
            copy.cells[index].style = transform(copy.cells[index].style)
        }
        return copy
    }

    /// Stores `cell` at (x, y), which must be inside the buffer with room for its width.
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        detachWide(x: x, y: y)
        let index = y * width + x
        cells[index] = cell
        if cell.width == 2 {
            detachWide(x: x + 1, y: y)
            cells[index + 1] = .continuation(style: cell.style)
        }
    }

    /// Before (x, y) is overwritten: the other half of a wide grapheme there becomes a space.
    private mutating func detachWide(x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(style: cells[index - 1].style)
        } else if cells[index].width == 2, x + 1 < width {
            cells[index + 1] = Cell(style: cells[index + 1].style)
        }
    }
}
