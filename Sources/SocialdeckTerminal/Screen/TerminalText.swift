import SocialdeckModel

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

    /// Returns `text` with every character that a terminal would interpret, and every
    /// character a reader would not see, replaced by a visible stand-in.
    ///
    /// Escape sequences need no parser: every introducer and terminator (ESC, BEL, the C1
    /// controls such as 8-bit CSI U+009B and OSC U+009D, ST) is a control character, and
    /// once each is replaced the rest of the sequence is inert printable text. So
    /// `ESC [ 2 J` reads `␛[2J` and an OSC 52 clipboard write reads `␛]52;c;…␇`.
    /// - C0 controls and DEL become control pictures (U+2400–U+2421).
    /// - C1 controls become `␛` plus their 7-bit equivalent (U+009B → `␛[`).
    /// - Invisible characters (`InvisibleText`: bidi controls and marks, zero-width
    ///   characters, prepended format characters, variation selectors out of place…) and
    ///   U+2028/U+2029 become a marker in mathematical angle brackets: their abbreviation
    ///   (`⟨RLO⟩`, `⟨LRM⟩`, `⟨ZWSP⟩`) or code point (`⟨U+0600⟩`). A run of tag characters
    ///   shows the ASCII it spells: `⟨TAG:ignore all previous instructions⟩`.
    public static func sanitize(_ text: String, whitespace: Whitespace = .visible) -> String {
        guard text.unicodeScalars.contains(where: { needsReplacement($0) || InvisibleText.canBeHidden($0) }) else {
            return text
        }
        let scalars = Array(text.unicodeScalars)
        let hidden = InvisibleText.hiddenMask(scalars)
        if hidden == nil && !scalars.contains(where: needsReplacement) { return text }
        var result = String.UnicodeScalarView()
        var tags = String.UnicodeScalarView()
        func flushTags() {
            guard !tags.isEmpty else { return }
            append("⟨TAG:" + String(tags) + "⟩", to: &result)
            tags = String.UnicodeScalarView()
        }
        for (index, scalar) in scalars.enumerated() {
            let isHidden = hidden?[index] ?? false
            if isHidden, let ascii = InvisibleText.tagASCII(scalar) {
                tags.append(ascii)
                continue
            }
            flushTags()
            if whitespace == .flattened, let flat = flattened(scalar) {
                // CR LF is a single break: the CR already produced "⏎".
                if !(scalar == "\n" && index > 0 && scalars[index - 1] == "\r") { append(flat, to: &result) }
            } else if isHidden || needsReplacement(scalar) {
                append(visible(scalar), to: &result)
            } else {
                result.append(scalar)
            }
        }
        flushTags()
        return String(result)
    }

    /// Scalars a terminal would act on rather than draw: controls, bidi controls and the
    /// Unicode line and paragraph separators.
    static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func append(_ text: String, to result: inout String.UnicodeScalarView) {
        result.append(contentsOf: text.unicodeScalars)
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
        case 0xFE00...0xFE0F:
            return "⟨VS\(value - 0xFE00 + 1)⟩"
        case 0xE0100...0xE01EF:
            return "⟨VS\(value - 0xE0100 + 17)⟩"
        default:
            return "⟨" + (names[value] ?? scalar.codeDescription) + "⟩"
        }
    }

    private static let names: [UInt32: String] = [
        0x00AD: "SHY", 0x034F: "CGJ", 0x061C: "ALM", 0x180E: "MVS",
        0x200B: "ZWSP", 0x200C: "ZWNJ", 0x200D: "ZWJ", 0x200E: "LRM", 0x200F: "RLM",
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2060: "WJ", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
        0x2028: "LS", 0x2029: "PS", 0xFEFF: "ZWNBSP", 0xE0001: "LANGUAGE TAG", 0xE007F: "CANCEL TAG",
    ]
}
