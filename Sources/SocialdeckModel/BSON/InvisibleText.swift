/// Characters a reader does not see: format characters (bidi marks and controls,
/// zero-width spaces and joiners, the Arabic number signs that attach to the letter
/// after them, tag characters that spell hidden ASCII for a language model) and the
/// other default-ignorable code points (variation selectors, Hangul fillers,
/// combining grapheme joiner). Text someone approves or exports shows them, so that
/// what a person checks is what gets published.
///
/// A few of them are part of something visible and are left alone: the joiner inside
/// an emoji ZWJ sequence (👩‍💻), VS15/VS16 right after an emoji (❤️), and the tags
/// of the England, Scotland and Wales flags.
public enum InvisibleText {
    /// Whether `scalar` is of a class that can be invisible (general category Cf or
    /// Default_Ignorable_Code_Point, as a test checks against the Unicode properties);
    /// whether it is hidden where it stands is `hiddenMask`'s answer. Ranges rather than
    /// property lookups, because every string drawn on screen passes through here.
    public static func canBeHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAD, 0x34F, 0x600...0x605, 0x61C, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0x115F...0x1160,
             0x17B4...0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164,
             0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0...0xFFFB, 0x110BD, 0x110CD, 0x13430...0x1343F,
             0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// For each of `scalars`, whether a reader would not see it; nil when all show.
    public static func hiddenMask(_ scalars: [Unicode.Scalar]) -> [Bool]? {
        guard let first = scalars.firstIndex(where: canBeHidden) else { return nil }
        var mask = [Bool](repeating: false, count: scalars.count)
        var anyHidden = false
        // A flag's tags follow its black flag, so the scan starts one before the first candidate.
        var index = max(0, first - 1)
        while index < scalars.count {
            if let end = subdivisionFlagEnd(scalars, at: index) {
                index = end
                continue
            }
            if canBeHidden(scalars[index]) && !isPartOfEmoji(scalars, at: index) {
                mask[index] = true
                anyHidden = true
            }
            index += 1
        }
        return anyHidden ? mask : nil
    }

    /// The ASCII character a tag character (U+E0020–U+E007E) stands for.
    public static func tagASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        (0xE0020...0xE007E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xE0000) : nil
    }

    private static func isPartOfEmoji(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0 else { return false }
        let before = scalars[index - 1]
        switch scalars[index].value {
        case 0x200D:
            guard index + 1 < scalars.count else { return false }
            return (isPictographic(before) || before.value == 0xFE0F) && isPictographic(scalars[index + 1])
        case 0xFE0E, 0xFE0F:
            return before.properties.isEmoji
        default:
            return false
        }
    }

    /// Emoji other than the digits, `#`, `*`, © and ®, which are emoji only with VS16.
    private static func isPictographic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0xFF && scalar.properties.isEmoji
    }

    /// The only tag sequences that draw as something: the recommended subdivision flags.
    private static let subdivisionFlags: Set<String> = ["gbeng", "gbsct", "gbwls"]

    /// Where the subdivision flag starting at `index` (🏴, tags spelling its name, cancel
    /// tag) ends, if one does.
    private static func subdivisionFlagEnd(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard scalars[index].value == 0x1F3F4 else { return nil }
        var name = ""
        var end = index + 1
        while end < scalars.count, let ascii = tagASCII(scalars[end]), name.unicodeScalars.count < 7 {
            name.unicodeScalars.append(ascii)
            end += 1
        }
        guard end < scalars.count, scalars[end].value == 0xE007F, subdivisionFlags.contains(name) else { return nil }
        return end + 1
    }
}
