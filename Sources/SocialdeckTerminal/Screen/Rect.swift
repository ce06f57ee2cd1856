/// A rectangle of cells; width and height are never negative.
public struct Rect: Sendable, Hashable {
    public let x: Int
    public let y: Int
    public let width: Int
    public let height: Int

    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The cells both rectangles cover (empty, at the origin of `self`, when none).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks each side by the margins; collapses to empty rather than going negative.
    public func inset(horizontal: Int = 0, vertical: Int = 0) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    public func inset(by margin: Int) -> Rect {
        inset(horizontal: margin, vertical: margin)
    }

    // MARK: - Layout

    /// How much of the split length one part takes.
    public enum Constraint: Sendable, Hashable {
        /// Exactly this many cells, if there is room.
        case fixed(Int)
        /// This share (0–1) of the whole length, rounded down.
        case fraction(Double)
        /// An equal share of what the fixed and fractional parts leave.
        case fill
    }

    /// Splits into rows stacked top to bottom.
    public func rows(_ constraints: [Constraint]) -> [Rect] {
        Rect.lengths(of: height, constraints).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    /// Splits into columns side by side, left to right.
    public func columns(_ constraints: [Constraint]) -> [Rect] {
        Rect.lengths(of: width, constraints).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }

    /// Fixed and fractional parts take their size in order, each clipped to what is left,
    /// so later parts shrink first when space runs out; fills share the rest, the earlier
    /// ones taking any remainder cell.
    private static func lengths(of total: Int, _ constraints: [Constraint]) -> [(offset: Int, length: Int)] {
        var remaining = total
        var lengths = constraints.map { constraint -> Int? in
            switch constraint {
            case .fixed(let cells):
                return max(0, cells)
            case .fraction(let share):
                let clamped = share.isFinite ? min(max(share, 0), 1) : 0
                return Int((Double(total) * clamped).rounded(.down))
            case .fill:
                return nil
            }
        }
        for index in lengths.indices {
            guard let wanted = lengths[index] else { continue }
            lengths[index] = min(wanted, remaining)
            remaining -= lengths[index]!
        }
        let fills = lengths.indices.filter { lengths[$0] == nil }
        for (order, index) in fills.enumerated() {
            lengths[index] = remaining / fills.count + (order < remaining % fills.count ? 1 : 0)
        }
        var offset = 0
        return lengths.map { length in
            defer { offset += length! }
            return (offset, length!)
        }
    }
}
