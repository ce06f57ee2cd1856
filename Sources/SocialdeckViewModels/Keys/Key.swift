import SocialdeckModel

/// A key as `config.toml`, the footer and the help overlay write it:
/// `a`, `G`, `:`, `ctrl+d`, `alt+x`, `enter`, `esc`, `tab`, `shift+tab`,
/// `space`, `backspace`, `del`, `ins`, `home`, `end`, `pgup`, `pgdn`, `up`,
/// `down`, `left`, `right`, `f1`…`f12`.
///
/// Parsing is lenient about spelling (`Ctrl-D`, `return`, `escape`,
/// `pagedown`, `backtab`, `shift+g` for `G`); printing gives the canonical
/// form. Only keys a terminal can tell apart are accepted: `ctrl` goes with a
/// letter, and `ctrl+i`, `ctrl+j` and `ctrl+m` are refused because terminals
/// send them as tab and enter.
public struct Key: Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// A printable character; case matters (`g` and `G` are different keys).
        case character(Character)
        case enter, escape, tab, backTab, space, backspace, delete, insert
        case home, end, pageUp, pageDown, up, down, left, right
        /// F1–F12.
        case function(Int)
    }

    public var code: Code
    public var control: Bool
    public var alt: Bool

    public init(_ code: Code, control: Bool = false, alt: Bool = false) {
        self.code = code
        self.control = control
        self.alt = alt
    }

    public static func character(_ c: Character) -> Key { Key(.character(c)) }
    public static func ctrl(_ c: Character) -> Key { Key(.character(c), control: true) }

    static let names: [(name: String, code: Code)] = [
        ("enter", .enter), ("esc", .escape), ("tab", .tab), ("shift+tab", .backTab), ("space", .space),
        ("backspace", .backspace), ("del", .delete), ("ins", .insert), ("home", .home), ("end", .end),
        ("pgup", .pageUp), ("pgdn", .pageDown), ("up", .up), ("down", .down), ("left", .left), ("right", .right),
    ]

    static let aliases: [String: Code] = [
        "return": .enter, "escape": .escape, "backtab": .backTab, "bs": .backspace, "delete": .delete,
        "insert": .insert, "pageup": .pageUp, "pagedown": .pageDown, "pgdown": .pageDown,
    ]

    /// Why a key name was refused.
    public struct NotationError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public init(parsing notation: String) throws(NotationError) {
        func fail(_ why: String) -> NotationError { NotationError(message: why) }
        if notation.count == 1, let c = notation.first {
            guard c != " " else { self.init(.space); return }
            guard !c.isWhitespace, !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw fail("'\(notation.unicodeScalars.first!.codeDescription)' is not a key name")
            }
            self.init(.character(c))
            return
        }
        var rest = notation.trimmingSpaces
        var control = false, alt = false, shift = false
        // Modifiers: ctrl+, alt+, shift+ (also with '-', any case), in any order.
        while let separator = rest.firstIndex(where: { $0 == "+" || $0 == "-" }), separator != rest.startIndex,
              rest.index(after: separator) != rest.endIndex {
            switch rest[..<separator].lowercased() {
            case "ctrl", "control", "c": control = true
            case "alt", "meta", "m": alt = true
            case "shift", "s": shift = true
            default: throw fail("unknown modifier '\(rest[..<separator])' in '\(notation)'; the modifiers are ctrl, alt and shift")
            }
            rest = String(rest[rest.index(after: separator)...])
        }
        var code: Code
        if rest.count == 1, let c = rest.first {
            code = .character(c)
        } else if let named = Self.names.first(where: { $0.name == rest.lowercased() }) {
            code = named.code
        } else if let named = Self.aliases[rest.lowercased()] {
            code = named
        } else if rest.lowercased().hasPrefix("f"), let n = Int(rest.dropFirst()), (1...12).contains(n) {
            code = .function(n)
        } else {
            throw fail("unknown key '\(notation)'; write a character, or ctrl+LETTER, enter, esc, tab, shift+tab, space, backspace, del, ins, home, end, pgup, pgdn, up, down, left, right, f1–f12")
        }
        if shift {
            switch code {
            case .tab: code = .backTab
            case .character(let c) where c.isLetter && c.isASCII: code = .character(Character(c.uppercased()))
            default: throw fail("shift goes only with tab or a letter (write 'G' for shift+g)")
            }
        }
        if control {
            guard case .character(let c) = code, c.isASCII, c.isLetter else {
                throw fail("ctrl goes only with a letter, as in ctrl+d")
            }
            let lower = Character(c.lowercased())
            if let same = ["i": "tab", "j": "enter", "m": "enter"][String(lower)] {
                throw fail("terminals send ctrl+\(lower) as \(same); bind \(same) instead")
            }
            code = .character(lower)
        }
        if alt {
            guard case .character = code else { throw fail("alt goes only with a character, as in alt+x") }
        }
        self.init(code, control: control, alt: alt)
    }

    /// The canonical notation: "G", "ctrl+d", "alt+x", "shift+tab", "pgdn", "f5".
    public var description: String {
        let base: String
        switch code {
        case .character(let c): base = String(c)
        case .function(let n): base = "f\(n)"
        default: base = Self.names.first { $0.code == code }!.name
        }
        return (control ? "ctrl+" : "") + (alt ? "alt+" : "") + base
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}

extension Key {
    /// The text the key types into a prompt or editor, if it is printable.
    public var typedText: String? {
        guard !control, !alt else { return nil }
        switch code {
        case .character(let c): return String(c)
        case .space: return " "
        default: return nil
        }
    }
}
