import Foundation
import SocialdeckTerminal
import SocialdeckTestSupport

/// The style half of a golden file: each cell's style as a one-character code, one row of
/// codes per screen row, under a legend that spells each code out as the style it stands
/// for. `.` is always the terminal's default; the other codes are handed out in reading
/// order, so the same frame always gives the same text.
///
///     legend
///     . plain
///     a fg=black bg=cyan bold
///     b fg=#cdd6f4 dim
///     rows 80x24
///     aaaaaaaaaaaaaaaa…
struct StyleLayer: Equatable {
    let width: Int
    /// Each cell's style spelled out, row by row.
    let rows: [[String]]

    static let plain = "plain"
    static let plainCode: Character = "."
    static let codes = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!$%&*+-/:;<=>?@^_~")

    init(_ buffer: CellBuffer) {
        width = buffer.width
        rows = (0..<buffer.height).map { y in
            (0..<buffer.width).map { x in buffer.cell(x: x, y: y).map { Self.describe($0.style) } ?? Self.plain }
        }
    }

    /// Reads what `encoded()` wrote.
    init(parsing text: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.first == "legend", let sizeLine = lines.firstIndex(where: { $0.hasPrefix("rows ") }) else {
            throw FixtureError("no \"legend\" line, or no \"rows WIDTHxHEIGHT\" line")
        }
        var legend: [Character: String] = [:]
        for line in lines[1..<sizeLine] {
            guard let code = line.first, line.dropFirst().first == " ", !line.dropFirst(2).isEmpty else {
                throw FixtureError("legend line \"\(line)\" is not a code, a space and a style")
            }
            legend[code] = String(line.dropFirst(2))
        }
        let size = lines[sizeLine].dropFirst("rows ".count).split(separator: "x").compactMap { Int($0) }
        let grid = lines[(sizeLine + 1)...]
        guard size.count == 2, grid.count == size[1] else {
            throw FixtureError("\"\(lines[sizeLine])\" does not match the \(grid.count) rows below it")
        }
        width = size[0]
        rows = try grid.enumerated().map { index, line in
            guard line.count == size[0] else { throw FixtureError("row \(index + 1) has \(line.count) codes, not \(size[0])") }
            return try line.map { code in
                guard let style = legend[code] else { throw FixtureError("row \(index + 1) uses \"\(code)\", which the legend lacks") }
                return style
            }
        }
    }

    /// The text of the layer: the legend (`. plain` always first), then the rows.
    func encoded() throws -> String {
        var codes: [String: Character] = [Self.plain: Self.plainCode]
        var legend = ["\(Self.plainCode) \(Self.plain)"]
        var unused = Self.codes[...]
        let grid = try rows.map { row in
            try String(row.map { style in
                if let code = codes[style] { return code }
                guard let code = unused.popFirst() else {
                    throw FixtureError("the frame has more than \(Self.codes.count + 1) styles, more than the layer has codes for")
                }
                codes[style] = code
                legend.append("\(code) \(style)")
                return code
            })
        }
        return (["legend"] + legend + ["rows \(width)x\(rows.count)"] + grid).joined(separator: "\n") + "\n"
    }

    /// The differing cells, a run of them a row, with both styles spelled out; nil when
    /// every cell matches.
    static func difference(expected: StyleLayer, actual: StyleLayer, name: String) -> String? {
        guard expected != actual else { return nil }
        var report = ["Golden styles \(name).styles differ (- expected, + actual):"]
        if expected.width != actual.width || expected.rows.count != actual.rows.count {
            report.append("- \(expected.width)x\(expected.rows.count) cells")
            report.append("+ \(actual.width)x\(actual.rows.count) cells")
        }
        var differing = 0
        for (index, (old, new)) in zip(expected.rows, actual.rows).enumerated() {
            let width = min(old.count, new.count)
            let columns = (0..<width).filter { old[$0] != new[$0] }
            guard let first = columns.first else { continue }
            differing += 1
            guard differing <= 20 else { continue }
            var last = first
            while last + 1 < width, old[last + 1] == old[first], new[last + 1] == new[first] { last += 1 }
            let more = columns.count - (last - first + 1)
            report.append("row \(index + 1), column\(last > first ? "s \(first + 1)–\(last + 1)" : " \(first + 1)")"
                          + (more > 0 ? " (and \(more) more cells in the row):" : ":"))
            report.append("- " + old[first])
            report.append("+ " + new[first])
        }
        if differing > 20 { report.append("… and \(differing - 20) more rows with differing cells") }
        return report.joined(separator: "\n")
    }

    /// A style in words: colours as `fg=`/`bg=` (ANSI names, `idx123`, `#rrggbb`), then attributes.
    static func describe(_ style: Style) -> String {
        var parts: [String] = []
        if let foreground = style.foreground { parts.append("fg=" + name(of: foreground)) }
        if let background = style.background { parts.append("bg=" + name(of: background)) }
        var rest = style.attributes
        for (attribute, word) in attributeWords where rest.contains(attribute) {
            parts.append(word)
            rest.remove(attribute)
        }
        if !rest.isEmpty { parts.append("attributes=\(rest.rawValue)") }
        return parts.isEmpty ? plain : parts.joined(separator: " ")
    }

    private static let attributeWords: [(Style.Attributes, String)] = [
        (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
        (.selected, "selected"),
    ]

    private static func name(of color: Color) -> String {
        switch color {
        case .ansi(let ansi): return "\(ansi)"
        case .indexed(let index): return "idx\(index)"
        case .rgb(let red, let green, let blue): return String(format: "#%02x%02x%02x", red, green, blue)
        }
    }
}
