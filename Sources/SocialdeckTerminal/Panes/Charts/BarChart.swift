/// Horizontal bars drawn with eighth blocks (▏▎▍▌▋▊▉█), so a bar's length is exact to
/// an eighth of a cell, each with its label, its value and an optional detail column;
/// a scale row under the bars names the full length with its unit.
///
/// ```
///  Facebook │██████████▍      12.3k  41.2k views · 3.0%
/// Instagram │████████████████ 19.8k  50.1k views · 4.0%
///           └──────────────── 19.8k eng.
/// ```
///
/// Columns are dropped as the rectangle narrows (detail, then value), bars past its
/// height are left out, and the scale row is drawn only when there is a row to spare.
public struct BarChart {
    public struct Bar {
        public var label: String
        public var value: Double
        public var style: Style
        /// Drawn after the value, left-aligned: "41.2k views · 3.0%".
        public var detail: String

        public init(label: String, value: Double, style: Style = .plain, detail: String = "") {
            self.label = label
            self.value = value
            self.style = style
            self.detail = detail
        }
    }

    public var bars: [Bar]
    /// Written after the scale: "eng.", "of MRR".
    public var unit: String
    public var format: (Double) -> String
    /// The value of a full-length bar; by default the largest value.
    public var maximum: Double?
    public var labelStyle: Style
    public var axisStyle: Style
    public var valueStyle: Style
    public var messageStyle: Style
    public var emptyMessage: String

    public init(bars: [Bar], unit: String = "", format: @escaping (Double) -> String = Figures.compact,
                maximum: Double? = nil, labelStyle: Style = .plain, axisStyle: Style = .plain,
                valueStyle: Style = .plain, messageStyle: Style = .plain, emptyMessage: String = "no data in this range") {
        self.bars = bars
        self.unit = unit
        self.format = format
        self.maximum = maximum
        self.labelStyle = labelStyle
        self.axisStyle = axisStyle
        self.valueStyle = valueStyle
        self.messageStyle = messageStyle
        self.emptyMessage = emptyMessage
    }

    /// Partial blocks by eighths: index 1 is ▏, 7 is ▉.
    static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `eighths` eighths of a cell long: full blocks, then one partial block.
    public static func blocks(eighths: Int) -> String {
        let length = max(0, eighths)
        return String(repeating: "█", count: length / 8) + partials[length % 8]
    }

    /// How many eighths a bar of `value` gets out of `cells` cells at full scale
    /// `maximum`: rounded, at least one for any positive value, never past the end.
    public static func eighths(for value: Double, maximum: Double, cells: Int) -> Int {
        guard cells > 0, value.isFinite, maximum.isFinite, maximum > 0, value > 0 else { return 0 }
        let share = min(value / maximum, 1)
        return min(max(1, Int((share * Double(cells * 8)).rounded())), cells * 8)
    }

    /// The scale: `maximum` if given, else the largest finite value; 0 when there is none.
    var scale: Double {
        if let maximum, maximum.isFinite, maximum > 0 { return maximum }
        return bars.map(\.value).filter(\.isFinite).max().map { max(0, $0) } ?? 0
    }

    public func draw(in rect: Rect, into buffer: inout CellBuffer) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        guard !bars.isEmpty else {
            buffer.putCentered(emptyMessage, in: area, style: messageStyle)
            return
        }
        let shown = Array(bars.prefix(area.height))
        let hasScaleRow = area.height > shown.count

        // Columns, dropped in order as the width runs out: detail, value, label.
        let values = shown.map { format($0.value) }
        let valueWidth = values.map(DisplayWidth.of).max() ?? 0
        let detailWidth = shown.map { DisplayWidth.of(TerminalText.sanitize($0.detail, whitespace: .flattened)) }.max() ?? 0
        var labelWidth = min(shown.map { DisplayWidth.of(TerminalText.sanitize($0.label, whitespace: .flattened)) }.max() ?? 0,
                             area.width / 3)
        var hasAxis = area.width >= 3
        if !hasAxis { labelWidth = 0 }
        let minimumBar = 4
        var rest = area.width - labelWidth - (hasAxis ? 1 : 0)
        let showsValue = valueWidth > 0 && rest - (valueWidth + 1) >= minimumBar
        if showsValue { rest -= valueWidth + 1 }
        let showsDetail = showsValue && detailWidth > 0 && rest - (detailWidth + 1) >= minimumBar
        if showsDetail { rest -= detailWidth + 1 }
        if rest < 1 { labelWidth = 0; hasAxis = false; rest = area.width }

        let barX = area.x + labelWidth + (hasAxis ? 1 : 0)
        let full = scale
        for (row, bar) in shown.enumerated() {
            let y = area.y + row
            if labelWidth > 0 {
                buffer.put(bar.label, x: area.x, y: y, width: labelWidth, style: labelStyle, alignment: .trailing)
            }
            if hasAxis { buffer.put("│", x: barX - 1, y: y, style: axisStyle) }
            let length = Self.eighths(for: bar.value, maximum: full, cells: rest)
            buffer.put(Self.blocks(eighths: length), x: barX, y: y, style: bar.style, maxWidth: rest)
            if showsValue {
                buffer.put(values[row], x: barX + rest + 1, y: y, width: valueWidth, style: valueStyle, alignment: .trailing)
            }
            if showsDetail {
                buffer.put(bar.detail, x: barX + rest + valueWidth + 2, y: y, width: detailWidth, style: valueStyle)
            }
        }
        if hasScaleRow { drawScale(full, row: area.y + shown.count, barX: barX, barWidth: rest, area: area, into: &buffer) }
    }

    /// "└──────── 19.8k eng.": the axis under the bars, and the value a full bar stands for.
    private func drawScale(_ full: Double, row: Int, barX: Int, barWidth: Int, area: Rect, into buffer: inout CellBuffer) {
        let line = String(repeating: "─", count: barWidth)
        if barX > area.x {
            buffer.put("└" + line, x: barX - 1, y: row, style: axisStyle)
        } else {
            buffer.put(line, x: barX, y: row, style: axisStyle)
        }
        let text = unit.isEmpty ? format(full) : format(full) + " " + unit
        let width = DisplayWidth.of(text)
        let after = barX + barWidth + 1
        let x = after + width <= area.maxX ? after : max(area.x, area.maxX - width)
        buffer.put(text, x: x, y: row, width: min(width, area.maxX - x), style: axisStyle)
    }
}
