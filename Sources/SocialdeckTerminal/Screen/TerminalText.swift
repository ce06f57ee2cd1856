/// Makes untrusted text (from the database, other users or a language model) safe to draw.
public enum TerminalText {
    /// What happens to tabs and line breaks.
    public enum Whitespace: Sendable, Hashable {
        /// Tab and line feed become control pictures (␉, ␊) like every other control.
        case visible
        /// For one-line fields: tab becomes a space; each line break (LF, CR, CR LF and the
        /// Unicode line and paragraph separators) becomes "⏎".
        case flattened
    }

    /// Returns `text` with every character that a terminal would interpret replaced by a
    /// visible stand-in.
    ///
    /// Escape sequences need no parser: every introducer and terminator (ESC, BEL, the C1
    /// controls such as 8-bit CSI U+009B and OSC U+009D, ST) is a control character, and
    /// once each is replaced the rest of the sequence is inert printable text. So
    /// `ESC [ 2 J` reads `␛[2J` and an OSC 52 clipboard write reads `␛]52;c;…␇`.
    /// - C0 controls and DEL become control pictures (U+2400–U+2421).
    /// - C1 controls become `␛` plus their 7-bit equivalent (U+009B → `␛[`).
    /// - Bidi embedding, override and isolate controls and U+2028/U+2029 become their
    ///   abbreviation in angle brackets (`<RLO>`), so they cannot reorder the screen.
    public static func sanitize(_ text: String, whitespace: Whitespace = .visible) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: needsReplacement) else { return text }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in scalars {
            defer { previous = scalar }
            guard needsReplacement(scalar) else {
                result.append(scalar)
                continue
            }
            if whitespace == .flattened, let flat = flattened(scalar) {
                // CR LF is a single break: the CR already produced "⏎".
                if !(scalar == "\n" && previous == "\r") { result.append(contentsOf: flat.unicodeScalars) }
                continue
            }
            result.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(result)
    }

    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func flattened(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09: return " "
        case 0x0A, 0x0D, 0x2028, 0x2029: return "⏎"
        default: return nil
        }
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        switch value {
        case 0x00...0x1F:
            return String(Unicode.Scalar(0x2400 + value)!)
        case 0x7F:
            return "\u{2421}"
        case 0x80...0x9F:
            return "␛" + String(Unicode.Scalar(UInt8(value - 0x40)))
        default:
            return "<" + (bidiNames[value] ?? "U+\(String(value, radix: 16, uppercase: true))") + ">"
        }
    }

    private static let bidiNames: [UInt32: String] = [
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
        0x2028: "LS", 0x2029: "PS",
    ]
}
