/// The `?` overlay's content: every key, generated from ``KeyBindings/helpSections()``
/// so a remap shows here at once, the open pane's keys first, and the actions that
/// cannot run now listed dimmed with why.
public struct HelpModel: Sendable, Equatable {
    /// One line of the overlay.
    public enum Line: Sendable, Equatable {
        case heading(String)
        case key(keys: String, description: String)
        /// An action that cannot run now, with why.
        case unavailable(keys: String, description: String)
        case blank
    }

    public var sections: [HelpSection]
    /// The first line shown; ``scrolled(_:screenRows:)`` keeps it in range.
    public var offset: Int
    /// Why some actions cannot run now.
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

    public var lines: [Line] {
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

    /// Rows of the overlay's box on a screen `screenRows` high: its lines and a border,
    /// leaving a row above and below.
    public func boxHeight(screenRows: Int) -> Int {
        min(screenRows, max(min(screenRows, 5), min(lines.count + 2, screenRows - 2)))
    }

    /// The largest useful offset: the last line at the bottom of the box.
    public func maximumOffset(screenRows: Int) -> Int {
        max(0, lines.count - max(0, boxHeight(screenRows: screenRows) - 2))
    }

    /// The help's own keys: j/k and the arrows by a line, space, pgdn/pgup, ctrl+d/u by a
    /// page, g/home and G/end to the ends. Nil for a key that is not a scroll key.
    public func scrolled(_ key: Key, screenRows: Int) -> HelpModel? {
        let page = max(1, boxHeight(screenRows: screenRows) - 3)
        let target: Int
        switch (key.code, key.control) {
        case (.down, false), (.character("j"), false): target = offset + 1
        case (.up, false), (.character("k"), false): target = offset - 1
        case (.pageDown, false), (.space, false), (.character("d"), true): target = offset + page
        case (.pageUp, false), (.character("u"), true): target = offset - page
        case (.home, false), (.character("g"), false): target = 0
        case (.end, false), (.character("G"), false): target = .max
        default: return nil
        }
        var copy = self
        copy.offset = max(0, min(target, maximumOffset(screenRows: screenRows)))
        return copy
    }

    /// What the help's bottom edge says about scrolling.
    public static let scrollKeys = "j/k line · space/pgdn page · g/G ends · esc close"
}
