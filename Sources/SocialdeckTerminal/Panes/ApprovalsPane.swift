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
            let (list, detail, rule) = layout(body, visible: items, into: &buffer, palette: palette)
            ApprovalQueueList.draw(model, in: list, into: &buffer, context: context)
            var label: String? = "Preview"
            if let (editor, target) = editing {
                let title = model.all.first { $0.id == target }?.title ?? ""
                ApprovalDialogs.drawEditor(editor, title: title, lengths: model.editorLengths ?? [], in: detail,
                                           into: &buffer, palette: palette)
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
            ApprovalDialogs.drawRejectDialog(reason, title: title, length: model.reasonLength, over: body, into: &buffer,
                                             palette: palette)
        }
        if let question = model.limitQuestion {
            ApprovalDialogs.drawLimitDialog(question, over: body, into: &buffer, palette: palette)
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
    static func layout(_ body: Rect, visible: [QueueItem], into buffer: inout CellBuffer,
                       palette: Palette) -> (list: Rect, detail: Rect, rule: Rect?) {
        let items = visible.count
        if body.width >= sideBySideWidth {
            // When the list's columns and a fair share of each title leave room for two of
            // the widest cards (LinkedIn, Facebook) side by side, the preview takes that and
            // the list the rest; otherwise the preview is one such card wide.
            let wide = ApprovalPreview.cardWidth(.linkedin) + 2
            let two = 2 * wide + 1
            let preview = body.width - 2 - ApprovalQueueList.width(for: visible, title: 24) >= two
                ? two : min(wide + 2, body.width * 45 / 100)
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
}
