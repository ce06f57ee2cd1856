import SocialdeckViewModels
/// The `?` overlay: every key, generated from ``KeyBindings/helpSections()`` so a
/// remap shows here at once. A centred box with a key column and a description
/// column per section, scrolled by `offset` lines.
public enum HelpOverlay: Pane {
    public struct Model: Sendable, Equatable {
        public var sections: [HelpSection]
        /// The first line shown; clamped when drawing, so the app may over-scroll.
        public var offset: Int
        /// Why some actions cannot run now; they are listed dimmed, with the reason.
        public var unavailable: [KeyAction: String]

        public init(sections: [HelpSection], offset: Int = 0, unavailable: [KeyAction: String] = [:]) {
            self.sections = sections
            self.offset = offset
            self.unavailable = unavailable
        }

        /// The sections of `bindings`; with a pane's `scope`, that pane's keys come first.
        public init(bindings: KeyBindings = .defaults, scope: KeyScope? = nil, offset: Int = 0,
                    unavailable: [KeyAction: String] = [:]) {
            var sections = bindings.helpSections()
            if let scope, let index = sections.firstIndex(where: { $0.scope == scope }) {
                sections.insert(sections.remove(at: index), at: 0)
            }
            self.init(sections: sections, offset: offset, unavailable: unavailable)
        }
    }

    /// One line of the overlay's content.
    public enum Line: Sendable, Equatable {
        case heading(String)
        case key(keys: String, description: String)
        /// An action that cannot run now, with why.
        case unavailable(keys: String, description: String)
        case blank
    }

    public static func lines(_ sections: [HelpSection], unavailable: [KeyAction: String] = [:]) -> [Line] {
        var lines: [Line] = []
        for section in sections where !section.entries.isEmpty {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.heading(section.title))
            for entry in section.entries {
                let keys = entry.keys.isEmpty ? "(unbound)" : entry.keysText
                if let reason = unavailable[entry.action] {
                    lines.append(.unavailable(keys: keys, description: "(\(reason)) \(entry.description)"))
                } else {
                    lines.append(.key(keys: keys, description: entry.description))
                }
            }
        }
        return lines
    }

    /// The box the overlay takes in `rect`: centred, at most 76 columns wide.
    public static func box(for model: Model, in rect: Rect) -> Rect {
        let width = min(rect.width, max(min(rect.width, 40), min(76, rect.width - 4)))
        let height = min(rect.height, max(min(rect.height, 5), min(lines(model.sections).count + 2, rect.height - 2)))
        return Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2, width: width, height: height)
    }

    /// The largest useful offset: the last line at the bottom of the box.
    public static func maximumOffset(for model: Model, in rect: Rect) -> Int {
        max(0, lines(model.sections).count - max(0, box(for: model, in: rect).height - 2))
    }

    public static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        let box = box(for: model, in: rect)
        guard box.width >= 4, box.height >= 3 else { return }
        let lines = lines(model.sections, unavailable: model.unavailable)
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
        // The bottom edge says how to scroll and where we are.
        let position = lines.count > inner.height
            ? " \(offset + 1)–\(min(lines.count, offset + inner.height)) of \(lines.count) · j/k scroll · esc close "
            : " esc close "
        if DisplayWidth.of(position) <= box.width - 4 {
            buffer.put(position, x: box.maxX - 2 - DisplayWidth.of(position), y: box.maxY - 1, style: palette[.dialogBorder])
        }
    }
}
