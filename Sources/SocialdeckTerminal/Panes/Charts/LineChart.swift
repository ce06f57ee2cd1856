/// A line chart of one series drawn in braille dots, with a y axis labelled at its
/// minimum and maximum (with units: "1.2k eng.") and an x axis labelled at the first,
/// middle and last points.
///
/// ```
///  1.2k eng.┤    ⢀⠔⠉⠢⡀
///           │⠢⠤⠔⠁    ⠈⠢⣀
///     0 eng.┤           ⠉
///           └────────────
///            1 Nov  15 Nov 30 Nov
/// ```
///
/// Values from `projectedFrom` on (a forecast) are joined by a dotted line in
/// `projectedStyle`. Values that are NaN or infinite are left out, breaking the line.
/// Any rectangle, down to 1×1, is safe: parts that do not fit are dropped, labels first.
public struct LineChart {
    public var values: [Double]
    /// One label per value (dates, months); the chart picks which to show.
    public var xLabels: [String]
    /// Written after each y-axis value: "eng.", "views".
    public var unit: String
    public var format: (Double) -> String
    /// The index of the first projected value, if any.
    public var projectedFrom: Int?
    public var lineStyle: Style
    public var projectedStyle: Style
    public var axisStyle: Style
    public var messageStyle: Style
    public var emptyMessage: String

    public init(values: [Double], xLabels: [String] = [], unit: String = "",
                format: @escaping (Double) -> String = Figures.compact, projectedFrom: Int? = nil,
                lineStyle: Style = .plain, projectedStyle: Style = Style(attributes: [.dim]),
                axisStyle: Style = .plain, messageStyle: Style = .plain, emptyMessage: String = "no data in this range") {
        self.values = values
        self.xLabels = xLabels
        self.unit = unit
        self.format = format
        self.projectedFrom = projectedFrom
        self.lineStyle = lineStyle
        self.projectedStyle = projectedStyle
        self.axisStyle = axisStyle
        self.messageStyle = messageStyle
        self.emptyMessage = emptyMessage
    }

    /// The y range drawn: the data's, widened when it is a single level so that a flat
    /// line sits on zero or rises to its value instead of dividing by a zero span.
    var verticalRange: (bottom: Double, top: Double)? {
        let finite = values.filter(\.isFinite)
        guard var bottom = finite.min(), var top = finite.max() else { return nil }
        if bottom == top {
            if top > 0 { bottom = 0 } else if top < 0 { top = 0 } else { top = 1 }
        }
        return (bottom, top)
    }

    public func draw(in rect: Rect, into buffer: inout CellBuffer) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        guard let range = verticalRange else {
            buffer.putCentered(emptyMessage, in: area, style: messageStyle)
            return
        }
        let topLabel = label(range.top)
        let bottomLabel = label(range.bottom)

        // Rows: the plot, then the axis line, then the x labels, while there is room.
        let hasAxisRow = area.height >= 2
        let hasLabelRow = area.height >= 4 && !xLabels.isEmpty
        let plotHeight = area.height - (hasAxisRow ? 1 : 0) - (hasLabelRow ? 1 : 0)
        // Columns: the y labels, the axis, then the plot, which keeps at least 4 cells.
        let labelWidth = max(DisplayWidth.of(topLabel), DisplayWidth.of(bottomLabel))
        let hasYLabels = area.width >= labelWidth + 1 + 4
        let hasAxisColumn = area.width >= 3
        let left = (hasYLabels ? labelWidth : 0) + (hasAxisColumn ? 1 : 0)
        let plot = Rect(x: area.x + left, y: area.y, width: area.width - left, height: plotHeight)

