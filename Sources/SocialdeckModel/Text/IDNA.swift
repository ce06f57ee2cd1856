import Foundation

/// A host name's ASCII form as twitter-text gets it from Java's `IDN.toASCII` with
/// `ALLOW_UNASSIGNED` (IDNA 2003, RFC 3490): labels split at `.`, `。`, `．` and `｡`; an ASCII
/// label stays as it is; another goes through nameprep (RFC 3491) and Punycode. The host
/// is refused when a label ends up empty or longer than 63 characters, holds a prohibited
/// character, breaks the bidi rule, or is non-ASCII yet already starts with `xn--`.
///
/// Nameprep maps with this runtime's Unicode data, limited to characters Unicode 3.2 had
/// (later ones stay unmapped, as `ALLOW_UNASSIGNED` leaves them); its bidi rule uses current
/// bidi classes, as Java's does, with "left-to-right" approximated by letters and spacing
/// marks (missing non-European digits and a few symbols, which matter only beside Hebrew or
/// Arabic letters).
enum IDNA {
    static let maxLabelLength = 63

    /// The length of the ASCII form of `host`, or nil when IDNA refuses it.
    static func asciiLength(of host: ArraySlice<UInt16>) -> Int? {
        if host.allSatisfy({ $0 < 0x80 }) {
            var labelLength = 0
            for unit in host {
                if unit == 0x2E {
                    guard labelLength > 0 else { return nil }
                    labelLength = 0
                } else {
                    labelLength += 1
                    guard labelLength <= maxLabelLength else { return nil }
                }
            }
            return labelLength > 0 ? host.count : nil
        }
        let separators: Set<UInt16> = [0x2E, 0x3002, 0xFF0E, 0xFF61]
        let labels = host.split(omittingEmptySubsequences: false) { separators.contains($0) }
        var total = labels.count - 1
        for label in labels {
            guard let length = asciiLabelLength(label) else { return nil }
            total += length
        }
        return total
    }

    private static func asciiLabelLength(_ label: ArraySlice<UInt16>) -> Int? {
        if label.allSatisfy({ $0 < 0x80 }) {
            return label.isEmpty || label.count > maxLabelLength ? nil : label.count
        }
        guard let prepared = nameprep(scalars(of: label)), !prepared.isEmpty else { return nil }
        if prepared.allSatisfy({ $0 < 0x80 }) {
            return prepared.count <= maxLabelLength ? prepared.count : nil
        }
        let prefix = prepared.prefix(4).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        guard prefix != [0x78, 0x6E, 0x2D, 0x2D], let encoded = Punycode.encode(prepared) else { return nil }
        let length = 4 + encoded.count
        return length <= maxLabelLength ? length : nil
    }

    private static func scalars(of units: ArraySlice<UInt16>) -> [UInt32] {
        let text = TweetUnits(Array(units))
        var result: [UInt32] = []
        var index = 0
        while index < text.count {
            let (value, width) = text.scalar(at: index)
            result.append(value)
            index += width
        }
        return result
    }

    /// Map (drop the invisible characters of table B.1, case-fold), normalise to NFKC, then
    /// refuse prohibited characters and bidi violations. Nil when refused.
    static func nameprep(_ input: [UInt32]) -> [UInt32]? {
        var mapped = ""
        for value in input where !mapsToNothing(value) {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            mapped.unicodeScalars.append(contentsOf: isInUnicode32(scalar) ? caseFolded(scalar) : [scalar])
        }
        let once = mapped.precomposedStringWithCompatibilityMapping
        var refolded = ""
        for scalar in once.unicodeScalars {
            refolded.unicodeScalars.append(contentsOf: isInUnicode32(scalar) ? caseFolded(scalar) : [scalar])
        }
        let output = refolded.precomposedStringWithCompatibilityMapping.unicodeScalars.map(\.value)
        guard !output.contains(where: isProhibited), followsBidiRule(output) else { return nil }
        return output
    }

