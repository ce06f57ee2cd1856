/// One terminal cell: a grapheme cluster and its style.
///
/// A wide (two-column) grapheme occupies its own cell and the one to its right, which is
/// a continuation cell: it holds no grapheme of its own and is never drawn.
public struct Cell: Sendable, Hashable {
    public private(set) var grapheme: Character
    public var style: Style
    public private(set) var isContinuation: Bool
    /// Columns the grapheme covers: 1 or 2, and 0 for a continuation cell.
    public private(set) var width: Int

    /// A cell holding `grapheme`, which should be printable and one or two columns wide;
    /// `CellBuffer.put` builds cells from untrusted text safely.
    public init(_ grapheme: Character = " ", style: Style = .plain) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = false
        self.width = max(1, DisplayWidth.of(grapheme))
    }

    /// The right half of a wide grapheme.
    static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        cell.width = 0
        return cell
    }

    /// A space in the terminal's default style.
    public static let blank = Cell()
}
