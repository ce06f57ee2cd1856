/// Text that came from a database, a user or a model is made safe to print:
/// control characters and escape sequences are shown as visible escapes and
/// never reach the terminal raw.
public enum SafeText {
    public static func escapingControls(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether the text holds a control character (C0, DEL, C1) other than those
    /// `allowed`: an escape sequence or a bell typed or pasted into something that will be
    /// printed or sent to a model.
    public static func hasControls(_ s: String, allowing allowed: Set<Unicode.Scalar> = []) -> Bool {
        s.unicodeScalars.contains { $0.properties.generalCategory == .control && !allowed.contains($0) }
    }

    /// The text without its control characters, but for those `kept`.
    public static func removingControls(_ s: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.properties.generalCategory != .control || kept.contains($0) }))
    }
}