    private static func isInUnicode32(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < 3 || (age.major == 3 && age.minor <= 2)
    }

    private static func caseFolded(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        guard scalar.properties.changesWhenCaseFolded else { return [scalar] }
        return Array(String(Character(scalar)).folding(options: .caseInsensitive, locale: nil).unicodeScalars)
    }

    /// Table B.1: soft hyphen, joiners, variation selectors and other invisible characters.
    private static func mapsToNothing(_ value: UInt32) -> Bool {
        switch value {
        case 0xAD, 0x34F, 0x1806, 0x180B...0x180D, 0x200B...0x200D, 0x2060, 0xFE00...0xFE0F, 0xFEFF: return true
        default: return false
        }
    }

    /// Tables C.1.2 to C.9: non-ASCII spaces and controls, private use, non-characters,
    /// surrogates, characters unfit for plain text, ideographic description, directional
    /// and deprecated format characters, and tags.
    private static func isProhibited(_ value: UInt32) -> Bool {
        if value & 0xFFFE == 0xFFFE { return true }
        switch value {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000,
             0x80...0x9F, 0x6DD, 0x70F, 0x180E, 0x200C, 0x200D, 0x2028, 0x2029, 0x2060...0x2063, 0x206A...0x206F,
             0xFEFF, 0xFFF9...0xFFFD, 0x1D173...0x1D17A,
             0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD,
             0xFDD0...0xFDEF, 0xD800...0xDFFF, 0x2FF0...0x2FFB,
             0x340, 0x341, 0x200E, 0x200F, 0x202A...0x202E,
             0xE0001, 0xE0020...0xE007F:
            return true
        default:
            return false
        }
    }

    /// RFC 3454 section 6: a label with right-to-left characters holds no left-to-right ones,
    /// and starts and ends with a right-to-left character.
    private static func followsBidiRule(_ scalars: [UInt32]) -> Bool {
        guard scalars.contains(where: isRightToLeft) else { return true }
        guard let first = scalars.first, let last = scalars.last, isRightToLeft(first), isRightToLeft(last) else {
            return false
        }
        return !scalars.contains(where: isLeftToRight)
    }

    /// Bidi class R or AL. Java's nameprep takes bidi classes from the JDK's Unicode data
    /// (13.0 in Java 17), not Unicode 3.2, where a code point unassigned in the Hebrew, Arabic
    /// and other right-to-left blocks is right-to-left and any other unassigned one is
    /// left-to-right.
    private static func isRightToLeft(_ value: UInt32) -> Bool {
        guard isAssignedInJavaData(value) else { return isInRightToLeftBlock(value) }
        return isAssignedRightToLeft(value)
    }

    private static func isInRightToLeftBlock(_ value: UInt32) -> Bool {
        switch value {
        case 0x590...0x8FF, 0xFB1D...0xFDCF, 0xFDF0...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
            return true
        default:
            return false
        }
    }

    private static func isAssignedInJavaData(_ value: UInt32) -> Bool {
        guard let age = Unicode.Scalar(value)?.properties.age else { return false }
        return age.major <= 13
    }

    /// Unicode 15.0's code points of bidi class R or AL.
    private static func isAssignedRightToLeft(_ value: UInt32) -> Bool {
        switch value {
        case 0x5BE, 0x5C0, 0x5C3, 0x5C6, 0x5D0...0x5EA, 0x5EF...0x5F4, 0x608, 0x60B, 0x60D, 0x61B...0x64A,
             0x66D...0x66F, 0x671...0x6D5, 0x6E5...0x6E6, 0x6EE...0x6EF, 0x6FA...0x70D, 0x70F...0x710,
             0x712...0x72F, 0x74D...0x7A5, 0x7B1, 0x7C0...0x7EA, 0x7F4...0x7F5, 0x7FA, 0x7FE...0x815, 0x81A,
             0x824, 0x828, 0x830...0x83E, 0x840...0x858, 0x85E, 0x860...0x86A, 0x870...0x88E, 0x8A0...0x8C9,
             0x200F, 0xFB1D, 0xFB1F...0xFB28, 0xFB2A...0xFB36, 0xFB38...0xFB3C, 0xFB3E, 0xFB40...0xFB41,
             0xFB43...0xFB44, 0xFB46...0xFBC2, 0xFBD3...0xFD3D, 0xFD50...0xFD8F, 0xFD92...0xFDC7,
             0xFDF0...0xFDFC, 0xFE70...0xFE74, 0xFE76...0xFEFC:
            return true
        case 0x10800...0x10FFF, 0x1E800...0x1EFFF:
            return isRightToLeftSupplementary(value)
        default:
            return false
        }
    }

