import Foundation

/// The OSC 52 sequence that asks a terminal to put text on its clipboard ("c"), as
/// xterm defines it. The text is base64, so whatever it holds travels as letters.
public enum ClipboardSequence {
    /// Terminals cap what they take (xterm 100,000 bytes of base64 by default); longer
    /// text is cut at a character boundary to fit.
    public static let maximumBytes = 74_000

    public static func osc52(_ text: String) -> String {
        var bytes = Array(text.utf8)
        if bytes.count > maximumBytes {
            var end = maximumBytes
            // Back off to the start of a UTF-8 sequence: continuation bytes are 10xxxxxx.
            while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            bytes = Array(bytes[..<end])
        }
        return "\u{1B}]52;c;" + Data(bytes).base64EncodedString() + "\u{07}"
    }
}
