import SocialdeckViewModels
import Testing

@Suite("Key notation")
struct KeyNotationTests {
    func key(_ text: String) throws -> Key { try Key(parsing: text) }

    @Test(arguments: [
        "a", "G", ":", "/", "?", "1", "[", "+", "-", "é",
        "ctrl+d", "ctrl+r", "alt+x", "alt+G", "ctrl+alt+d",
        "enter", "esc", "tab", "shift+tab", "space", "backspace", "del", "ins",
        "home", "end", "pgup", "pgdn", "up", "down", "left", "right", "f1", "f12",
    ])
    func canonicalNotationRoundTrips(text: String) throws {
        #expect(try key(text).description == text)
    }

    @Test func lenientSpellingsGiveTheCanonicalKey() throws {
        let cases: [(String, String)] = [
            ("Ctrl+D", "ctrl+d"), ("ctrl-d", "ctrl+d"), ("C-d", "ctrl+d"), ("control+U", "ctrl+u"),
            ("Enter", "enter"), ("return", "enter"), ("ESCAPE", "esc"), ("backtab", "shift+tab"),
            ("Shift+Tab", "shift+tab"), ("shift+g", "G"), ("pagedown", "pgdn"), ("PgDown", "pgdn"),
            ("pageup", "pgup"), ("delete", "del"), ("F5", "f5"), (" ", "space"), ("meta+x", "alt+x"), ("alt+ctrl+d", "ctrl+alt+d"),
            (" up ", "up"),
        ]
        for (written, canonical) in cases {
            #expect(try key(written).description == canonical, "\(written)")
        }
    }

    @Test func keysAreValues() throws {
        #expect(try key("ctrl+d") == Key.ctrl("d"))
        #expect(try key("G") == Key.character("G"))
        #expect(try key("g") != key("G"))
        #expect(try key("tab") == Key(.tab))
        #expect(try key("shift+tab") == Key(.backTab))
        #expect(try key("f3") == Key(.function(3)))
        #expect(try key("space") == Key(.space))
    }

    @Test func refusedNotations() {
        let cases: [(String, String)] = [
            ("ctrl+", "unknown key"),
            ("hyper+a", "unknown modifier 'hyper'"),
            ("ab", "unknown key 'ab'"),
            ("f13", "unknown key 'f13'"),
            ("f0", "unknown key"),
            ("ctrl+1", "ctrl goes only with a letter"),
            ("ctrl+enter", "ctrl goes only with a letter"),
            ("ctrl+i", "terminals send ctrl+i as tab"),
            ("ctrl+m", "terminals send ctrl+m as enter"),
            ("ctrl+J", "terminals send ctrl+j as enter"),
            ("shift+1", "shift goes only with tab or a letter"),
            ("shift+enter", "shift goes only with tab or a letter"),
            ("alt+enter", "alt goes only with a character"),
            ("", "unknown key"),
            ("\t", "is not a key name"),
            ("\u{7}", "is not a key name"),
        ]
        for (text, fragment) in cases {
            do {
                let parsed = try Key(parsing: text)
                Issue.record("'\(text)' parsed as \(parsed)")
            } catch {
                #expect(error.message.contains(fragment), "'\(text)': \(error.message)")
            }
        }
    }
}
