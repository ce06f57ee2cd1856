/// A grid of braille cells addressed dot by dot: each cell of the U+2800 block holds
/// 2 columns × 4 rows of dots, so a chart gets twice the horizontal and four times the
/// vertical resolution of the cells it covers.
///
/// Dots are either solid or faint (a forecast, say); a cell is drawn faint only when
/// every dot in it is faint.
struct BrailleCanvas {
    /// Size in cells.
    let columns: Int
    let rows: Int
    private var bits: [UInt8]
    private var solid: [Bool]

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// The bit of each dot, by dot column (0, 1) and dot row (0…3) within a cell.
    static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        solid = Array(repeating: false, count: self.columns * self.rows)
    }

    /// Sets the dot at (x, y), counted from the top left; dots outside are ignored.
    mutating func set(x: Int, y: Int, faint: Bool = false) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y / 4) * columns + x / 2
        bits[index] |= Self.dotBits[x % 2][y % 4]
        if !faint { solid[index] = true }
    }

    /// Sets the dots along a straight line between two dots, both ends included;
    /// `dotted` sets every other one.
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), dotted: Bool = false, faint: Bool = false) {
        let dx = end.x - start.x
        let dy = end.y - start.y
        let steps = max(abs(dx), abs(dy))
        guard steps > 0 else {
            set(x: start.x, y: start.y, faint: faint)
            return
        }
        for step in 0...steps where !dotted || step % 2 == 0 {
            let x = start.x + Int((Double(dx * step) / Double(steps)).rounded())
            let y = start.y + Int((Double(dy * step) / Double(steps)).rounded())
            set(x: x, y: y, faint: faint)
        }
    }

    /// The braille character of a cell and whether it is faint; nil when no dot is set.
    func cell(column: Int, row: Int) -> (character: Character, faint: Bool)? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        let index = row * columns + column
        guard bits[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[index])) else { return nil }
        return (Character(scalar), !solid[index])
    }

    /// Draws the set cells with their top left at (x, y); empty cells are left alone.
    func draw(x: Int, y: Int, into buffer: inout CellBuffer, style: Style, faintStyle: Style) {
        for row in 0..<rows {
            for column in 0..<columns {
                guard let (character, faint) = cell(column: column, row: row) else { continue }
                buffer.put(String(character), x: x + column, y: y + row, style: faint ? faintStyle : style)
            }
        }
    }
}
