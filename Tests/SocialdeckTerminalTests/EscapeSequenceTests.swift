import Foundation
@testable import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// The bytes that follow an ESC ncurses did not recognise, decoded as the terminals
/// that send them mean them (issue #10, item 9).
@Suite("Escape sequences")
struct EscapeSequenceTests {
    /// Decodes `input` (what followed the ESC) and returns the event and what was left unread.
    private func decode(_ input: String) -> (event: InputEvent?, rest: String) {
        var scalars = Array(input.unicodeScalars)[...]
        let event = EscapeSequence.event { scalars.popFirst().map(\.value) }
        return (event, String(String.UnicodeScalarView(scalars)))
    }

    private func key(_ code: Key.Code, control: Bool = false, alt: Bool = false) -> InputEvent {
        .key(Key(code, control: control, alt: alt))
    }

    @Test("Home, End, PgUp and PgDn as xterm, VT220 (tmux, screen), rxvt and the Linux console send them")
    func navigationKeys() {
        let cases: [(String, Key.Code)] = [
            ("[1~", .home), ("[7~", .home), ("[H", .home), ("OH", .home),
            ("[4~", .end), ("[8~", .end), ("[F", .end), ("OF", .end),
            ("[5~", .pageUp), ("[6~", .pageDown), ("[2~", .insert), ("[3~", .delete),
            ("[A", .up), ("OB", .down), ("[C", .right), ("OD", .left),
        ]
        for (sequence, code) in cases {
            let decoded = decode(sequence)
            #expect(decoded.event == key(code), "ESC \(sequence)")
            #expect(decoded.rest.isEmpty, "ESC \(sequence)")
        }
    }

    @Test("Function keys: SS3 P–S, CSI n ~ and the Linux console's ESC [ [ A–E")
    func functionKeys() {
        let cases: [(String, Int)] = [("OP", 1), ("OS", 4), ("[11~", 1), ("[15~", 5), ("[17~", 6), ("[24~", 12),
                                      ("[[A", 1), ("[[E", 5), ("[1;5P", 1)]
        for (sequence, number) in cases {
            let event = decode(sequence).event
            if sequence == "[1;5P" {
                #expect(event == key(.function(number), control: true))
            } else {
                #expect(event == key(.function(number)), "ESC \(sequence)")
            }
        }
    }

    @Test("xterm's modifier parameter becomes alt and ctrl; a shifted named key is dropped, not read as the plain key")
    func modifiers() {
        #expect(decode("[1;3A").event == key(.up, alt: true))
        #expect(decode("[1;5B").event == key(.down, control: true))
        #expect(decode("[1;7H").event == key(.home, control: true, alt: true))
        #expect(decode("[5;3~").event == key(.pageUp, alt: true))
        #expect(decode("[1;9A").event == key(.up, alt: true))
        #expect(decode("[1;2A").event == nil)
        #expect(decode("[6;2~").event == nil)
        #expect(decode("[Z").event == key(.backTab))
    }

    @Test("ESC before a character is alt with it; ESC before another sequence adds alt to it")
    func altPrefix() {
        #expect(decode("x").event == key(.character("x"), alt: true))
        #expect(decode("x").rest.isEmpty)
        #expect(decode("\u{1B}[A").event == key(.up, alt: true))
        #expect(decode("\u{1B}").event == key(.escape))
        #expect(decode("\u{04}").event == key(.character("d"), control: true, alt: true))
        #expect(decode("").event == key(.escape))
    }

    @Test("Unknown sequences are consumed to their end and dropped whole: no digit or letter leaks as a key")
    func unknownDropped() {
        for sequence in ["[99~", "[2A", "[1;2;3A", "[?1;2c", "[<0;10;5M", "[200~", "[E", "[1$", "Oz", "[[Z", "[M !!"] {
            let decoded = decode(sequence + "j")
            #expect(decoded.event == nil, "ESC \(sequence)")
            #expect(decoded.rest == "j", "ESC \(sequence) left \(decoded.rest.debugDescription)")
        }
    }

    @Test("Reading stops at the sequence's end: what follows stays for the next read")
    func stopsAtTheEnd() {
        #expect(decode("[1~4").rest == "4")
        #expect(decode("OAq").rest == "q")
        #expect(decode("[1;3A1").rest == "1")
    }

    @Test("A sequence cut short is dropped, and a runaway one stops at the length limit")
    func truncatedAndRunaway() {
        #expect(decode("[1;").event == nil)
        #expect(decode("O").event == nil)
        let runaway = decode("[" + String(repeating: "1", count: 100))
        #expect(runaway.event == nil)
        #expect(runaway.rest.count == 100 - EscapeSequence.maximumLength)
    }

    @Test("Modified keys ncurses names from the terminfo entry's extended capabilities")
    func extendedNames() {
        #expect(EscapeSequence.extendedKey(named: "kUP3") == key(.up, alt: true))
        #expect(EscapeSequence.extendedKey(named: "kNXT5") == key(.pageDown, control: true))
        #expect(EscapeSequence.extendedKey(named: "kHOM7") == key(.home, control: true, alt: true))
        #expect(EscapeSequence.extendedKey(named: "kUP") == nil)
        #expect(EscapeSequence.extendedKey(named: "kUP4") == nil)
        #expect(EscapeSequence.extendedKey(named: "kxIN") == nil)
    }

    @Test("The keypad in application mode types its digits and operators")
    func keypad() {
        #expect(decode("Op").event == key(.character("0")))
        #expect(decode("Oy").event == key(.character("9")))
        #expect(decode("Ok").event == key(.character("+")))
        #expect(decode("OM").event == key(.enter))
    }
}
