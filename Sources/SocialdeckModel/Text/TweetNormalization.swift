/// Unicode Normalization Form C, as twitter-text applies it before counting. Most posts are
/// already in NFC, and finding that out (the quick check of UAX #15) costs a fraction of
/// normalising, so only text that may change is normalised.
///
/// The normaliser is the standard library's (`_nfcCodeUnits`, what `String` comparison
/// uses), not Foundation's `precomposedStringWithCanonicalMapping`: on Linux the latter turns
/// a tag character and a combining accent ("\u{E0067}\u{301}") into "ǵ", and it is four
/// times slower.
enum TweetNormalization {
    static func nfc(_ text: String) -> String {
        isNFC(text) ? text : String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// The UTF-16 code units of `text` in NFC; `original` are its own units, which are the
    /// answer when nothing would change.
    static func nfcUnits(of text: String, original: [UInt16]) -> [UInt16] {
        isNFC(original) ? original : Array(String(decoding: text._nfcCodeUnits, as: UTF8.self).utf16)
    }

    /// `isNFC` over UTF-16 code units, without decoding what the table says needs no look.
    static func isNFC(_ units: [UInt16]) -> Bool {
        let needsLook = bmpNeedsLook
        var lastClass: UInt8 = 0
        var index = 0
        while index < units.count {
            let unit = units[index]
            if unit < 0x300 || (unit & 0xF800 != 0xD800 && !needsLook[Int(unit)]) {
                lastClass = 0
                index += 1
                continue
            }
            let (value, width) = TweetUnits(units).scalar(at: index)
            index += width
            if mayChange(value) { return false }
            let combiningClass = Unicode.Scalar(value)?.properties.canonicalCombiningClass.rawValue ?? 0
            if combiningClass != 0 && lastClass > combiningClass { return false }
            lastClass = combiningClass
        }
        return true
    }

    /// True only when `text` is certainly in NFC: no character that NFC may change
    /// (NFC_Quick_Check No or Maybe) and combining marks in canonical order.
    static func isNFC(_ text: String) -> Bool {
        let needsLook = bmpNeedsLook
        var lastClass: UInt8 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 || (value < 0x10000 && !needsLook[Int(value)]) {
                lastClass = 0
                continue
            }
            if mayChange(value) { return false }
            let combiningClass = scalar.properties.canonicalCombiningClass.rawValue
            if combiningClass != 0 && lastClass > combiningClass { return false }
            lastClass = combiningClass
        }
        return true
    }

    /// For each BMP code point, whether the quick check must look at it: it may change under
    /// NFC or it has a combining class. Built once from the table and the runtime's
    /// properties, because asking the properties for every character of every keystroke
    /// costs more than the rest of the count.
    private static let bmpNeedsLook: [Bool] = (0..<0x10000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return false }
        return mayChange(UInt32(value)) || scalar.properties.canonicalCombiningClass.rawValue != 0
    }

    private static func mayChange(_ value: UInt32) -> Bool {
        var low = 0, high = quickCheckNoOrMaybe.count
        while low < high {
            let middle = (low + high) / 2
            if quickCheckNoOrMaybe[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < quickCheckNoOrMaybe.count && quickCheckNoOrMaybe[low].contains(value)
    }

    /// Code points whose NFC_Quick_Check is No or Maybe (Unicode 15.0 DerivedNormalizationProps.txt,
    /// Unicode License v3).
    private static let quickCheckNoOrMaybe: [ClosedRange<UInt32>] = [
        0x300...0x304, 0x306...0x30C, 0x30F...0x30F, 0x311...0x311, 0x313...0x314, 0x31B...0x31B,
        0x323...0x328, 0x32D...0x32E, 0x330...0x331, 0x338...0x338, 0x340...0x345, 0x374...0x374,
        0x37E...0x37E, 0x387...0x387, 0x653...0x655, 0x93C...0x93C, 0x958...0x95F, 0x9BE...0x9BE,
        0x9D7...0x9D7, 0x9DC...0x9DD, 0x9DF...0x9DF, 0xA33...0xA33, 0xA36...0xA36, 0xA59...0xA5B,
        0xA5E...0xA5E, 0xB3E...0xB3E, 0xB56...0xB57, 0xB5C...0xB5D, 0xBBE...0xBBE, 0xBD7...0xBD7,
        0xC56...0xC56, 0xCC2...0xCC2, 0xCD5...0xCD6, 0xD3E...0xD3E, 0xD57...0xD57, 0xDCA...0xDCA,
        0xDCF...0xDCF, 0xDDF...0xDDF, 0xF43...0xF43, 0xF4D...0xF4D, 0xF52...0xF52, 0xF57...0xF57,
        0xF5C...0xF5C, 0xF69...0xF69, 0xF73...0xF73, 0xF75...0xF76, 0xF78...0xF78, 0xF81...0xF81,
        0xF93...0xF93, 0xF9D...0xF9D, 0xFA2...0xFA2, 0xFA7...0xFA7, 0xFAC...0xFAC, 0xFB9...0xFB9,
        0x102E...0x102E, 0x1161...0x1175, 0x11A8...0x11C2, 0x1B35...0x1B35, 0x1F71...0x1F71, 0x1F73...0x1F73,
        0x1F75...0x1F75, 0x1F77...0x1F77, 0x1F79...0x1F79, 0x1F7B...0x1F7B, 0x1F7D...0x1F7D, 0x1FBB...0x1FBB,
        0x1FBE...0x1FBE, 0x1FC9...0x1FC9, 0x1FCB...0x1FCB, 0x1FD3...0x1FD3, 0x1FDB...0x1FDB, 0x1FE3...0x1FE3,
        0x1FEB...0x1FEB, 0x1FEE...0x1FEF, 0x1FF9...0x1FF9, 0x1FFB...0x1FFB, 0x1FFD...0x1FFD, 0x2000...0x2001,
        0x2126...0x2126, 0x212A...0x212B, 0x2329...0x232A, 0x2ADC...0x2ADC, 0x3099...0x309A, 0xF900...0xFA0D,
        0xFA10...0xFA10, 0xFA12...0xFA12, 0xFA15...0xFA1E, 0xFA20...0xFA20, 0xFA22...0xFA22, 0xFA25...0xFA26,
        0xFA2A...0xFA6D, 0xFA70...0xFAD9, 0xFB1D...0xFB1D, 0xFB1F...0xFB1F, 0xFB2A...0xFB36, 0xFB38...0xFB3C,
        0xFB3E...0xFB3E, 0xFB40...0xFB41, 0xFB43...0xFB44, 0xFB46...0xFB4E, 0x110BA...0x110BA, 0x11127...0x11127,
        0x1133E...0x1133E, 0x11357...0x11357, 0x114B0...0x114B0, 0x114BA...0x114BA, 0x114BD...0x114BD, 0x115AF...0x115AF,
        0x11930...0x11930, 0x1D15E...0x1D164, 0x1D1BB...0x1D1C0, 0x2F800...0x2FA1D,
    ]
}
