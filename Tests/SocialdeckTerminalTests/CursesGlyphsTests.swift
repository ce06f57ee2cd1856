@testable import SocialdeckTerminal
import Testing

@Suite("ncurses glyph choice")
struct CursesGlyphsTests {
    /// glibc's rule: per scalar, emoji presentation and CJK wide, regional indicators
    /// narrow, marks zero, unknown -1.
    private func glibc(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value == 0x1FAE8 { return -1 }  // newer than glibc's tables
        if (0x1F1E6...0x1F1FF).contains(scalar.value) { return 1 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.value == 0xFE0F || scalar.value == 0x200D { return 0 }
        return DisplayWidth.of(scalar: scalar)
    }

    private func glyphs(_ grapheme: Character) -> [String] {
        let cell = Cell(grapheme)
        return CursesGlyphs.glyphs(for: cell.grapheme, width: cell.width, libcWidth: glibc)
            .map { String(String.UnicodeScalarView($0)) }
    }

    @Test("Graphemes glibc measures like we do are drawn whole")
    func agreeing() {
        #expect(glyphs("a") == ["a"])
        #expect(glyphs("中") == ["中"])
        #expect(glyphs("e\u{0301}") == ["e\u{0301}"])
        #expect(glyphs("\u{1112}\u{1161}\u{11AB}") == ["\u{1112}\u{1161}\u{11AB}"])
    }

    @Test("Sequences with more than one spacing character keep only their base")
    func sequences() {
        #expect(glyphs("👩\u{200D}💻") == ["👩"])
        #expect(glyphs("👍🏽") == ["👍"])
        #expect(glyphs("☝🏽") == ["☝", " "])
    }

    @Test("Flags are drawn as two one-column regional indicators")
    func flags() {
        #expect(glyphs("🇯🇵") == ["🇯", "🇵"])
    }

    @Test("Emoji on a narrow base are drawn as the bare base and a space")
    func narrowBase() {
        #expect(glyphs("☀\u{FE0F}") == ["☀", " "])
        #expect(glyphs("1\u{FE0F}\u{20E3}") == ["1", " "])
        #expect(glyphs("🏳\u{FE0F}\u{200D}🌈") == ["🏳", " "])
    }

    @Test("Clusters longer than an ncurses cell keep their base")
    func long() {
        #expect(glyphs("👨\u{200D}👩\u{200D}👧\u{200D}👦") == ["👨"])
    }

    @Test("Unknown and unsafe graphemes become U+FFFD, padded to their width")
    func replacement() {
        #expect(glyphs("\u{1FAE8}") == ["\u{FFFD}", " "])
        #expect(glyphs("\u{1B}") == ["\u{FFFD}"])
        #expect(glyphs("\u{202E}") == ["\u{FFFD}"])
    }
}
