import SocialdeckTerminal
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII and Latin are one column each")
    func narrow() {
        #expect(DisplayWidth.of("hello") == 5)
        #expect(DisplayWidth.of("Ünïcödé") == 7)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("CJK, Hangul and fullwidth forms are two columns")
    func eastAsianWide() {
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("日本語のテキスト") == 16)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ＡＢＣ") == 6)
        #expect(DisplayWidth.of("\u{3000}") == 2)  // ideographic space
        // Decomposed Hangul: initial consonant + vowel + final consonant, one syllable.
        let syllable: Character = "\u{1112}\u{1161}\u{11AB}"
        #expect(DisplayWidth.of(syllable) == 2)
    }

    @Test("Combining marks join their base; standing alone they take no column")
    func combining() {
        let accented: Character = "e\u{0301}"
        #expect(DisplayWidth.of(accented) == 1)
        #expect(DisplayWidth.of("e\u{0301}te\u{0301}") == 3)
        #expect(DisplayWidth.of(Character("\u{0301}")) == 0)
        #expect(DisplayWidth.of(Character("\u{200D}")) == 0)  // ZWJ
        #expect(DisplayWidth.of(Character("\u{FE0F}")) == 0)  // VS16
        #expect(DisplayWidth.of(Character("\u{FE0E}")) == 0)  // VS15
        #expect(DisplayWidth.of(Character("\u{200B}")) == 0)  // zero-width space
    }

    @Test("A prepended format character takes the width of the character it prepends to")
    func prepended() {
        // One cluster each at run time (the compiler's check of Character literals disagrees).
        let numberSign = Array("\u{0600}1")
        let twoSigns = Array("\u{0600}\u{0601}日")
        #expect(numberSign.count == 1 && twoSigns.count == 1)
        #expect(DisplayWidth.of(numberSign[0]) == 1)
        #expect(DisplayWidth.of(twoSigns[0]) == 2)
        #expect(DisplayWidth.of(Character("\u{0600}")) == 0)
    }

    @Test("Controls take no column")
    func controls() {
        #expect(DisplayWidth.of(Character("\u{1B}")) == 0)
        #expect(DisplayWidth.of(Character("\u{07}")) == 0)
        #expect(DisplayWidth.of(Character("\u{7F}")) == 0)
        #expect(DisplayWidth.of(Character("\u{9B}")) == 0)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
    }

    @Test("Emoji presentation is two columns, text presentation one")
    func variationSelectors() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("☀") == 1)                // text by default
        #expect(DisplayWidth.of("☀\u{FE0F}") == 2)        // VS16: emoji
        #expect(DisplayWidth.of("☀\u{FE0E}") == 1)        // VS15: text
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.of("⌚") == 2)                // emoji by default
        #expect(DisplayWidth.of("⌚\u{FE0E}") == 2)        // a wide base keeps its cells
    }

    @Test("ZWJ sequences, skin tones, flags and keycaps are one two-column cluster")
    func emojiSequences() {
        let sequences = [
            "👩\u{200D}💻",                                   // technologist
            "👨\u{200D}👩\u{200D}👧\u{200D}👦",               // family
            "🏳\u{FE0F}\u{200D}🌈",                           // rainbow flag, narrow base
            "👍🏽", "☝🏽",                                     // skin tones, wide and narrow base
            "🇯🇵", "🇺🇦",                                     // flags
            "1\u{FE0F}\u{20E3}", "#\u{FE0F}\u{20E3}",         // keycaps
            "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", // Scotland
        ]
        for sequence in sequences {
            #expect(sequence.count == 1, "\(sequence) is one grapheme")
            #expect(DisplayWidth.of(sequence) == 2, "\(sequence)")
        }
        #expect(DisplayWidth.of("🇯🇵🇺🇦") == 4)
        #expect(DisplayWidth.of("🇯") == 2)  // a lone regional indicator has emoji presentation
    }

    @Test("Mixed strings add up cluster by cluster")
    func mixed() {
        #expect(DisplayWidth.of("a中😀e\u{0301}🇯🇵") == 8)
        #expect(DisplayWidth.of("Hi 👩\u{200D}💻 한글!") == 11)
        #expect(DisplayWidth.of("Hi"[...]) == 2)  // substrings too
    }

    @Test("Text that fits is not truncated")
    func truncateFits() {
        #expect(DisplayWidth.truncate("中文", toColumns: 4) == "中文")
        #expect(DisplayWidth.truncate("中文", toColumns: 10, ellipsis: true) == "中文")
        #expect(DisplayWidth.truncate("abc", toColumns: 0) == "")
        #expect(DisplayWidth.truncate("abc", toColumns: -3) == "")
    }

    @Test("A wide character straddling the limit becomes a space")
    func truncateStraddle() {
        #expect(DisplayWidth.truncate("abc中def", toColumns: 4) == "abc ")
        #expect(DisplayWidth.truncate("中文字", toColumns: 3) == "中 ")
        #expect(DisplayWidth.truncate("中文字", toColumns: 1) == " ")
        #expect(DisplayWidth.truncate("😀😀", toColumns: 3) == "😀 ")
        #expect(DisplayWidth.truncate("👩\u{200D}💻👩\u{200D}💻", toColumns: 3) == "👩\u{200D}💻 ")
    }

    @Test("The ellipsis fits inside the limit")
    func truncateEllipsis() {
        #expect(DisplayWidth.truncate("abcdef", toColumns: 4, ellipsis: true) == "abc…")
        #expect(DisplayWidth.truncate("中文字", toColumns: 5, ellipsis: true) == "中文…")
        #expect(DisplayWidth.truncate("中文字", toColumns: 4, ellipsis: true) == "中… ")
        #expect(DisplayWidth.truncate("中文字", toColumns: 1, ellipsis: true) == "…")
        for columns in 1...8 {
            let cut = DisplayWidth.truncate("a中😀e\u{0301}🇯🇵bc", toColumns: columns, ellipsis: true)
            #expect(DisplayWidth.of(cut) == columns)
        }
    }

    @Test("Truncation never splits a grapheme cluster")
    func truncateKeepsClusters() {
        let cut = DisplayWidth.truncate("e\u{0301}e\u{0301}e\u{0301}", toColumns: 2)
        #expect(Array(cut.unicodeScalars) == ["e", "\u{0301}", "e", "\u{0301}"])
        #expect(DisplayWidth.truncate("🇯🇵🇺🇦", toColumns: 3) == "🇯🇵 ")
        #expect(DisplayWidth.truncate("1\u{FE0F}\u{20E3}2", toColumns: 2) == "1\u{FE0F}\u{20E3}")
    }

    @Test("Padding counts columns, not characters")
    func pad() {
        #expect(DisplayWidth.pad("中", toColumns: 4) == "中  ")
        #expect(DisplayWidth.pad("中", toColumns: 4, alignment: .trailing) == "  中")
        #expect(DisplayWidth.pad("ab", toColumns: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("中文字", toColumns: 4) == "中文字")
        #expect(DisplayWidth.fit("中文字", toColumns: 4, ellipsis: true) == "中… ")
        #expect(DisplayWidth.fit("中", toColumns: 5, alignment: .trailing) == "   中")
    }
}
