/// Where `DisplayWidth.pad` puts the text inside the padded columns.
public enum TextAlignment: Sendable, Hashable {
    case leading, center, trailing
}

/// Terminal column widths of grapheme clusters and strings.
///
/// Our own rule rather than glibc's `wcwidth`, which measures scalars one at a time and so
/// gets emoji sequences wrong (VS16, ZWJ, skin tones, flags, keycaps). The rule follows
/// what modern terminals draw: a cluster's width comes from its first scalar, widened to 2
/// when the cluster is an emoji presentation sequence.
public enum DisplayWidth {
    /// Columns one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        var scalars = character.unicodeScalars[...]
        if scalars.count == 1, let only = scalars.first { return of(scalar: only) }
        // A cluster may open with prepended format characters (U+0600 ARABIC NUMBER SIGN
        // and the like), which draw nothing: the character they prepend to sets the width.
        while let lead = scalars.first, lead.value >= 0x600, lead.properties.generalCategory == .format, scalars.count > 1 {
            scalars = scalars.dropFirst()
        }
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return of(scalar: first) }
        let base = of(scalar: first)
        // A wide base stays wide whatever follows (even VS15): terminals keep its two cells.
        if base != 1 { return base }
        if isRegionalIndicator(first) && isRegionalIndicator(second) { return 2 }
        guard first.properties.isEmoji else { return 1 }
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0xFE0E: return 1  // VS15 asks for text presentation
            case 0xFE0F, 0x20E3, 0x200D: return 2  // VS16, keycap, ZWJ sequence
            default: if scalar.properties.isEmojiModifier { return 2 }
            }
        }
        return 1
    }

    /// Columns a single scalar occupies when it stands alone.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x7F { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(value) { return 2 }
        return 1
    }

    /// Columns a string occupies: the sum of its grapheme clusters.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Cuts `text` to at most `columns` columns without splitting a grapheme cluster.
    ///
    /// Text that fits is returned unchanged. Cut text is exactly `columns` wide: with
    /// `ellipsis`, "…" follows the last whole cluster, and a wide character that would
    /// straddle the limit is replaced by a space rather than half-drawn.
    public static func truncate(_ text: String, toColumns columns: Int, ellipsis: Bool = false) -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        let mark = ellipsis ? "…" : ""
        let budget = columns - of(mark)
        var result = ""
        var used = 0
        for character in text {
            let width = of(character)
            if used + width > budget { break }
            result.append(character)
            used += width
        }
        result += mark
        result += String(repeating: " ", count: budget - used)
        return result
    }

    /// Pads `text` with spaces to `columns` columns; text already that wide is unchanged.
    public static func pad(_ text: String, toColumns columns: Int, alignment: TextAlignment = .leading) -> String {
        let gap = columns - of(text)
        guard gap > 0 else { return text }
        switch alignment {
        case .leading: return text + String(repeating: " ", count: gap)
        case .trailing: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// Exactly `columns` columns: truncated if too wide, padded if too narrow.
    public static func fit(_ text: String, toColumns columns: Int, ellipsis: Bool = false,
                           alignment: TextAlignment = .leading) -> String {
        pad(truncate(text, toColumns: columns, ellipsis: ellipsis), toColumns: columns, alignment: alignment)
    }

    // MARK: - Scalar classes

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        // Soft hyphen is a format character that terminals nevertheless draw.
        case .format: return scalar.value != 0xAD
        default: break
        }
        // Conjoining Hangul vowels and finals attach to the preceding initial consonant.
        return (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value)
    }

    /// East Asian Wide and Fullwidth blocks (UAX #11) that are not emoji; emoji are
    /// recognised through `isEmojiPresentation`.
    private static let eastAsianWide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2329...0x232A,    // angle brackets
        0x2E80...0x303E,    // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, enclosed CJK
        0x3400...0x4DBF,    // CJK extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19,    // vertical forms
        0xFE30...0xFE6F,    // CJK compatibility forms, small form variants
        0xFF00...0xFF60,    // fullwidth forms
        0xFFE0...0xFFE6,    // fullwidth signs
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
        0x17000...0x18CFF,  // Tangut, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1B2FF,  // Kana extensions, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F
        0x30000...0x3FFFD,  // CJK extensions G–H
    ]

    private static func isEastAsianWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = eastAsianWide.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = eastAsianWide[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
