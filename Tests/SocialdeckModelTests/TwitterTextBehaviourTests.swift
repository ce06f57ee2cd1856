import Foundation
import Testing
@testable import SocialdeckModel

/// X's count on the inputs the issue names: text that only looks like a URL, directional
/// marks, emoji at the edges of twitter-text's list. Expected values are what twitter-text
/// 3.1.0's Java implementation answers for the same strings.
@Suite("twitter-text behaviour")
struct TwitterTextBehaviourTests {
    func weight(_ text: String) -> Int { TwitterText.parse(text).weightedLength }
    func urls(_ text: String) -> [String] { TwitterText.urls(in: text).map(\.url) }

    @Test func textThatOnlyLooksLikeAURLIsCountedAsText() {
        #expect(weight("example.comics") == 14)  // no TLD ends there
        #expect(weight("see file.txt and v1.2.3, e.g. this") == 34)
        #expect(weight("example.invalid") == 15)
        #expect(weight("http://-bad.com") == 15)  // a label cannot start with a hyphen
        #expect(weight("http://ex_ample.com") == 19)  // nor a domain name hold an underscore…
        #expect(weight("http://sub_domain.example.com") == 23)  // …which a subdomain may
        #expect(weight("http://" + String(repeating: "a", count: 64) + ".com") == 75)  // a label of 64
        #expect(weight("http://localhost:8080/x") == 23)
        #expect(weight("http://192.168.0.1/x") == 20)  // addresses have no TLD
        #expect(weight("ftp://example.com") == 17)  // after "/" a bare domain is not a URL
        for text in ["user@example.com", "#example.com", "$example.com", "_example.com", "-example.com", "/example.com"] {
            #expect(weight(text) == 12 + (text.count - 12), "\(text)")
            #expect(urls(text).isEmpty, "\(text)")
        }
    }

    @Test func urlsWeigh23WithoutTheTrailingPunctuation() {
        #expect(urls("example.com") == ["example.com"])
        #expect(urls("www.example.co.uk") == ["www.example.co.uk"])
        #expect(urls("Visit example.com.") == ["example.com"])
        #expect(weight("Visit example.com.") == 6 + 23 + 1)
        #expect(urls("(https://example.com/a)") == ["https://example.com/a"])
        #expect(urls("https://example.com/foo.") == ["https://example.com/foo"])
        #expect(urls("https://www.example.com/path_(with)_parens_(nested_(deep))")
                == ["https://www.example.com/path_(with)_parens_(nested_(deep))"])
        #expect(urls("HTTPS://EXAMPLE.COM") == ["HTTPS://EXAMPLE.COM"])
        #expect(urls("http://example.com:80/") == ["http://example.com:80/"])
        #expect(urls("http://пример.рф") == ["http://пример.рф"])
        #expect(urls("xn--bcher-kva.com") == ["xn--bcher-kva.com"])
        #expect(urls("http://xn--bcher-kva.xn--p1ai") == ["http://xn--bcher-kva.xn--p1ai"])
    }

    @Test func tcoLinksStopAfterTheirSlug() {
        #expect(urls("t.co/abc") == ["t.co/abc"])
        #expect(urls("https://t.co/abc/def") == ["https://t.co/abc"])
        #expect(weight("https://t.co/abc/def") == 23 + 4)
        #expect(weight("https://t.co/" + String(repeating: "a", count: 40)) == 23)
        #expect(weight("https://t.co/" + String(repeating: "a", count: 41)) == 54)  // slug too long: text
    }

    @Test func directionalMarksWeighAsCharactersAndKeepThePostValid() {
        let marks = TwitterText.parse("\u{200E}\u{200F}\u{202A}\u{2066}\u{061C}")
        #expect(marks.weightedLength == 9)  // four outside the light ranges, U+061C inside
        #expect(marks.isValid)
        #expect(urls("\u{200F}example.com") == ["example.com"])
        #expect(weight("\u{200F}example.com") == 25)
    }

    @Test func invalidCharactersMakeThePostInvalidFromWhereTheyStand() {
        let result = TwitterText.parse("a\u{FEFF}b")
        #expect(result.weightedLength == 4)
        #expect(!result.isValid)
        #expect(result.problem == .invalidCharacters)
        #expect(result.validRangeEnd == 0)
    }

    @Test func blankTextIsEmpty() {
        let result = TwitterText.parse("   \n ")
        #expect(result.weightedLength == 0)
        #expect(result.problem == .empty)
        #expect(!result.isValid)
        #expect(TwitterText.parse("\u{A0}").isValid)  // only characters up to U+0020 are blank
    }

    @Test func emojiAtTheEdgesOfTwitterTextsList() {
        #expect(weight("❤\u{FE0F}") == 2)
        #expect(weight("☀\u{FE0E}") == 4)  // text presentation: not an emoji
        #expect(weight("😀\u{FE0F}") == 4)  // twitter-text takes no selector after this one
        #expect(weight("#\u{FE0F}") == 3)  // no keycap mark
        #expect(weight("👍\u{200D}👍") == 5)  // a joined pair no one draws as one
        #expect(weight("🫶🏽") == 4)  // Emoji 14: after twitter-text's list
        #expect(weight("🇫🇷") == 2)
        #expect(weight("🇦🇦") == 4)  // no such flag
        #expect(weight("🇦🇦🇫🇷") == 6)  // the flag is found one letter on
        #expect(weight("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}") == 2)
    }

    @Test func theValidRangeEndsWhereTheLimitIsReached() {
        let text = String(repeating: "日", count: 141)
        let result = TwitterText.parse(text)
        #expect(result.weightedLength == 282)
        #expect(result.problem == .tooLong)
        #expect(result.validRangeEnd == 139)
        #expect(result.displayRangeEnd == 140)
    }

    @Test func emojiTablesStartWhereTheScannerLooks() {
        let firsts = TweetEmojiData.sequences.split(whereSeparator: \.isWhitespace).map { $0.unicodeScalars.first!.value }
            + (TweetEmojiData.variationBases + TweetEmojiData.variationModifierBases + TweetEmojiData.modifierBases)
                .flatMap { Array($0) }
        for first in firsts {
            #expect(TweetEmoji.mayStart(first), "U+\(String(first, radix: 16))")
        }
    }

    @Test func normalisationIsSkippedOnlyWhenNothingWouldChange() {
        for text in ["plain ASCII", "日本語のテキスト", "Ærøskøbing", "\u{05D0}\u{05B8}"] {
            #expect(TweetNormalization.isNFC(text) == (text == text.precomposedStringWithCanonicalMapping), "\(text)")
        }
        for text in ["cafe\u{301}", "\u{1112}\u{1161}\u{11AB}", "\u{212B}", "a\u{323}\u{302}"] {
            #expect(!TweetNormalization.isNFC(text), "\(text)")
        }
        #expect(TwitterText.normalized("\u{E0067}\u{301}").unicodeScalars.map(\.value) == [0xE0067, 0x301])
        #expect(TwitterText.normalized("e\u{301}") == "\u{E9}")
    }
}
