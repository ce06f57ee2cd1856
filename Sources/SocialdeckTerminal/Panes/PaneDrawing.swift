import Foundation
public import SocialdeckModel
import SocialdeckViewModels

/// Small drawing rules the panes share: untrusted text made safe and fitted to a
/// width, a style laid over a row's background, and platform badges.
enum PaneDrawing {
    /// One line of untrusted text as the screen shows it: controls and escape
    /// sequences made visible, line breaks flattened to "⏎".
    static func clean(_ text: String) -> String {
        TerminalText.sanitize(text, whitespace: .flattened)
    }

    /// `clean(text)` cut to `columns` with "…" when it is too wide.
    static func fit(_ text: String, _ columns: Int) -> String {
        DisplayWidth.truncate(clean(text), toColumns: max(0, columns), ellipsis: true)
    }

    /// `clean(text)` cut to `columns` at the end of a word, with "…" when it is too wide:
    /// "Acme Coffee Roasters · 陈 Rossi (manager) · SQLite…" rather than "… · SQLite /t".
    /// Separators left dangling at the cut go too; a first word too long for the width
    /// is cut where it must.
    static func fitWords(_ text: String, _ columns: Int) -> String {
        let text = clean(text)
        guard columns > 0 else { return "" }
        guard DisplayWidth.of(text) > columns else { return text }
        let budget = columns - 1
        var end = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == " " {
                let head = text[..<index]
                guard DisplayWidth.of(String(head)) <= budget else { break }
                end = index
            }
            index = text.index(after: index)
        }
        let head = String(text[..<end]).trimmingCharacters(in: CharacterSet(charactersIn: " ·,:;-–—"))
        guard !head.isEmpty else { return DisplayWidth.truncate(text, toColumns: columns, ellipsis: true) }
        return head + "…"
    }

    /// `clean(text)` as lines of at most `columns` columns, broken between words (a word
    /// longer than a line where it must be): how a message is shown whole, never cut.
    static func wrap(_ text: String, _ columns: Int) -> [String] {
        PostPreview.lines(clean(text), width: max(1, columns), measure: { DisplayWidth.of($0) })
    }

    /// Draws `lines` down `rect` from its top, one a row, as many as it has rows for.
    /// A list with the selected item's detail: beside it from 120 columns, under it below
    /// (the list taking what its rows need, up to half).
    static func listAndDetail(_ body: Rect, listRows: Int) -> (list: Rect, detail: Rect) {
        let parts = body.width >= 120 ? body.columns([.fraction(0.55), .fixed(2), .fill])
                                       : body.rows([.fixed(max(3, min(listRows + 1, body.height / 2))), .fixed(1), .fill])
        return (parts[0], parts[2])
    }

    /// A one-line prompt: what it asks, in the warning colour, then the text typed so far.
    static func promptLine(_ label: String, text: String, in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let x = buffer.put(label, x: row.x, y: row.y, style: palette[.warning], maxWidth: row.width)
        buffer.put(text + "▏", x: x, y: row.y, style: palette[.text], maxWidth: row.maxX - x)
    }

    static func putLines(_ lines: [String], in rect: Rect, style: Style, into buffer: inout CellBuffer) {
        for (row, line) in zip(rect.y..<rect.maxY, lines) {
            buffer.put(line, x: rect.x, y: row, style: style, maxWidth: rect.width)
        }
    }

    /// Draws `message` wrapped along the bottom of `area`, in the rows it needs as long as
    /// `keeping` rows stay above it, and returns the rows above.
    static func bottomMessage(_ message: String, in area: Rect, keeping: Int, style: Style,
                              into buffer: inout CellBuffer) -> Rect {
        let lines = wrap(message, area.width)
        let parts = area.rows([.fill, .fixed(min(lines.count, area.height - keeping))])
        putLines(lines, in: parts[1], style: style, into: &buffer)
        return parts[0]
    }

    /// `style`'s colours and attributes drawn on `base`'s background, as on a selected row.
    static func layer(_ style: Style, on base: Style) -> Style {
        Style(foreground: style.foreground ?? base.foreground,
              background: base.background ?? style.background,
              attributes: style.attributes.union(base.attributes))
    }

    /// Writes `text` with `style` laid over `base` and returns the column after it.
    @discardableResult
    static func put(_ text: String, x: Int, y: Int, style: Style, on base: Style, limit: Int,
                    into buffer: inout CellBuffer) -> Int {
        guard x < limit else { return x }
        return buffer.put(text, x: x, y: y, style: layer(style, on: base), maxWidth: limit - x)
    }

    /// A horizontal rule with an optional label: "── Tue 01 Dec · 3 posts ──────".
    static func rule(_ rect: Rect, label: String? = nil, style: Style, labelStyle: Style,
                     into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        buffer.put(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, style: style)
        if let label, rect.width > 6 {
            buffer.put(" " + fit(label, rect.width - 5) + " ", x: rect.x + 2, y: rect.y, style: labelStyle,
                       maxWidth: rect.width - 3)
        }
    }

    /// A vertical rule down the whole of `rect`'s first column.
    static func verticalRule(_ rect: Rect, style: Style, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        for y in rect.y..<rect.maxY { buffer.put("│", x: rect.x, y: y, style: style) }
    }

    /// Where a list of `count` rows, `visible` at a time, starts so that `cursor` sits
    /// near the middle; stable for a given cursor, so rendering stays a pure function.
    static func scrollOffset(cursor: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        return min(max(0, cursor - visible / 2), count - visible)
    }
}

/// The short names the dashboard shows for platforms, each in its chart colour.
public enum PlatformBadge {
    /// "FB", "IG", "X", "LI", "TT".
    public static func text(_ platform: Platform) -> String { platform.badge }

    /// Columns `draw` takes for these platforms: the badges and one space between each.
    public static func width(_ platforms: [Platform]) -> Int {
        platforms.isEmpty ? 0 : platforms.reduce(platforms.count - 1) { $0 + text($1).count }
    }

    /// Draws "FB IG X" from (x, y), each badge in its platform's colour over `base`,
    /// stopping at `limit`; returns the column after the last badge.
    @discardableResult
    public static func draw(_ platforms: [Platform], x: Int, y: Int, limit: Int, base: Style,
                            palette: Palette, into buffer: inout CellBuffer) -> Int {
        var column = x
        for (index, platform) in platforms.enumerated() {
            if index > 0 { column = PaneDrawing.put(" ", x: column, y: y, style: base, on: base, limit: limit, into: &buffer) }
            let badge = text(platform)
            guard column + badge.count <= limit else { break }
            column = PaneDrawing.put(badge, x: column, y: y, style: palette.chart(platform), on: base, limit: limit,
                                     into: &buffer)
        }
        return column
    }
}
