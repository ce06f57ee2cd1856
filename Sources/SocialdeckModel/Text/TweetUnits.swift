/// A post's text as UTF-16 code units: the unit twitter-text's offsets and lengths are in,
/// so indices here are the ones X reports. A surrogate without its partner stands for itself.
struct TweetUnits {
    let units: [UInt16]

    init(_ units: [UInt16]) {
        self.units = units
    }

    var count: Int { units.count }

    /// The unit at `index`, or nil past either end.
    @inline(__always)
    func unit(_ index: Int) -> UInt16? {
        index >= 0 && index < units.count ? units[index] : nil
    }

    /// The code point starting at `index` and how many units it takes.
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, width: Int) {
        let first = units[index]
        if first & 0xFC00 == 0xD800, index + 1 < units.count {
            let second = units[index + 1]
            if second & 0xFC00 == 0xDC00 {
                return (0x10000 + (UInt32(first & 0x3FF) << 10) + UInt32(second & 0x3FF), 2)
            }
        }
        return (UInt32(first), 1)
    }

    /// The code point at `index`, or nil past the end.
    @inline(__always)
    func value(at index: Int) -> UInt32? {
        index < units.count ? scalar(at: index).value : nil
    }

    /// Whether `literal` (lowercase ASCII) is at `index`, ignoring ASCII case.
    func hasASCII(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index >= 0, index + count <= units.count else { return false }
        let bytes = literal.utf8Start
        for offset in 0..<count where TweetCharacters.lowerASCII(units[index + offset]) != UInt16(bytes[offset]) {
            return false
        }
        return true
    }

    /// The end of the run of units from `index` that `member` accepts.
    @inline(__always)
    func runEnd(from index: Int, _ member: (UInt16) -> Bool) -> Int {
        var end = index
        while end < units.count && member(units[end]) { end += 1 }
        return end
    }
}

/// The character classes of twitter-text's URL pattern, as Java's regex applies them with
/// `CASE_INSENSITIVE`: ASCII letters match either case, other characters only themselves.
/// Every class but the Unicode domain characters holds only BMP characters that are not
/// surrogates, so they test one code unit.
enum TweetCharacters {
    @inline(__always)
    static func lowerASCII(_ unit: UInt16) -> UInt16 {
        unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ unit: UInt16) -> Bool {
        (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A)
    }

    /// Latin-1 and Latin Extended letters, some IPA letters, the Hawaiian okina, combining
    /// diacritics and Latin Extended Additional.
    @inline(__always)
    static func isLatinAccent(_ unit: UInt16) -> Bool {
        switch unit {
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x253, 0x254, 0x256, 0x257, 0x259, 0x25B, 0x263, 0x268,
             0x26F, 0x272, 0x289, 0x28B, 0x2BB, 0x300...0x36F, 0x1E00...0x1EFF:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isCyrillic(_ unit: UInt16) -> Bool { unit >= 0x400 && unit <= 0x4FF }

    /// A letter or digit of a domain without a protocol, or of one before an ASCII TLD.
    @inline(__always)
    static func isDomainCharacter(_ unit: UInt16) -> Bool {
        isASCIIAlphanumeric(unit) || (unit >= 0xC0 && isLatinAccent(unit))
    }

    /// What may stand just before a URL: anything but a letter or digit, `@`, `$`, `#`
    /// (and their fullwidth forms) and the three invalid characters.
    @inline(__always)
    static func mayPrecedeURL(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return !(isASCIIAlphanumeric(UInt16(value)) || value == 0x40 || value == 0x24 || value == 0x23)
        }
        switch value {
        case 0xFF20, 0xFF03, 0xFFFE, 0xFEFF, 0xFFFF: return false
        default: return true
        }
    }

    /// A character of a Unicode domain label (after `http://`): not ASCII punctuation other
    /// than `\`, not white space or a separator, and not in the General Punctuation block.
    @inline(__always)
    static func isUnicodeDomainCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x206F, 0x3000:
            return false
        case 0x21...0x2F, 0x3A...0x40, 0x5B, 0x5D...0x60, 0x7B...0x7E:
            return false
        default:
            return true
        }
    }

    /// What may follow a top-level domain: not a letter, digit, `@`, `+` or `-`.
    @inline(__always)
    static func mayFollowTLD(_ unit: UInt16?) -> Bool {
        guard let unit else { return true }
        return !(isASCIIAlphanumeric(unit) || unit == 0x40 || unit == 0x2B || unit == 0x2D)
    }

    /// A character of a URL path.
    @inline(__always)
    static func isPathCharacter(_ unit: UInt16) -> Bool {
        if unit < 0x80 {
            if isASCIIAlphanumeric(unit) { return true }
            switch unit {
            case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x3B, 0x3D, 0x40,
                 0x5B, 0x5D, 0x5F, 0x7C, 0x7E:
                return true
            default:
                return false
            }
        }
        return unit == 0x2013 || isLatinAccent(unit) || isCyrillic(unit)
    }

    /// A character a path may end with, so that `/foo.` does not take the full stop.
    @inline(__always)
    static func isPathEndingCharacter(_ unit: UInt16) -> Bool {
        if unit < 0x80 {
            if isASCIIAlphanumeric(unit) { return true }
            switch unit {
            case 0x3D, 0x5F, 0x23, 0x2F, 0x2D, 0x2B: return true
            default: return false
            }
        }
        return isLatinAccent(unit) || isCyrillic(unit)
    }

    @inline(__always)
    static func isQueryCharacter(_ unit: UInt16) -> Bool {
        guard unit < 0x80 else { return false }
        if isASCIIAlphanumeric(unit) { return true }
        switch unit {
        case 0x21, 0x3F, 0x2A, 0x27, 0x28, 0x29, 0x3B, 0x3A, 0x26, 0x3D, 0x2B, 0x24, 0x2F, 0x25, 0x23, 0x5B, 0x5D,
             0x2D, 0x5F, 0x2E, 0x2C, 0x7E, 0x7C, 0x40:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isQueryEndingCharacter(_ unit: UInt16) -> Bool {
        isASCIIAlphanumeric(unit) || unit == 0x2D || unit == 0x5F || unit == 0x26 || unit == 0x3D || unit == 0x23
            || unit == 0x2F
    }
}
