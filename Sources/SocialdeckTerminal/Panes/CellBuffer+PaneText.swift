extension CellBuffer {
    /// Writes `text` into exactly `width` columns from (x, y): cut with "…" when too
    /// wide, padded when too narrow.
    ///
    /// The text is sanitized before it is measured, so the cut falls on what is drawn:
    /// an escape sequence from the database becomes visible `␛[…` text and counts at its
    /// drawn width instead of slipping past the column limit.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, width: Int, style: Style,
                      alignment: TextAlignment = .leading) -> Int {
        guard width > 0 else { return x }
        let safe = TerminalText.sanitize(text, whitespace: .flattened)
        let fitted = DisplayWidth.fit(safe, toColumns: width, ellipsis: true, alignment: alignment)
        return put(fitted, x: x, y: y, style: style, maxWidth: width)
    }

    /// Writes `text` centred in `rect`'s middle row, cut to its width.
    mutating func putCentered(_ text: String, in rect: Rect, style: Style) {
        guard !rect.isEmpty else { return }
        let safe = TerminalText.sanitize(text, whitespace: .flattened)
        let cut = DisplayWidth.truncate(safe, toColumns: rect.width, ellipsis: true)
        let x = rect.x + max(0, (rect.width - DisplayWidth.of(cut)) / 2)
        put(cut, x: x, y: rect.y + (rect.height - 1) / 2, style: style, maxWidth: rect.maxX - x)
    }

    /// Writes `pieces` one after another on a row, each in its own style, stopping at
    /// `limit`; returns the column after the last one written.
    @discardableResult
    mutating func put(_ pieces: [(String, Style)], x: Int, y: Int, limit: Int) -> Int {
        var column = x
        for (text, style) in pieces where column < limit {
            column = put(text, x: column, y: y, style: style, maxWidth: limit - column)
        }
        return column
    }
}

extension Style {
    /// This style's colour and attributes on `row`'s background: how a coloured field
    /// (a status, a sparkline) keeps its meaning on the selected row.
    func on(_ row: Style) -> Style { PaneDrawing.layer(self, on: row) }
}

extension Palette {
    /// Section headings and key figures: body text in bold.
    var heading: Style {
        var style = self[.text]
        style.attributes.insert(.bold)
        return style
    }
}
