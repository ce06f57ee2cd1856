import Foundation
import SocialdeckViewModels

/// The `:` palette: a prompt line with what has been typed, and under it the pane's
/// and the global actions (from ``KeyBindings/paletteEntries(scope:)``) and the typed
/// commands ("theme NAME", "goto YYYY-MM-DD", …) that match it.
public enum CommandPaletteOverlay: Pane {
    /// A command typed with arguments rather than bound to a key.
    public struct Command: Sendable, Equatable {
        public var name: String
        public var description: String
        public init(name: String, description: String) {
            self.name = name
            self.description = description
        }
        /// "theme" of "theme NAME".
        public var word: String { String(name.split(separator: " ").first ?? "") }
    }

    /// The commands every session has.
    public static let standardCommands: [(name: String, description: String)] = [
        ("theme NAME", "Switch to another colour theme"),
        ("org SLUG", "Show one organization only (staff)"),
        ("goto YYYY-MM-DD", "Show that day in the calendar"),
        ("range 7|30|90", "Show the last 7, 30 or 90 days in analytics"),
        ("quit", "Quit socialdeck"),
    ]

    public enum Match: Sendable, Equatable {
        case binding(KeyHint)
        case command(Command)
    }

    public struct Model: Sendable, Equatable {
        public var text: String
        /// The cursor in the typed text, in characters; nil for its end.
        public var cursor: Int?
        public var scope: KeyScope
        public var bindings: KeyBindings
        public var commands: [Command]
        /// Which match enter would run.
        public var selected: Int

        public init(text: String = "", cursor: Int? = nil, scope: KeyScope, bindings: KeyBindings = .defaults,
                    commands: [(name: String, description: String)] = CommandPaletteOverlay.standardCommands,
                    selected: Int = 0) {
            self.text = text
            self.cursor = cursor
            self.scope = scope
            self.bindings = bindings
            self.commands = commands.map { Command(name: $0.name, description: $0.description) }
            self.selected = selected
        }

        /// What the typed text matches, best first: a label, action or command word that
        /// starts with it, then one that contains it, then a description that does.
        /// A command matches by its first word ("th" and "theme dark" find "theme NAME").
        public var matches: [Match] {
            let query = text.trimmingCharacters(in: .whitespaces).lowercased()
            let head = String(query.split(separator: " ").first ?? "")
            let hints = bindings.paletteEntries(scope: scope)
            let labels = Set(hints.map(\.label))
            let candidates = hints.map(Match.binding)
                + commands.filter { !labels.contains($0.name) }.map(Match.command)
            guard !query.isEmpty else { return candidates }
            func rank(_ match: Match) -> Int? {
                switch match {
                case .command(let command):
                    if query.contains(" ") { return command.word == head ? 0 : nil }
                    if command.word.hasPrefix(query) { return 0 }
                    return command.description.lowercased().contains(query) ? 2 : nil
                case .binding(let hint):
                    guard !query.contains(" ") || hint.label.contains(" ") else { return nil }
                    let names = [hint.label.lowercased(), hint.action.rawValue]
                    if names.contains(where: { $0.hasPrefix(query) }) { return 0 }
                    if names.contains(where: { $0.contains(query) }) { return 1 }
                    return hint.description.lowercased().contains(query) ? 2 : nil
                }
            }
            let ranked = candidates.enumerated().compactMap { index, match in rank(match).map { ($0, index, match) } }
            return ranked.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        }
    }

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
        let count = " \(matches.count) of \(model.bindings.paletteEntries(scope: model.scope).count + model.commands.count) "
        if DisplayWidth.of(count) <= box.width - 4 {
            buffer.put(count, x: box.maxX - 2 - DisplayWidth.of(count), y: box.maxY - 1, style: palette[.dialogBorder])
        }
    }

    static func name(of match: Match) -> String {
        switch match {
        case .binding(let hint): return hint.label
        case .command(let command): return command.name
        }
    }

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
