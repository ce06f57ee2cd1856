/// What the whole screen shows when the terminal is smaller than the dashboard
/// needs: "terminal too small (need 60×16)", centred, in whatever fits, down to 1×1.
public enum TooSmallNotice: Pane {
    /// The size the dashboard needs.
    public typealias Model = ScreenSize

    public static let minimum = ScreenSize(width: 60, height: 16)

    /// Whether a terminal of `size` is too small for the dashboard.
    public static func applies(to size: ScreenSize, minimum: ScreenSize = minimum) -> Bool {
        size.width < minimum.width || size.height < minimum.height
    }

    /// The notice's lines for a rect of `width`×`height`: the longest wording that fits.
    public static func lines(needing minimum: ScreenSize, width: Int, height: Int) -> [String] {
        let need = "\(minimum.width)×\(minimum.height)"
        let now = "now \(width)×\(height)"
        let candidates: [[String]] = [
            ["terminal too small (need \(need))", "", now],
            ["terminal too small (need \(need))"],
            ["terminal too small", "(need \(need))", "", now],
            ["terminal too small", "(need \(need))", now],
            ["terminal too small", "(need \(need))"],
            ["too small", "need \(need)"],
            ["too small"],
            ["small"],
            ["!"],
        ]
        return candidates.first { lines in
            lines.count <= height && lines.allSatisfy { DisplayWidth.of($0) <= width }
        } ?? []
    }

    public static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        buffer.fill(rect, style: palette[.text])
        guard !rect.isEmpty else { return }
        let lines = lines(needing: model, width: rect.width, height: rect.height)
        let top = rect.y + (rect.height - lines.count) / 2
        for (index, line) in lines.enumerated() {
            let x = rect.x + (rect.width - DisplayWidth.of(line)) / 2
            buffer.put(line, x: x, y: top + index, style: line.hasPrefix("now ") ? palette[.textDim] : palette[.warning],
                       maxWidth: rect.maxX - x)
        }
    }
}
