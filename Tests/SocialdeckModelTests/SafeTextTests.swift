import Testing
import SocialdeckModel

/// Untrusted text is made safe to print on a terminal.
@Suite("Safe text")
struct SafeTextTests {
    func safe(_ s: String) -> String { SafeText.escapingControls(s) }

    /// Scalars that must never reach a terminal raw.
    static func isDangerous(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    @Test func osc52ClipboardWriteIsDefused() {
        let attack = "\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{07}"
        #expect(safe(attack) == #"\e]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{7}"#)
        #expect(!safe(attack).unicodeScalars.contains { Self.isDangerous($0) })
    }

    @Test func csiSequencesAreDefused() {
        #expect(safe("\u{1B}[2J") == #"\e[2J"#)
        #expect(safe("\u{1B}[31mred\u{1B}[0m") == #"\e[31mred\e[0m"#)
        #expect(safe("title\u{1B}]0;pwned\u{1B}\\") == #"title\e]0;pwned\e\"#)
    }

    @Test func commonWhitespaceIsShownAsEscapes() {
        #expect(safe("a\tb\nc\rd") == #"a\tb\nc\rd"#)
    }

    @Test func otherC0ControlsAndDELAreShownAsScalars() {
        #expect(safe("\u{0}") == #"\u{0}"#)
        #expect(safe("\u{7}") == #"\u{7}"#)
        #expect(safe("\u{8}") == #"\u{8}"#)
        #expect(safe("\u{1F}") == #"\u{1f}"#)
        #expect(safe("\u{7F}") == #"\u{7f}"#)
    }

    @Test func c1ControlsAreShownAsScalars() {
        #expect(safe("\u{9B}2J") == #"\u{9b}2J"#) // 8-bit CSI
        #expect(safe("\u{9D}52;c;x\u{9C}") == #"\u{9d}52;c;x\u{9c}"#) // 8-bit OSC and ST
        #expect(safe("\u{85}") == #"\u{85}"#)
        #expect(safe("\u{80}") == #"\u{80}"#)
        #expect(safe("\u{9F}") == #"\u{9f}"#)
        #expect(safe("\u{A0}") == "\u{A0}") // no-break space is printable
    }

    @Test func bidiOverridesIsolatesAndLineSeparatorsAreShownAsScalars() {
        #expect(safe("invoice\u{202E}fdp.exe") == #"invoice\u{202e}fdp.exe"#)
        for v: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029] {
            let s = String(Character(Unicode.Scalar(v)!))
            #expect(safe(s) == "\\u{\(String(v, radix: 16))}")
        }
    }

    @Test func printableTextIsLeftIntact() {
        let texts = ["Hello, world!", "café", "cafe\u{301}", "日本語のテキスト", "한국어", "😀👍🏽👨‍👩‍👧🇫🇷❤️",
                     "Ærøskøbing — “quotes” …", "emoji ZWJ\u{200D}kept", "العربية", "a\\e not an escape"]
        for t in texts { #expect(safe(t) == t, "\(t)") }
    }

    @Test func noDangerousScalarSurvivesAnywhereInTheFirstPlanes() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0)..<0x3000 { if let s = Unicode.Scalar(v) { all.append(s) } }
        let out = safe(String(all))
        #expect(!out.unicodeScalars.contains { Self.isDangerous($0) })
        // Everything harmless passes through in order.
        let harmless = String(String.UnicodeScalarView(all.filter { !Self.isDangerous($0) }))
        #expect(safe(harmless) == harmless)
    }

    @Test func backslashesAreNotEscapedSoOutputIsForDisplayOnly() {
        #expect(safe(#"C:\path"#) == #"C:\path"#)
    }
}