        if hasAxisColumn {
            let axisX = plot.x - 1
            for row in 0..<plotHeight {
                let labelled = hasYLabels && (row == 0 || row == plotHeight - 1)
                buffer.put(labelled ? "┤" : "│", x: axisX, y: plot.y + row, style: axisStyle)
            }
            if hasYLabels {
                buffer.put(topLabel, x: area.x, y: plot.y, width: labelWidth, style: axisStyle, alignment: .trailing)
                if plotHeight > 1 {
                    buffer.put(bottomLabel, x: area.x, y: plot.maxY - 1, width: labelWidth, style: axisStyle, alignment: .trailing)
                }
            }
            if hasAxisRow {
                buffer.put("└" + String(repeating: "─", count: plot.width), x: axisX, y: plot.maxY, style: axisStyle)
            }
        } else if hasAxisRow {
            buffer.put(String(repeating: "─", count: plot.width), x: plot.x, y: plot.maxY, style: axisStyle)
        }
        if hasLabelRow { drawXLabels(under: plot, row: plot.maxY + 1, into: &buffer) }

        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        plotPoints(on: &canvas, range: range)
        canvas.draw(x: plot.x, y: plot.y, into: &buffer, style: lineStyle, faintStyle: projectedStyle)
    }

    private func label(_ value: Double) -> String {
        unit.isEmpty ? format(value) : format(value) + " " + unit
    }

    /// The dot column of value `index` on a canvas `dotWidth` dots wide: the first and
    /// last values at the edges, a lone value in the middle.
    static func dotX(_ index: Int, count: Int, dotWidth: Int) -> Int {
        guard count > 1 else { return max(0, dotWidth - 1) / 2 }
        return Int((Double(index) * Double(max(0, dotWidth - 1)) / Double(count - 1)).rounded())
    }

    /// The dot row of `value`: the top of the range on row 0, the bottom on the last row.
    static func dotY(_ value: Double, range: (bottom: Double, top: Double), dotHeight: Int) -> Int {
        // Halved first so that a range spanning most of Double's extent cannot overflow to inf.
        let share = (value / 2 - range.bottom / 2) / (range.top / 2 - range.bottom / 2)
        let clamped = share.isFinite ? min(max(share, 0), 1) : 0
        return max(0, dotHeight - 1) - Int((clamped * Double(max(0, dotHeight - 1))).rounded())
    }

    private func plotPoints(on canvas: inout BrailleCanvas, range: (bottom: Double, top: Double)) {
        guard canvas.dotWidth > 0, canvas.dotHeight > 0 else { return }
        let firstProjected = projectedFrom ?? Int.max
        func point(_ index: Int) -> (x: Int, y: Int)? {
            guard values[index].isFinite else { return nil }
            return (Self.dotX(index, count: values.count, dotWidth: canvas.dotWidth),
                    Self.dotY(values[index], range: range, dotHeight: canvas.dotHeight))
        }
        for index in values.indices {
            guard let here = point(index) else { continue }
            // Every value gets its dot, so a dotted line still shows where each one is.
            canvas.set(x: here.x, y: here.y, faint: index >= firstProjected)
            if index + 1 < values.count, let next = point(index + 1) {
                let projected = index + 1 >= firstProjected
                canvas.line(from: here, to: next, dotted: projected, faint: projected)
            }
        }
    }

    /// The first, middle and last labels under their points, each kept inside the plot
    /// and dropped when it would run into the one before.
    private func drawXLabels(under plot: Rect, row: Int, into buffer: inout CellBuffer) {
        let count = min(values.count, xLabels.count)
        guard count > 0, plot.width > 0 else { return }
        var indices = [0, (values.count - 1) / 2, values.count - 1].filter { $0 < count }
        indices = indices.enumerated().filter { $0.offset == 0 || $0.element != indices[$0.offset - 1] }.map(\.element)
        var nextFree = plot.x
        for index in indices {
            let text = TerminalText.sanitize(xLabels[index], whitespace: .flattened)
            let width = DisplayWidth.of(text)
            guard width > 0, width <= plot.width else { continue }
            let center = plot.x + Self.dotX(index, count: values.count, dotWidth: plot.width * 2) / 2
            let start = min(max(center - width / 2, plot.x), plot.maxX - width)
            guard start >= nextFree else { continue }
            buffer.put(text, x: start, y: row, style: axisStyle)
            nextFree = start + width + 1
        }
    }
}