    private static func isRightToLeftSupplementary(_ value: UInt32) -> Bool {
        switch value {
        case 0x10800...0x10805, 0x10808, 0x1080A...0x10835, 0x10837...0x10838, 0x1083C, 0x1083F...0x10855,
             0x10857...0x1089E, 0x108A7...0x108AF, 0x108E0...0x108F2, 0x108F4...0x108F5, 0x108FB...0x1091B,
             0x10920...0x10939, 0x1093F, 0x10980...0x109B7, 0x109BC...0x109CF, 0x109D2...0x10A00,
             0x10A10...0x10A13, 0x10A15...0x10A17, 0x10A19...0x10A35, 0x10A40...0x10A48, 0x10A50...0x10A58,
             0x10A60...0x10A9F, 0x10AC0...0x10AE4, 0x10AEB...0x10AF6, 0x10B00...0x10B35, 0x10B40...0x10B55,
             0x10B58...0x10B72, 0x10B78...0x10B91, 0x10B99...0x10B9C, 0x10BA9...0x10BAF, 0x10C00...0x10C48,
             0x10C80...0x10CB2, 0x10CC0...0x10CF2, 0x10CFA...0x10D23, 0x10E80...0x10EA9, 0x10EAD,
             0x10EB0...0x10EB1, 0x10F00...0x10F27, 0x10F30...0x10F45, 0x10F51...0x10F59, 0x10F70...0x10F81,
             0x10F86...0x10F89, 0x10FB0...0x10FCB, 0x10FE0...0x10FF6, 0x1E800...0x1E8C4, 0x1E8C7...0x1E8CF,
             0x1E900...0x1E943, 0x1E94B, 0x1E950...0x1E959, 0x1E95E...0x1E95F, 0x1EC71...0x1ECB4,
             0x1ED01...0x1ED3D, 0x1EE00...0x1EEBB:
            return true
        default:
            return false
        }
    }

    /// Bidi class L, approximated: letters (but not the neutral modifier letters of U+02B9...U+02FF),
    /// spacing marks, decimal digits other than the European and Arabic ones, and code points
    /// the JDK's data does not assign outside the blocks whose default is another class.
    private static func isLeftToRight(_ value: UInt32) -> Bool {
        guard !isRightToLeft(value), let scalar = Unicode.Scalar(value) else { return false }
        guard isAssignedInJavaData(value) else {
            switch value {
            case 0x20A0...0x20CF, 0x2060...0x206F, 0xFDD0...0xFDEF, 0xFFF0...0xFFF8, 0x1BCA0...0x1BCA3,
                 0x1D173...0x1D17A, 0xE0000...0xE0FFF:
                return false
            default:
                return value & 0xFFFE != 0xFFFE
            }
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .spacingMark:
            return true
        case .modifierLetter:
            switch value {
            case 0x2B9...0x2BA, 0x2C2...0x2CF, 0x2D2...0x2DF, 0x2E5...0x2ED, 0x2EF...0x2FF: return false
            default: return true
            }
        case .decimalNumber:
            return !(value <= 0x39 || (0x660...0x669).contains(value) || (0x6F0...0x6F9).contains(value))
        default:
            return false
        }
    }
}
