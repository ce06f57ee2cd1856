import Foundation
import SocialdeckTerminal
import SocialdeckTestSupport
import SocialdeckViewModels
import Testing

/// Runs the real ncurses backend on a pseudo-terminal. Serialized: ncurses has one
/// current screen per process.
@Suite("Curses backend on a pseudo-terminal", .serialized)
struct CursesBackendTests {
    private func frame(_ text: String, width: Int = 80, height: Int = 24, style: Style = .plain) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        buffer.put(text, x: 2, y: 3, style: style)
        return buffer
    }

    @Test("Only changes reach the terminal: an unchanged frame writes nothing")
    func drawsChanges() throws {
        let pty = try PseudoTerminal()
        let backend = try CursesBackend(environment: ["TERM": "xterm-256color"], input: pty.secondary, output: pty.secondary)
        #expect(backend.size() == ScreenSize(width: 80, height: 24))
        #expect(backend.colorDepth == .indexed256)

        backend.present(frame("uptime 41s 中文 👩\u{200D}💻"))
        let first = pty.read()
        #expect(first.contains("\u{1B}[?1049h"))  // alternate screen
        // ncurses cannot hold a ZWJ sequence in one cell: its base goes out, never a dangling ZWJ.
        #expect(first.contains("uptime 41s 中文 👩"))
        #expect(!first.contains("\u{200D}"))

        backend.present(frame("uptime 41s 中文 👩\u{200D}💻"))
        #expect(pty.read().isEmpty)

        backend.present(frame("uptime 42s 中文 👩\u{200D}💻"))
        let change = pty.read()
        #expect(change.contains("2"))
        #expect(change.utf8.count < 20)

        backend.end()
        #expect(pty.read().contains("\u{1B}[?1049l"))
        backend.end()
        backend.present(frame("after the end"))
        #expect(pty.read().isEmpty)
    }

    @Test("Colours become SGR sequences; NO_COLOR turns them off but keeps attributes")
    func colours() throws {
        let red = Style(foreground: .ansi(.red), attributes: [.bold])
        for (environment, coloured) in [(["TERM": "xterm-256color"], true), (["TERM": "xterm-256color", "NO_COLOR": "1"], false)] {
            let pty = try PseudoTerminal()
            let backend = try CursesBackend(environment: environment, input: pty.secondary, output: pty.secondary)
            #expect((backend.colorDepth != .monochrome) == coloured)
            backend.present(frame("alert", style: red))
            let output = pty.read()
            backend.end()
            #expect(output.contains("alert"))
            #expect(output.contains("\u{1B}[0;1m"))  // bold either way
            #expect(output.contains("\u{1B}[31m") == coloured)
        }
    }

    /// No 16-colour terminfo entry ships in ncurses-base; `ColorTests` cover that step.
    @Test("One RGB colour at each terminal's depth: truecolor, 256 (xterm-256color, tmux-256color), 8 (screen), monochrome (vt100, NO_COLOR)")
    func colourDepths() throws {
        let cache = try TemporaryDirectory()
        let accent = Style(foreground: .rgb(red: 88, green: 166, blue: 255))
        let cases: [([String: String], ColorDepth, String)] = [
            (["TERM": "xterm-256color", "COLORTERM": "truecolor"], .trueColor, "\u{1B}[38;2;88;166;255m"),
            (["TERM": "xterm-256color"], .indexed256, "\u{1B}[38;5;75m"),
            (["TERM": "tmux-256color", "COLORTERM": "24bit"], .trueColor, "\u{1B}[38;2;88;166;255m"),
            (["TERM": "tmux-256color"], .indexed256, "\u{1B}[38;5;75m"),
            (["TERM": "screen"], .ansi8, "\u{1B}[34m"),
            (["TERM": "vt100", "COLORTERM": "truecolor"], .monochrome, "accent"),
            (["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"], .monochrome, "accent"),
        ]
        for (environment, depth, sequence) in cases {
            let pty = try PseudoTerminal()
            let backend = try CursesBackend(environment: environment.merging(["XDG_CACHE_HOME": cache.path]) { a, _ in a },
                                            input: pty.secondary, output: pty.secondary)
            #expect(backend.colorDepth == depth, "\(environment)")
            backend.present(frame("accent", style: accent))
            let output = pty.read()
            backend.end()
            #expect(output.contains("accent"))
            #expect(output.contains(sequence), "\(environment)")
            if depth != .trueColor { #expect(!output.contains("38;2;"), "\(environment)") }
            if depth == .monochrome { #expect(!output.contains(/\e\[[34][0-9][;m]/), "\(environment)") }
        }
    }

    @Test("vt100: no colours, no alternate screen, still draws")
    func vt100() throws {
        let pty = try PseudoTerminal()
        let backend = try CursesBackend(environment: ["TERM": "vt100"], input: pty.secondary, output: pty.secondary)
        #expect(backend.colorDepth == .monochrome)
        backend.present(frame("plain", style: Style(foreground: .ansi(.green), attributes: [.selected])))
        let output = pty.read()
        backend.end()
        #expect(output.contains("plain"))
        #expect(output.contains("\u{1B}[0;7m"))  // selection shown reversed
        #expect(!output.contains("1049"))
    }

    @Test("Repaint (Ctrl-L) clears the terminal and draws every cell of the next frame, even an unchanged one")
    func repaint() throws {
        let pty = try PseudoTerminal()
        let backend = try CursesBackend(environment: ["TERM": "xterm-256color"], input: pty.secondary, output: pty.secondary)
        backend.present(frame("queue 3 pending"))
        _ = pty.read()
        // Another program scribbles on the terminal; ncurses cannot know.
        _ = "DEBUG: monitor: network error".withCString { write(pty.secondary, $0, strlen($0)) }
        _ = pty.read()
        backend.present(frame("queue 3 pending"))
        #expect(pty.read().isEmpty)
        backend.repaint()
        backend.present(frame("queue 3 pending"))
        let repainted = pty.read()
        backend.end()
        #expect(repainted.contains("\u{1B}[H\u{1B}[2J"))  // xterm's clear
        #expect(repainted.contains("queue 3 pending"))
    }

    @Test("Suspend gives the terminal back; resume repaints and shows held frames")
    func suspendResume() throws {
        let pty = try PseudoTerminal()
        let backend = try CursesBackend(environment: ["TERM": "xterm-256color"], input: pty.secondary, output: pty.secondary)
        backend.present(frame("before"))
        _ = pty.read()
        backend.suspend()
        #expect(pty.read().contains("\u{1B}[?1049l"))
        backend.present(frame("held"))
        #expect(pty.read().isEmpty)
        backend.resume()
        let repaint = pty.read()
        backend.end()
        #expect(repaint.contains("\u{1B}[?1049h"))
        #expect(repaint.contains("held"))
    }

    @Test("Reading terminal capabilities does not disturb a live screen")
    func capabilitiesWhileLive() throws {
        let pty = try PseudoTerminal()
        let backend = try CursesBackend(environment: ["TERM": "xterm-256color"], input: pty.secondary, output: pty.secondary)
        #expect(TerminalCapabilities.detect(environment: ["TERM": "vt100"]).colors == 0)
        backend.present(frame("still drawing"))
        let output = pty.read()
        backend.end()
        #expect(output.contains("still drawing"))
    }

    /// tmux sends Home as `ESC [ 1 ~` whatever `TERM` says; an entry that spells it
    /// otherwise used to leave the `1` to be read as "switch to pane 1" (issue #10, item 9).
    /// Flow control on, Ctrl-S would stop every write to the terminal and freeze the
    /// dashboard (found by hand in tmux): it is off while the dashboard runs, Ctrl-S and
    /// Ctrl-Q arrive as keys, and the shell gets its setting back.
    @Test("Ctrl-S and Ctrl-Q are keys, not flow control, and the shell's modes come back")
    func flowControlIsOff() throws {
        let pty = try PseudoTerminal()
        var before = termios()
        tcgetattr(pty.secondary, &before)
        #expect(before.c_iflag & tcflag_t(IXON) != 0, "a fresh terminal has flow control on")
        let backend = try CursesBackend(environment: ["TERM": "xterm-256color"], input: pty.secondary, output: pty.secondary)
        var during = termios()
        tcgetattr(pty.secondary, &during)
        #expect(during.c_iflag & tcflag_t(IXON) == 0)
        pty.type("\u{13}\u{11}")
        var events: [InputEvent] = []
        let deadline = Date().addingTimeInterval(2)
        while events.count < 2, Date() < deadline {
            if let event = backend.readInput() { events.append(event) } else { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(events == [.key(Key(.character("s"), control: true)), .key(Key(.character("q"), control: true))])
        backend.present(frame("still drawing"))
        #expect(pty.read().contains("still drawing"))
        backend.end()
        var after = termios()
        tcgetattr(pty.secondary, &after)
        #expect(after.c_iflag & tcflag_t(IXON) != 0)
    }

    @Test("Keys arrive whole, as tmux sends them, under each common TERM",
          arguments: ["xterm", "xterm-256color", "tmux-256color", "screen-256color", "linux"])
    func keysAsTmuxSendsThem(term: String) throws {
        let pty = try PseudoTerminal()
        let backend = try CursesBackend(environment: ["TERM": term], input: pty.secondary, output: pty.secondary)
        defer { backend.end() }
        pty.type("\u{1B}[1~\u{1B}[4~\u{1B}[5~\u{1B}[6~\u{1B}[1;3A\u{1B}[99~\u{1B}OH\u{1B}[Fj")
        var events: [InputEvent] = []
        let deadline = Date().addingTimeInterval(2)
        while events.count < 8, Date() < deadline {
            if let event = backend.readInput() { events.append(event) } else { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(events == [.key(Key(.home)), .key(Key(.end)), .key(Key(.pageUp)), .key(Key(.pageDown)),
                           .key(Key(.up, alt: true)), .key(Key(.home)), .key(Key(.end)), .key(.character("j"))], "\(term)")
    }

    @Test("Unknown, missing and non-terminal setups throw instead of exiting")
    func failures() throws {
        let pty = try PseudoTerminal()
        #expect(throws: CursesBackend.Failure.unknownTerminal("no-such-terminal")) {
            try CursesBackend(environment: ["TERM": "no-such-terminal"], input: pty.secondary, output: pty.secondary)
        }
        #expect(throws: CursesBackend.Failure.terminalTypeMissing) {
            try CursesBackend(environment: [:], input: pty.secondary, output: pty.secondary)
        }
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { pipeEnds.forEach { close($0) } }
        #expect(throws: CursesBackend.Failure.notATerminal) {
            try CursesBackend(environment: ["TERM": "xterm"], input: pipeEnds[0], output: pipeEnds[1])
        }
    }
}
