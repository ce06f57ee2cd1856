import Foundation

/// How long a post's text is, counted the way each platform counts it.
public enum PostLength {
    /// X (twitter-text v3): text is NFC-normalised; most Latin script weighs 1, other
    /// characters (CJK, emoji) weigh 2, a whole emoji sequence weighs 2, and every URL 23.
    /// The other platforms count characters as people see them (grapheme clusters).
    public static func count(_ text: String, on platform: Platform) -> Int {
        guard platform == .twitter else { return text.count }
        var total = 0
        for word in splitKeepingURLs(text.precomposedStringWithCanonicalMapping) {
            if word.isURL {
                total += 23
                continue
            }
            for ch in word.text {
                if ch.unicodeScalars.count > 1 && (ch.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation || $0.properties.isEmoji && $0.value > 0x2000 })
                    || isEmojiSequenceOnASCIIBase(ch)) {
                    total += 2
                    continue
                }
                for scalar in ch.unicodeScalars {
                    total += weight(scalar.value)
                }
            }
        }
        return total
    }

    /// Keycaps (`1️⃣`, `#️⃣`) and `©️`/`®️` start with a scalar below U+2000 that is only an
    /// emoji because of the variation selector or keycap mark after it.
    private static func isEmojiSequenceOnASCIIBase(_ ch: Character) -> Bool {
        guard let first = ch.unicodeScalars.first, first.properties.isEmoji else { return false }
        return ch.unicodeScalars.dropFirst().contains { $0.value == 0xFE0F || $0.value == 0x20E3 }
    }

    private static func weight(_ v: UInt32) -> Int {
        switch v {
        case 0...4351, 8192...8205, 8208...8223, 8242...8247: return 1
        default: return 2
        }
    }

    private struct Piece {
        let text: Substring
        let isURL: Bool
    }

    private static func splitKeepingURLs(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let r = rest.range(of: "https?://[^\\s]+", options: .regularExpression) {
            pieces.append(Piece(text: rest[..<r.lowerBound], isURL: false))
            pieces.append(Piece(text: rest[r], isURL: true))
            rest = rest[r.upperBound...]
        }
        pieces.append(Piece(text: rest, isURL: false))
        return pieces
    }
}
