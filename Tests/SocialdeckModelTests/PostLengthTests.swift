import Testing
import SocialdeckModel

/// Post length as each network counts it; X uses twitter-text v3 weights.
@Suite("Post length")
struct PostLengthTests {
    func x(_ text: String) -> Int { PostLength.count(text, on: .twitter) }

    @Test func plainASCIIWeighsOnePerCharacter() {
        #expect(x("") == 0)
        #expect(x("hello") == 5)
        #expect(x("Hello, world! 123 #tag @user") == 28)
        #expect(x(String(repeating: "a", count: 280)) == 280)
    }

    @Test func everyURLWeighs23() {
        #expect(x("https://example.com") == 23)
        #expect(x("http://x.co") == 23)
        #expect(x("https://example.com/a/very/long/path/that/goes/on/and/on?with=query&and=more#fragment") == 23)
        #expect(x("see https://x.co ok") == 4 + 23 + 3)
        #expect(x("https://a.example.com https://b.example.com") == 23 + 1 + 23)
        #expect(x("New loaf\n\nMore: https://dough.example.com/42") == 16 + 23)
        // `.example` is no top-level domain twitter-text knows, so this is text (24 characters).
        #expect(x("https://dough.example/42") == 24)
    }

    @Test func emojiWeighTwo() {
        #expect(x("😀") == 2)
        #expect(x("👍🏽") == 2) // with a skin-tone modifier
        #expect(x("👨‍👩‍👧") == 2) // a ZWJ family
        #expect(x("🇫🇷") == 2) // a flag: two regional indicators
        #expect(x("❤️") == 2) // with a variation selector
        #expect(x("☕") == 2)
        #expect(x("ok 👍") == 3 + 2)
    }

    @Test func emojiSequencesOnASCIIBasesWeighTwo() {
        #expect(x("1️⃣") == 2) // keycap: digit, VS16, combining keycap
        #expect(x("#️⃣") == 2)
        #expect(x("1\u{20E3}") == 2) // keycap without the variation selector
        #expect(x("©️") == 2)
        #expect(x("®️") == 2)
        #expect(x("Top 3️⃣ loaves") == 4 + 2 + 7)
        // Without an emoji mark they stay text.
        #expect(x("1#©") == 3)
    }

    @Test func cjkWeighsTwo() {
        #expect(x("日本語") == 6)
        #expect(x("한국어") == 6)
        #expect(x(String(repeating: "日", count: 140)) == 280)
        #expect(x(String(repeating: "日", count: 141)) == 282)
    }

    @Test func latinAccentsAndTwitterTextPunctuationWeighOne() {
        #expect(x("café") == 4)
        #expect(x("Ærøskøbing") == 10)
        #expect(x("—") == 1) // U+2014, in the 8208…8223 range
        #expect(x("‘quoted’") == 8)
        #expect(x("…") == 2) // U+2026 is outside the light ranges
    }

    @Test func composedAndDecomposedAccentsCountTheSameAfterNFC() {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(composed.unicodeScalars.count == 4)
        #expect(decomposed.unicodeScalars.count == 5)
        #expect(x(composed) == 4)
        #expect(x(decomposed) == 4)
        #expect(x("e\u{301}") == x("\u{E9}"))
        // Hangul jamo compose to one syllable under NFC.
        #expect(x("\u{1112}\u{1161}\u{11AB}") == x("\u{D55C}"))
    }

    /// UTF-16 code units, TikTok's documented unit; see `PlatformRules` for the others.
    @Test func otherPlatformsCountUTF16CodeUnits() {
        for platform in Platform.allCases where platform != .twitter {
            #expect(PostLength.count("hello", on: platform) == 5)
            #expect(PostLength.count("👨‍👩‍👧", on: platform) == 8)
            #expect(PostLength.count("🇫🇷👍🏽", on: platform) == 8)
            #expect(PostLength.count("日本語", on: platform) == 3)
            #expect(PostLength.count("cafe\u{301}", on: platform) == 5)
            #expect(PostLength.count("https://example.com/long/path", on: platform) == 29)
            #expect(PostLength.count("a\r\nb", on: platform) == 4)
        }
    }

    @Test func platformLimits() {
        #expect(Platform.twitter.textLimit == 280)
        #expect(Platform.instagram.textLimit == 2_200)
        #expect(Platform.tiktok.textLimit == 2_200)
        #expect(Platform.linkedin.textLimit == 3_000)
        #expect(Platform.facebook.textLimit == 63_206)
        #expect(Platform.twitter.displayName == "X")
        #expect(Platform.twitter.rawValue == "twitter")
    }
}
