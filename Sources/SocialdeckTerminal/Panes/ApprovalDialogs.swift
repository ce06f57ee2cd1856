import SocialdeckModel
import SocialdeckViewModels

/// The approval queue's two prompts: the inline editor that takes the preview's place,
/// and the reason dialog of a rejection. Each shows, live, the length of what is typed
/// against the limit it will be held to.
/// And the question an over-the-limit approve asks first.
enum ApprovalDialogs {
    /// The inline editor: a box in place of the preview with the draft's length on each
    /// target platform on its first row ("X 295/280 ⚠" in the error colour when over),
    /// the text soft-wrapped below with the cursor shown, and the keys in the bottom edge.
    static func drawEditor(_ editor: TextEditor, title: String, lengths: [QueueItem.PlatformLength], in area: Rect,
                           into buffer: inout CellBuffer, palette: Palette) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: palette[.dialog])
        buffer.drawBox(area, style: palette[.dialogBorder], title: "Editing “\(PaneDrawing.clean(title))”")
        let hint = " \(ApprovalsController.editorKeys) "
        if area.height >= 3, DisplayWidth.of(hint) <= area.width - 4 {
            buffer.put(hint, x: area.maxX - 2 - DisplayWidth.of(hint), y: area.maxY - 1, style: palette[.dialogBorder])
        }
        let position = " \(editor.row + 1):\(editor.column + 1) "
        if area.height >= 3, area.width >= DisplayWidth.of(position) + DisplayWidth.of(hint) + 6 {
            buffer.put(position, x: area.x + 2, y: area.maxY - 1, style: palette[.dialogBorder])
        }
        var inner = area.inset(by: 1)
        inner = inner.inset(horizontal: inner.width > 2 ? 1 : 0)
        if inner.height >= 2, !lengths.isEmpty {
            drawLengths(lengths, x: inner.x, y: inner.y, limit: inner.maxX, into: &buffer, palette: palette)
            inner = inner.rows([.fixed(1), .fill])[1]
        }
        TextEditorView.draw(editor, in: inner, style: palette[.input], into: &buffer)
    }

    /// "X 295/280 ⚠  LI 295/3000": each platform's badge in its colour, its count dimmed,
    /// or in the error colour with a warning sign when the text is over that limit.
    static func drawLengths(_ lengths: [QueueItem.PlatformLength], x: Int, y: Int, limit: Int, into buffer: inout CellBuffer,
                            palette: Palette) {
        let base = palette[.dialog]
        var column = x
        for (index, length) in lengths.enumerated() {
            let count = " \(length.count)/\(length.limit)" + (length.isOver ? " ⚠" : "")
            let width = PlatformBadge.width([length.platform]) + DisplayWidth.of(count)
            guard column + (index > 0 ? 2 : 0) + width <= limit else { break }
            if index > 0 { column = PaneDrawing.put("  ", x: column, y: y, style: base, on: base, limit: limit, into: &buffer) }
            column = PlatformBadge.draw([length.platform], x: column, y: y, limit: limit, base: base, palette: palette, into: &buffer)
            column = PaneDrawing.put(count, x: column, y: y, style: length.isOver ? palette[.error] : palette[.textDim], on: base,
                                     limit: limit, into: &buffer)
        }
    }

    /// The reason prompt: a dialog centred over the pane with the typed reason, the
    /// cursor, and the reason's length against the limit in the bottom edge ("12/500").
    static func drawRejectDialog(_ reason: TextEditor, title: String, length: (count: Int, limit: Int)?, over body: Rect,
                                 into buffer: inout CellBuffer, palette: Palette) {
        let width = min(body.width, max(30, min(64, body.width - 8)))
        let inputRows = body.height >= 9 ? 3 : 1
        let height = min(body.height, inputRows + 4)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width,
                       height: height)
        buffer.fill(box, style: palette[.dialog])
        buffer.drawBox(box, style: palette[.dialogBorder], title: PaneDrawing.clean(title))
        if let length {
            let text = " \(Figures.integer(length.count))/\(Figures.integer(length.limit)) "
            let over = length.count > length.limit
            if DisplayWidth.of(text) <= box.width - 4 {
                buffer.put(text, x: box.maxX - 2 - DisplayWidth.of(text), y: box.maxY - 1,
                           style: over ? PaneDrawing.layer(palette[.error], on: palette[.dialog]) : palette[.dialogBorder])
            }
        }
        let inner = box.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        // The input keeps its row however small the dialog; the prompt and the keys go first.
        let rows = inner.height >= 3 ? inner.rows([.fixed(1), .fill, .fixed(1)])
            : inner.height == 2 ? inner.rows([.fixed(1), .fill]) : [inner]
        if rows.count >= 2 {
            let limit = length.map { " Up to \(Figures.integer($0.limit)) characters." } ?? ""
            let prompt = DisplayWidth.of("Why? The author sees the reason." + limit) <= inner.width
                ? "Why? The author sees the reason." + limit : "Why? The author sees the reason."
            buffer.put(PaneDrawing.fit(prompt, inner.width), x: inner.x, y: inner.y, style: palette[.dialog])
        }
        TextEditorView.draw(reason, in: rows.count == 1 ? rows[0] : rows[1], style: palette[.input], into: &buffer)
        if rows.count == 3 {
            buffer.put(PaneDrawing.fit(ApprovalsController.reasonKeys, inner.width), x: inner.x, y: rows[2].y,
                       style: PaneDrawing.layer(palette[.textDim], on: palette[.dialog]))
        }
    }

    /// The over-the-limit question: a dialog centred over the pane, the question's lines
    /// (each offender's platform and count) and the keys that answer it.
    static func drawLimitDialog(_ lines: [String], over body: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let width = min(body.width, max(30, min(72, body.width - 8)))
        let wrapped = lines.flatMap { PaneDrawing.wrap($0, max(1, width - 4)) }
        let height = min(body.height, wrapped.count + 4)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width,
                       height: height)
        buffer.fill(box, style: palette[.dialog])
        buffer.drawBox(box, style: palette[.dialogBorder], title: "Over a platform's limit")
        let inner = box.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        let rows = inner.height >= 2 ? inner.rows([.fill, .fixed(1)]) : [inner]
        PaneDrawing.putLines(wrapped, in: rows[0], style: palette[.dialog], into: &buffer)
        if rows.count == 2 {
            buffer.put(PaneDrawing.fit(ApprovalsPane.Model.limitHint, inner.width), x: inner.x, y: rows[1].y,
                       style: PaneDrawing.layer(palette[.textDim], on: palette[.dialog]))
        }
    }
}
