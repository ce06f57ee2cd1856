/// A horizontal run of consecutive cells that changed between two frames.
public struct CellRun: Sendable, Hashable {
    public let x: Int
    public let y: Int
    public let cells: [Cell]

    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

extension CellBuffer {
    /// The runs of cells that differ from `previous`, row by row, left to right.
    ///
    /// When the sizes differ, nothing on screen can be trusted, so every row is one run.
    /// A run cannot start on the right half of a wide grapheme: that half only changes
    /// when its left half does.
    public func diff(from previous: CellBuffer) -> [CellRun] {
        guard previous.width == width, previous.height == height else {
            return (0..<height).map { y in
                CellRun(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)]))
            }
        }
        var runs: [CellRun] = []
        for y in 0..<height {
            let rowStart = y * width
            var x = 0
            while x < width {
                guard cells[rowStart + x] != previous.cells[rowStart + x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < width && cells[rowStart + x] != previous.cells[rowStart + x] { x += 1 }
                runs.append(CellRun(x: start, y: y, cells: Array(cells[(rowStart + start)..<(rowStart + x)])))
            }
        }
        return runs
    }
}
