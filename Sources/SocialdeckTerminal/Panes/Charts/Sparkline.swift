/// A one-row chart of a small series in eight levels (▁▂▃▄▅▆▇█), newest on the right,
/// scaled from zero to the largest value shown, which the scale label names ("▁▃█▂ 14 s").
///
/// Values marked failed are drawn in `failedStyle`. When the series is longer than the
/// rectangle is wide, the newest values are kept. NaN and infinite values leave a gap.
public struct Sparkline {
    public var values: [Double]
    /// Parallel to `values`; missing entries count as not failed.
    public var failed: [Bool]
    /// The largest value shown, written after the bars when there is room.
    public var scaleLabel: ((Double) -> String)?
    public var style: Style
    public var failedStyle: Style
    public var axisStyle: Style
    public var messageStyle: Style
    public var emptyMessage: String

    public static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public init(values: [Double], failed: [Bool] = [], scaleLabel: ((Double) -> String)? = nil,
                style: Style = .plain, failedStyle: Style = .plain, axisStyle: Style = .plain,
                messageStyle: Style = .plain, emptyMessage: String = "no data in this range") {
        self.values = values
        self.failed = failed
        self.scaleLabel = scaleLabel
        self.style = style
        self.failedStyle = failedStyle
        self.axisStyle = axisStyle
        self.messageStyle = messageStyle
        self.emptyMessage = emptyMessage
    }

    /// The level (0…7) of `value` on a scale whose top is `maximum`; zero, negative and
    /// non-finite values, and any value on an all-zero scale, sit on the lowest level.
    public static func level(of value: Double, maximum: Double) -> Int {
        guard value.isFinite, maximum.isFinite, maximum > 0, value > 0 else { return 0 }
        return min(7, max(0, Int((min(value / maximum, 1) * 7).rounded())))
    }

    public func draw(in rect: Rect, into buffer: inout CellBuffer) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        guard !values.isEmpty else {
            buffer.putCentered(emptyMessage, in: row, style: messageStyle)
            return
        }
        // The label is measured on the largest value of all, then recomputed for the
        // values that fit, so the label always names what is on screen.
        func maximum(of slice: ArraySlice<Double>) -> Double { slice.filter(\.isFinite).max() ?? 0 }
        var count = min(values.count, area.width)
        var label = ""
        if let scaleLabel {
            let wanted = " " + scaleLabel(maximum(of: values[...]))
            let width = DisplayWidth.of(wanted)
            if area.width - width >= min(values.count, 8) {
                count = min(values.count, area.width - width)
                label = " " + scaleLabel(maximum(of: values.suffix(count)))
            }
        }
        let start = values.count - count
        let top = maximum(of: values.suffix(count))
        for offset in 0..<count {
            let index = start + offset
            let value = values[index]
            guard value.isFinite else { continue }
            let isFailed = index < failed.count && failed[index]
            buffer.put(String(Self.levels[Self.level(of: value, maximum: top)]), x: area.x + offset, y: area.y,
                       style: isFailed ? failedStyle : style)
        }
        if !label.isEmpty {
            buffer.put(label, x: area.x + count, y: area.y, style: axisStyle, maxWidth: area.maxX - area.x - count)
        }
    }
}
