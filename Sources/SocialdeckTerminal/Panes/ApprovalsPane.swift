public import Foundation
public import SocialdeckModel
public import SocialdeckViewModels

/// The approval queue: the drafts waiting for a decision beside (or above) a preview
/// of the current one as each platform would show it. While rejecting, a dialog asks
/// for the reason; while editing, the preview becomes an editor.
public enum ApprovalsPane: Pane {
    public typealias Model = ApprovalQueueModel

    /// From this width the preview sits beside the list; below it, under the list.
    public static let sideBySideWidth = 120
    /// The keys the editor and the reject prompt answer to, as the footer of a dialog says them.
    /// The first line of the empty queue's notice, which goes on to say where drafts come from.
    public static let emptyNotice = "No drafts waiting for approval."

    public static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        buffer.fill(rect, style: palette[.text])
        guard !rect.isEmpty else { return }
        var body = rect
        if rect.height >= 3, let status = model.message {
            let lines = PaneDrawing.wrap(status, rect.width)
            let parts = rect.rows([.fill, .fixed(min(lines.count, rect.height - 2))])
            body = parts[0]
            PaneDrawing.putLines(lines, in: parts[1], style: palette[.text], into: &buffer)
        }

        let items = model.visible
        let editing: (TextEditor, ObjectId)? = {
            if case .editing(let editor, let target, _) = model.mode { return (editor, target) }
            return nil
        }()
        if items.isEmpty && editing == nil {
            if !model.hasLoaded {
                centre("loading…", in: body, style: palette[.textDim], into: &buffer)
            } else if model.filter.isEmpty || model.all.isEmpty {
                NextSteps.draw(NextSteps.approvals(context), in: body, into: &buffer, palette: palette)
            } else {
                centre("No drafts match “\(PaneDrawing.clean(model.filter))” · esc clears", in: body, style: palette[.textDim],
                       into: &buffer)
            }
        } else if model.expanded, editing == nil, let current = model.current {
            drawWhole(current, model: model, in: body, into: &buffer, context: context)
        } else {
            let (list, detail, rule) = layout(body, items: items.count, into: &buffer, palette: palette)
            ApprovalQueueList.draw(model, in: list, into: &buffer, context: context)
            var label: String? = "Preview"
            if let (editor, target) = editing {
                let title = model.all.first { $0.id == target }?.title ?? ""
                drawEditor(editor, title: title, in: detail, into: &buffer, palette: palette)
                label = nil
            } else if let current = model.current {
                // Stacked, the rule over the preview carries the title the header line would.
                let hidden = ApprovalPreview.draw(current, in: detail, header: rule == nil, into: &buffer, palette: palette)
                label? += " · " + (current.title.isEmpty ? "(untitled)" : current.title) + (hidden > 0 ? " · +\(hidden) more" : "")
            }
            if let rule {
                PaneDrawing.rule(rule, label: label, style: palette[.border], labelStyle: palette[.textDim], into: &buffer)
            }
        }
        if case .rejecting(let reason, let targets) = model.mode {
            let title: String
            if targets.count == 1, let item = model.all.first(where: { $0.id == targets[0] }) {
                title = "Reject “\(item.title)”"
            } else {
                title = "Reject \(targets.count) drafts"
            }
            drawRejectDialog(reason, title: title, over: body, into: &buffer, palette: palette)
        }
        if let question = model.limitQuestion {
            drawLimitDialog(question, over: body, into: &buffer, palette: palette)
        }
        // The editor and the reason prompt keep the keyboard; clicks must not move the queue under them.
        if model.mode != .browsing { buffer.mark(rect, as: .overlay) }
    }

    /// The current draft filling the pane (Enter): a rule saying which it is and how to
    /// go back, then its preview at full size.
    static func drawWhole(_ item: QueueItem, model: Model, in body: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        let parts = body.rows([.fixed(1), .fill])
        let position = "Draft \(model.cursor + 1) of \(model.visible.count)" + (item.organization.map { " · " + $0 } ?? "")
            + " · by \(item.isAIDraft ? ApprovalQueueList.authorText(item) : item.author) · \(context.key(.back)) back"
        PaneDrawing.rule(parts[0], label: position, style: palette[.border], labelStyle: palette[.textDim], into: &buffer)
        ApprovalPreview.draw(item, in: parts[1], into: &buffer, palette: palette)
    }

    /// The list's and the preview's rectangles, and the rule between them when stacked
    /// (side by side, the vertical rule is drawn here).
    static func layout(_ body: Rect, items: Int, into buffer: inout CellBuffer,
                       palette: Palette) -> (list: Rect, detail: Rect, rule: Rect?) {
        if body.width >= sideBySideWidth {
            // The preview is as wide as the widest card (LinkedIn, Facebook); the list takes the rest.
            let preview = min(ApprovalPreview.cardWidth(.linkedin) + 4, body.width * 45 / 100)
            let parts = body.columns([.fill, .fixed(1), .fixed(1), .fixed(preview)])
            PaneDrawing.verticalRule(parts[1], style: palette[.border], into: &buffer)
            return (parts[0], parts[3], nil)
        }
        let listHeight = min(items + 1, max(3, body.height * 2 / 5))
        let parts = body.rows([.fixed(listHeight), .fixed(1), .fill])
        return (parts[0], parts[2], parts[1])
    }

    static func centre(_ text: String, in rect: Rect, style: Style, into buffer: inout CellBuffer) {
        guard !rect.isEmpty else { return }
        let line = PaneDrawing.fit(text, rect.width)
        let x = rect.x + (rect.width - DisplayWidth.of(line)) / 2
        buffer.put(line, x: x, y: rect.y + (rect.height - 1) / 2, style: style, maxWidth: rect.maxX - x)
    }

    /// The inline editor: a box in place of the preview, the draft's text soft-wrapped
    /// inside with the cursor shown, and the keys in the bottom edge.
    static func drawEditor(_ editor: TextEditor, title: String, in area: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: palette[.dialog])
        buffer.drawBox(area, style: palette[.dialogBorder], title: "Editing “\(PaneDrawing.clean(title))”")
        let inner = area.inset(by: 1)
        let hint = " \(ApprovalsController.editorKeys) "
        if area.height >= 3, DisplayWidth.of(hint) <= area.width - 4 {
            buffer.put(hint, x: area.maxX - 2 - DisplayWidth.of(hint), y: area.maxY - 1, style: palette[.dialogBorder])
        }
        let position = " \(editor.row + 1):\(editor.column + 1) "
        if area.height >= 3, area.width >= DisplayWidth.of(position) + DisplayWidth.of(hint) + 6 {
            buffer.put(position, x: area.x + 2, y: area.maxY - 1, style: palette[.dialogBorder])
        }
        TextEditorView.draw(editor, in: inner.inset(horizontal: inner.width > 2 ? 1 : 0), style: palette[.input],
                            into: &buffer)
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
            buffer.put(PaneDrawing.fit(Model.limitHint, inner.width), x: inner.x, y: rows[1].y,
                       style: PaneDrawing.layer(palette[.textDim], on: palette[.dialog]))
        }
    }

    /// The reason prompt: a dialog centred over the pane with the typed reason and the cursor.
    static func drawRejectDialog(_ reason: TextEditor, title: String, over body: Rect, into buffer: inout CellBuffer,
                                 palette: Palette) {
        let width = min(body.width, max(30, min(64, body.width - 8)))
        let inputRows = body.height >= 9 ? 3 : 1
        let height = min(body.height, inputRows + 4)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width,
                       height: height)
        buffer.fill(box, style: palette[.dialog])
        buffer.drawBox(box, style: palette[.dialogBorder], title: PaneDrawing.clean(title))
        let inner = box.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        // The input keeps its row however small the dialog; the prompt and the keys go first.
        let rows = inner.height >= 3 ? inner.rows([.fixed(1), .fill, .fixed(1)])
            : inner.height == 2 ? inner.rows([.fixed(1), .fill]) : [inner]
        if rows.count >= 2 {
            buffer.put(PaneDrawing.fit("Why? The author sees the reason.", inner.width), x: inner.x, y: inner.y,
                       style: palette[.dialog])
        }
        TextEditorView.draw(reason, in: rows.count == 1 ? rows[0] : rows[1], style: palette[.input], into: &buffer)
        if rows.count == 3 {
            buffer.put(PaneDrawing.fit(ApprovalsController.reasonKeys, inner.width), x: inner.x, y: rows[2].y,
                       style: PaneDrawing.layer(palette[.textDim], on: palette[.dialog]))
        }
    }
}
