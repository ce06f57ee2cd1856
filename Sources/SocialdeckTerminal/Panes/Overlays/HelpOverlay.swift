public import SocialdeckViewModels
/// The `?` overlay: a centred box drawing ``HelpModel``'s lines, a key column and a
/// description column per section, scrolled by its offset.
public enum HelpOverlay: Pane {
    public typealias Model = HelpModel

    /// The box the overlay takes in `rect`: centred, at most 76 columns wide.
    public static func box(for model: Model, in rect: Rect) -> Rect {
        let width = min(rect.width, max(min(rect.width, 40), min(76, rect.width - 4)))
        let height = model.boxHeight(screenRows: rect.height)
        return Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width, height: height)
    }

    public static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        let box = box(for: model, in: rect)
        guard box.width >= 4, box.height >= 3 else { return }
        let lines = model.lines
        let dialog = palette[.dialog]
        buffer.fill(box, style: dialog)
        buffer.drawBox(box, style: palette[.dialogBorder], title: "Keys")
        let inner = box.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }

        let offset = min(max(0, model.offset), max(0, lines.count - inner.height))
        let keyWidth = min(18, lines.map { line -> Int in
            switch line {
            case .key(let keys, _), .unavailable(let keys, _): return DisplayWidth.of(keys)
            default: return 0
            }
        }.max() ?? 0)
        let dimmed = PaneDrawing.layer(palette[.textDim], on: dialog)
        let keyStyle = PaneDrawing.layer(palette[.footerKey], on: dialog)
        let headingStyle = PaneDrawing.layer(palette[.headerAccent], on: dialog)
        for (row, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            let y = inner.y + row
            switch line {
            case .heading(let title):
                buffer.put(PaneDrawing.fit(title, inner.width), x: inner.x, y: y, style: headingStyle)
            case .key(let keys, let description), .unavailable(let keys, let description):
                let available = { if case .key = line { return true } else { return false } }()
                let x = inner.x + 2
                buffer.put(PaneDrawing.fit(keys, keyWidth), x: x, y: y, style: available ? keyStyle : dimmed, maxWidth: inner.maxX - x)
                let descriptionX = x + keyWidth + 2
                if descriptionX < inner.maxX {
                    buffer.put(PaneDrawing.fit(description, inner.maxX - descriptionX), x: descriptionX, y: y,
                               style: available ? dialog : dimmed)
                }
            case .blank:
                break
            }
        }
        // The bottom edge says where we are and, as room allows, how to scroll.
        let position = " \(offset + 1)–\(min(lines.count, offset + inner.height)) of \(lines.count) · "
        let edge = lines.count <= inner.height ? [" esc close "]
            : [position + HelpModel.scrollKeys + " ", position + "j/k scroll · esc close "]
        if let text = edge.first(where: { DisplayWidth.of($0) <= box.width - 4 }) {
            buffer.put(text, x: box.maxX - 2 - DisplayWidth.of(text), y: box.maxY - 1, style: palette[.dialogBorder])
        }
    }
}
