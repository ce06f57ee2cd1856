import Foundation

/// A colour as a theme writes it: the terminal's default, one of the 16 ANSI
/// colours, an index into the 256-colour table, or 24-bit RGB. How it is drawn
/// at the terminal's colour depth is the screen's business.
///
/// In theme files: `"default"`, `"red"`, `"bright-blue"` (also `bright_blue`,
/// `brightblue`; `gray`/`grey` for bright black), an integer `0`–`255`, or
/// `"#rrggbb"` / `"#rgb"`.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    case `default`
    case ansi(ANSIColor)
    case indexed(UInt8)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The 16 ANSI colours, numbered as terminals number them.
    public enum ANSIColor: Int, Sendable, Hashable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
        case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

        /// The name a theme file uses: "red", "bright-red".
        public var name: String {
            let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"][rawValue % 8]
            return rawValue < 8 ? base : "bright-" + base
        }

        /// Accepts "bright-red", "bright_red", "brightred", any case; "gray"/"grey" are bright black.
        public init?(name: String) {
            guard let match = Self.byKey[name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }] else { return nil }
            self = match
        }

        /// Each colour by its name without '-', built once: a theme asks for every colour
        /// and palette name it reads, and the first frame waits for the theme.
        private static let byKey: [String: ANSIColor] = {
            var keys = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name.filter { $0 != "-" }, $0) })
            keys["gray"] = .brightBlack
            keys["grey"] = .brightBlack
            return keys
        }()
    }

    /// Parses a colour written as a string: "default", an ANSI name, or "#rrggbb" / "#rgb".
    /// Returns nil for anything else (a theme then looks the name up in its palette).
    public init?(parsing text: String) {
        let trimmed = Self.trimmingBlanks(text)
        if trimmed.lowercased() == "default" {
            self = .default
        } else if trimmed.hasPrefix("#") {
            let hex = Array(trimmed.dropFirst())
            guard hex.count == 3 || hex.count == 6, hex.allSatisfy(\.isHexDigit),
                  var value = UInt32(String(hex), radix: 16) else { return nil }
            if hex.count == 3 {
                // #abc is #aabbcc
                let r = (value >> 8) & 0xF, g = (value >> 4) & 0xF, b = value & 0xF
                value = (r * 17) << 16 | (g * 17) << 8 | b * 17
            }
            self = .rgb(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
        } else if let ansi = ANSIColor(name: trimmed) {
            self = .ansi(ansi)
        } else {
            return nil
        }
    }

    /// Without leading and trailing spaces and tabs, as `trimmingCharacters(in: .whitespaces)`
    /// without the cost of a CharacterSet.
    private static func trimmingBlanks(_ text: String) -> String {
        var trimmed = Substring(text)
        while let c = trimmed.first, c.isWhitespace && !c.isNewline { trimmed.removeFirst() }
        while let c = trimmed.last, c.isWhitespace && !c.isNewline { trimmed.removeLast() }
        return String(trimmed)
    }

    /// An entry of the 256-colour table; nil outside 0–255.
    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = .indexed(UInt8(index))
    }

    /// Whether a theme palette may use this name for its own colour: not "default",
    /// not an ANSI name, and made of letters, digits, '_' and '-'.
    public static func isValidPaletteName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") })
        else { return false }
        return ThemeColor(parsing: name) == nil
    }

    /// As a theme file writes it: "default", "bright-red", "208", "#0969da".
    public var description: String {
        switch self {
        case .default: return "default"
        case .ansi(let c): return c.name
        case .indexed(let i): return String(i)
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
