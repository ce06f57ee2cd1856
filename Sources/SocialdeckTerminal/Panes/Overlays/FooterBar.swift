public import SocialdeckViewModels
/// The bottom bar: "a approve  r reject  …  ? help  : command", generated from
/// ``KeyBindings/footerEntries(scope:)``. Entries that do not fit the width are
/// dropped, the help key last of all; an optional status text sits on the right.
public enum FooterBar: Pane {
    public struct Model: Sendable, Equatable {
        public var scope: KeyScope
        public var bindings: KeyBindings
        /// Shown right-aligned when there is room: "12:00 Europe/Berlin", "read-only".
        public var status: String?
        /// Actions that cannot run now: shown dimmed (`?` says why).
        public var unavailable: Set<KeyAction>

        public init(scope: KeyScope, bindings: KeyBindings = .defaults, status: String? = nil, unavailable: Set<KeyAction> = []) {
            self.scope = scope
            self.bindings = bindings
            self.status = status
            self.unavailable = unavailable
        }
    }

    static let gap = 2

    /// The entries shown in `width` columns, in footer order. Help is kept first, then
    /// the others in order while they fit; one that does not fit is skipped so a shorter
    /// one after it may still find room.
    public static func visibleEntries(_ model: Model, width: Int) -> [KeyHint] {
        let all = model.bindings.footerEntries(scope: model.scope)
        let priority = all.filter { $0.action == .help } + all.filter { $0.action != .help }
        var kept: [Int] = []
        var used = 0
        for hint in priority {
            let cost = DisplayWidth.of(PaneDrawing.clean(hint.footerText)) + (kept.isEmpty ? 0 : gap)
            guard used + cost <= width, let index = all.firstIndex(of: hint) else { continue }
            kept.append(index)
            used += cost
        }
        return kept.sorted().map { all[$0] }
    }

    public static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        guard !rect.isEmpty else { return }
        let line = Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1)
        buffer.fill(line, style: palette[.footer])
        var room = line.width - 2
        var status = model.status.map(PaneDrawing.clean) ?? ""
        let statusWidth = DisplayWidth.of(status)
        let entriesWidth = visibleEntries(model, width: room).reduce(0) { $0 + DisplayWidth.of($1.footerText) + gap }
        if status.isEmpty || statusWidth + gap + min(entriesWidth, 20) > room {
            status = ""
        } else {
            room -= statusWidth + gap
        }
        var x = line.x + 1
        for (index, hint) in visibleEntries(model, width: room).enumerated() {
            if index > 0 { x += gap }
            let key = PaneDrawing.clean(hint.keys.first?.description ?? "")
            let dimmed = model.unavailable.contains(hint.action) ? PaneDrawing.layer(palette[.textDim], on: palette[.footer]) : nil
            x = buffer.put(key, x: x, y: line.y, style: dimmed ?? palette[.footerKey], maxWidth: line.maxX - x)
            x = buffer.put(" " + PaneDrawing.clean(hint.label), x: x, y: line.y, style: dimmed ?? palette[.footer],
                           maxWidth: line.maxX - x)
        }
        if !status.isEmpty {
            buffer.put(status, x: line.maxX - 1 - statusWidth, y: line.y, style: palette[.footer])
        }
    }
}
