import Foundation
@testable import SocialdeckTerminal
import SocialdeckTestSupport
import Testing

@Suite("Truecolor through a derived terminfo entry", .serialized)
struct DirectColorTerminalTests {
    @Test("COLORTERM=truecolor on xterm-256color compiles a direct-colour entry once, then reuses it")
    func derivesAndCaches() throws {
        let cache = try TemporaryDirectory()
        let environment = ["COLORTERM": "truecolor", "XDG_CACHE_HOME": cache.path]
        let directory = cache.path + "/socialdeck/terminfo"
        let first = DirectColorTerminal.resolve(term: "xterm-256color", environment: environment)
        #expect(first == .derived(name: "xterm-256color-sd-direct", directory: directory))
        let compiled = directory + "/x/xterm-256color-sd-direct"
        let entry = TerminalCapabilities.terminfoColors(term: "xterm-256color-sd-direct", directory: directory)
        #expect(entry?.colors == 1 << 24)
        #expect(entry?.direct == true)
        // The source file is gone; only the compiled entry stays.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["x"])

        let stamp = try FileManager.default.attributesOfItem(atPath: compiled)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.01)
        #expect(DirectColorTerminal.resolve(term: "xterm-256color", environment: environment) == first)
        #expect(try FileManager.default.attributesOfItem(atPath: compiled)[.modificationDate] as? Date == stamp)
    }

    @Test("Without COLORTERM, or on a terminal that cannot, there is no truecolor and a reason")
    func declines() {
        #expect(DirectColorTerminal.resolve(term: "xterm-256color", environment: ["XDG_CACHE_HOME": "/tmp"]) == .notRequested)
        #expect(DirectColorTerminal.resolve(term: "xterm-256color", environment: ["COLORTERM": "256"]) == .notRequested)
        guard case .unavailable(let few) = DirectColorTerminal.resolve(term: "vt100", environment: ["COLORTERM": "24bit"]) else {
            Issue.record("vt100 cannot show truecolor")
            return
        }
        #expect(few.contains("0 colours"))
        guard case .unavailable(let home) = DirectColorTerminal.resolve(term: "xterm-256color", environment: ["COLORTERM": "truecolor"]) else {
            Issue.record("no cache directory without HOME")
            return
        }
        #expect(home.contains("HOME"))
        guard case .unavailable = DirectColorTerminal.resolve(term: "no-such-terminal", environment: ["COLORTERM": "truecolor", "HOME": "/tmp"]) else {
            Issue.record("an unknown terminal has no entry to derive from")
            return
        }
    }

    @Test("Direct colour numbers: ANSI 0–7 as themselves, everything else as 0xRRGGBB")
    func numbers() {
        #expect(CursesBackend.directColorNumber(.ansi(.red)) == 1)
        #expect(CursesBackend.directColorNumber(.ansi(.brightRed)) == 0xFF0000)
        #expect(CursesBackend.directColorNumber(.indexed(75)) == 0x5FAFFF)
        #expect(CursesBackend.directColorNumber(.rgb(red: 88, green: 166, blue: 255)) == 0x58A6FF)
        #expect(CursesBackend.directColorNumber(.rgb(red: 0, green: 0, blue: 0)) == 8)
    }

    @Test("The derived source keeps the base entry and overrides only the colours")
    func source() {
        let text = DirectColorTerminal.source(name: "tmux-256color-sd-direct", base: "tmux-256color")
        #expect(text.hasPrefix("tmux-256color-sd-direct|"))
        #expect(text.contains("colors#16777216, pairs#65536, RGB,"))
        #expect(text.contains("use=tmux-256color,"))
        #expect(text.contains("38;2;%p1%{65536}%/%d"))
    }
}
