import Testing
import SocialdeckModel

/// Which characters a reader would not see, in context.
@Suite("Invisible text")
struct InvisibleTextTests {
    func hidden(_ text: String) -> [Bool]? { InvisibleText.hiddenMask(Array(text.unicodeScalars)) }

    @Test func theQuickTestIsExactlyTheFormatAndDefaultIgnorableScalars() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            let expected = value >= 0xAD && (properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint)
            if InvisibleText.canBeHidden(scalar) != expected { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func formatAndDefaultIgnorableCharactersAreHidden() {
        for value: UInt32 in [0x00AD, 0x034F, 0x061C, 0x0600, 0x115F, 0x180E, 0x200B, 0x200C, 0x200E, 0x200F, 0x202E,
                              0x2060, 0x2064, 0x2066, 0x3164, 0xFE00, 0xFEFF, 0xFFA0, 0xE0001, 0xE0041, 0xE007F, 0xE0100] {
            #expect(hidden("a" + String(Unicode.Scalar(value)!)) == [false, true], "U+\(String(value, radix: 16))")
        }
    }

    @Test func visibleTextIsNot() {
        for text in ["Hello", "café", "cafe\u{301}", "日本語", "한국어", "العربية", "\u{A0}no-break", "Ærø — “q” …", "1️⃣"] {
            #expect(hidden(text) == nil, "\(text)")
        }
    }

    @Test func joinersAndSelectorsInsideEmojiAreNot() {
        for emoji in ["👩\u{200D}💻", "🏳\u{FE0F}\u{200D}🌈", "🧑🏽\u{200D}💻", "❤\u{FE0F}", "☀\u{FE0E}",
                      "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"] {
            #expect(hidden("x " + emoji) == nil, "\(emoji)")
        }
    }

    @Test func theSameCharactersOutsideEmojiAre() {
        #expect(hidden("a\u{200D}b") == [false, true, false])
        #expect(hidden("😀\u{200D}a") == [false, true, false])
        #expect(hidden("A\u{FE0F}") == [false, true])
        #expect(hidden("🏴\u{E0075}\u{E0073}\u{E0063}\u{E0061}\u{E007F}") == [false, true, true, true, true, true])
        // A real flag does not vouch for tags after it.
        #expect(hidden("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}\u{E0068}\u{E0069}")
                    == [false, false, false, false, false, false, false, true, true])
    }

    @Test func tagCharactersSpellASCII() {
        #expect(InvisibleText.tagASCII("\u{E0041}") == "A")
        #expect(InvisibleText.tagASCII("\u{E0020}") == " ")
        #expect(InvisibleText.tagASCII("\u{E007F}") == nil)
        #expect(InvisibleText.tagASCII("A") == nil)
    }
}
