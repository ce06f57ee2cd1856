public import Foundation
public import SocialdeckViewModels

/// The `:` palette: a prompt line with what has been typed, and under it the matches
/// of ``PaletteModel``, the selected one highlighted.
public enum CommandPaletteOverlay: Pane {
    public typealias Model = PaletteModel
    public typealias Match = PaletteModel.Match

    /// The box: near the top, centred, at most 72 columns and 18 rows.
    static func box(matches: Int, in rect: Rect) -> Rect {
        let width = min(rect.width, max(30, min(72, rect.width - 4)))
        let height = min(rect.height, max(5, min(18, matches + 4)))
        return Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height > height ? 1 : 0),
                    width: width, height: height)
    }

    public static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        let matches = model.matches
        let box = box(matches: matches.count, in: rect)
        guard box.width >= 6, box.height >= 3 else { return }
        let dialog = palette[.dialog]
        buffer.fill(box, style: dialog)
        buffer.drawBox(box, style: palette[.dialogBorder], title: "Commands")
        let inner = box.inset(horizontal: 1, vertical: 1)
        guard !inner.isEmpty else { return }

        // The prompt: ": typed text" with the cursor cell reversed.
        let prompt = Rect(x: inner.x, y: inner.y, width: inner.width, height: 1)
        buffer.fill(prompt, style: palette[.input])
        buffer.put(":", x: prompt.x, y: prompt.y, style: PaneDrawing.layer(Style(attributes: [.bold]), on: palette[.input]))
        var editor = TextEditor(text: model.text)
        if let cursor = model.cursor, cursor < model.text.count {
            editor.home()
            for _ in 0..<max(0, cursor) { editor.right() }
        }
        TextEditorView.draw(editor, in: Rect(x: prompt.x + 2, y: prompt.y, width: prompt.width - 2, height: 1),
                            style: palette[.input], into: &buffer)
        guard inner.height >= 3 else { return }

        PaneDrawing.rule(Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), style: palette[.border],
                         labelStyle: palette[.textDim], into: &buffer)
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        if matches.isEmpty {
            buffer.put(PaneDrawing.fit("No command matches “\(model.text)”", list.width - 1), x: list.x + 1, y: list.y,
                       style: PaneDrawing.layer(palette[.textDim], on: dialog))
            return
        }
        let selected = min(max(0, model.selected), matches.count - 1)
        let nameWidth = min(20, matches.map { DisplayWidth.of(name(of: $0)) }.max() ?? 0)
        let keyWidth = min(10, matches.map { DisplayWidth.of(keys(of: $0)) }.max() ?? 0)
        let offset = PaneDrawing.scrollOffset(cursor: selected, count: matches.count, visible: list.height)
        for (row, index) in (offset..<min(matches.count, offset + list.height)).enumerated() {
            let match = matches[index]
            let y = list.y + row
            let base = index == selected ? palette[.selection] : dialog
            buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: base)
            var x = list.x + 1
            PaneDrawing.put(PaneDrawing.fit(name(of: match), nameWidth), x: x, y: y,
                            style: Style(attributes: [.bold]), on: base, limit: list.maxX, into: &buffer)
            x += nameWidth + 2
            PaneDrawing.put(PaneDrawing.fit(keys(of: match), keyWidth), x: x, y: y, style: palette[.footerKey], on: base,
                            limit: list.maxX, into: &buffer)
            x += keyWidth + (keyWidth > 0 ? 2 : 0)
            if x < list.maxX {
                PaneDrawing.put(PaneDrawing.fit(description(of: match), list.maxX - x), x: x, y: y, style: base, on: base,
                                limit: list.maxX, into: &buffer)
            }
        }
        let count = " \(matches.count) of \(model.total) "
        if DisplayWidth.of(count) <= box.width - 4 {
            buffer.put(count, x: box.maxX - 2 - DisplayWidth.of(count), y: box.maxY - 1, style: palette[.dialogBorder])
        }
    }

    static func name(of match: Match) -> String { match.name }

    static func keys(of match: Match) -> String {
        if case .binding(let hint) = match { return hint.keysText }
        return ""
    }

    static func description(of match: Match) -> String {
        switch match {
        case .binding(let hint): return hint.description
        case .command(let command): return command.description
        }
    }
}
