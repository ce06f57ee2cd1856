/// The inline multi-line editor of the approval queue: the text as lines of
/// grapheme clusters, so the cursor never lands inside an emoji or an accented letter.
public struct TextEditor: Sendable, Equatable {
    public private(set) var lines: [[Character]]
    /// Line and column, in grapheme clusters.
    public private(set) var row = 0
    public private(set) var column = 0

    public init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    public mutating func insert(_ s: String) {
        for ch in s {
            if ch == "\n" || ch == "\r\n" {
                newline()
            } else if !(ch.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true) {
                lines[row].insert(ch, at: column)
                column += 1
            }
        }
    }

    public mutating func newline() {
        let rest = Array(lines[row][column...])
        lines[row].removeSubrange(column...)
        lines.insert(rest, at: row + 1)
        row += 1
        column = 0
    }

    public mutating func backspace() {
        if column > 0 {
            lines[row].remove(at: column - 1)
            column -= 1
        } else if row > 0 {
            column = lines[row - 1].count
            lines[row - 1] += lines[row]
            lines.remove(at: row)
            row -= 1
        }
    }

    public mutating func deleteForward() {
        if column < lines[row].count {
            lines[row].remove(at: column)
        } else if row + 1 < lines.count {
            lines[row] += lines[row + 1]
            lines.remove(at: row + 1)
        }
    }

    public mutating func left() {
        if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
    }

    public mutating func right() {
        if column < lines[row].count { column += 1 } else if row + 1 < lines.count { row += 1; column = 0 }
    }

    public mutating func up() {
        guard row > 0 else { column = 0; return }
        row -= 1
        column = min(column, lines[row].count)
    }

    public mutating func down() {
        guard row + 1 < lines.count else { column = lines[row].count; return }
        row += 1
        column = min(column, lines[row].count)
    }

    public mutating func home() { column = 0 }
    public mutating func end() { column = lines[row].count }
}
