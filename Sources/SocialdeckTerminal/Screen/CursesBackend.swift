import SocialdeckViewModels
import CNcursesw
public import Foundation

/// ncurses and terminfo keep process-wide state (the current screen and terminal), so
/// every call into them takes this lock. The app calls ncurses from one thread only; the
/// lock keeps `TerminalCapabilities.detect` from racing a live screen in tests.
let cursesLock = NSLock()

/// The real terminal, drawn through ncursesw. Use it from one thread only.
///
/// Each frame is diffed against the one presented before and only the changed runs are
/// handed to ncurses, which in turn writes only what differs on the terminal: an
/// unchanged frame costs no bytes.
public final class CursesBackend: ScreenBackend {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notATerminal
        case terminalTypeMissing
        case unknownTerminal(String)

        public var description: String {
            switch self {
            case .notATerminal: return "standard input and output must be a terminal"
            case .terminalTypeMissing: return "TERM is not set, so the terminal type is unknown"
            case .unknownTerminal(let term): return "the terminal type '\(term)' is unknown or cannot be drawn on"
            }
        }
    }

    public let colorDepth: ColorDepth
    /// Why truecolor was asked for (`COLORTERM`) but is not used, if so.
    public let colorNote: String?
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let files: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)
    private let maximumPairs: Int32
    /// `use_default_colors` worked, so colour -1 is the terminal's own default.
    private let hasDefaultColors: Bool
    private var pairs: [Int64: Int32] = [:]
    private var renditions: [Style: (attributes: attr_t, pair: Int32)] = [:]
    private var previous: CellBuffer?
    private var previousSize: ScreenSize?
    private var held: CellBuffer?
    private var isSuspended = false
    private var isEnded = false
    private var exitSequence = ""
    private var mouseEnabled = false

    /// The line the terminal shows if the process crashes while the screen is up; see `CrashGuard`.
    public var crashNote = CrashGuard.defaultNote {
        didSet { armCrashGuard() }
    }

    /// Takes over the terminal on `input`/`output`.
    ///
    /// Throws instead of exiting when the terminal type is missing or unknown (ncurses'
    /// `initscr` would print an error and exit). `NO_COLOR` turns colours off.
    /// `input` and `output` default to standard input and output.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                input: Int32 = 0, output: Int32 = 1) throws {
        guard isatty(input) == 1, isatty(output) == 1 else { throw Failure.notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw Failure.terminalTypeMissing }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty

        setlocale(LC_ALL, "")
        if !TerminalCapabilities.localeIsUTF8() { setlocale(LC_CTYPE, "C.UTF-8") }

        // Own descriptors, so closing the FILEs at the end leaves the caller's open.
        guard let outputFile = fdopen(dup(output), "w") else { throw Failure.notATerminal }
        guard let inputFile = fdopen(dup(input), "r") else {
            fclose(outputFile)
            throw Failure.notATerminal
        }
        CrashGuard.saveModes(of: output)
        let direct = noColor ? .notRequested : DirectColorTerminal.resolve(term: term, environment: environment)
        colorNote = { if case .unavailable(let why) = direct { return "truecolor unavailable: \(why)" } else { return nil } }()
        let setup = cursesLock.withLock { () -> (screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>,
                                                 depth: ColorDepth, pairs: Int32, defaults: Bool)? in
            var opened: OpaquePointer?
            if case .derived(let name, let directory) = direct {
                opened = DirectColorTerminal.withTerminfo(directory) { newterm(name, outputFile, inputFile) }
            }
            guard let screen = opened ?? newterm(term, outputFile, inputFile), let window = sd_stdscr() else { return nil }
            cbreak()
            // Ctrl-C is a key here (SIGINT is caught): the terminal must not throw away
            // what was typed just before it, as it does by default when it signals.
            noqiflush()
            // Ctrl-S saves in the composer: it must reach the program, not stop the output.
            if sd_disable_flow_control(input) == 0 { def_prog_mode() }
            sd_catch_interrupts()
            noecho()
            nonl()
            keypad(window, true)
            nodelay(window, true)
            set_escdelay(25)
            leaveok(window, true)
            curs_set(0)
            guard !noColor, has_colors(), start_color() == OK else {
                return (screen, window, .monochrome, 0, true)
            }
            let defaults = use_default_colors() == OK
            let colors = Int(sd_colors())
            return (screen, window, ColorDepth(colors: colors, trueColor: colors >= 1 << 24), sd_color_pairs(), defaults)
        }
        guard let setup else {
            fclose(outputFile)
            fclose(inputFile)
            throw Failure.unknownTerminal(term)
        }
        screen = setup.screen
        window = setup.window
        files = (outputFile, inputFile)
        colorDepth = setup.depth
        maximumPairs = setup.pairs
        hasDefaultColors = setup.defaults
        exitSequence = withScreen { CrashGuard.exitSequence() }
        armCrashGuard()
    }

    deinit { end() }

    public func size() -> ScreenSize {
        guard !isEnded else { return previousSize ?? ScreenSize(width: 0, height: 0) }
        return withScreen { ScreenSize(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }
    }

    public func present(_ frame: CellBuffer) {
        guard !isEnded else { return }
        guard !isSuspended else {
            held = frame
            return
        }
        let screenSize = size()
        // After a resize, or when the frame size changes, ncurses' copy of the screen no
        // longer matches the previous frame: start from a blank one.
        if screenSize != previousSize || previous.map({ $0.width != frame.width || $0.height != frame.height }) == true {
            previous = nil
        }
        let runs = frame.diff(from: previous ?? CellBuffer(width: frame.width, height: frame.height))
        withScreen {
            if previous == nil { werase(window) }
            for run in runs { draw(run, within: screenSize) }
            wnoutrefresh(window)
            doupdate()
        }
        previous = frame
        previousSize = screenSize
    }

    public func repaint() {
        guard !isEnded, !isSuspended else { return }
        previous = nil
        withScreen { _ = clearok(sd_curscr(), true) }
    }

    public func suspend() {
        guard !isEnded, !isSuspended else { return }
        isSuspended = true
        withScreen { _ = endwin() }
    }

    public func resume() {
        guard !isEnded, isSuspended else { return }
        isSuspended = false
        withScreen {
            clearok(sd_curscr(), true)
            wrefresh(window)
        }
        if let held {
            self.held = nil
            present(held)
        }
    }

    public func end() {
        guard !isEnded else { return }
        isEnded = true
        withScreen {
            curs_set(1)
            endwin()
            delscreen(screen)
        }
        CrashGuard.disarm()
        sd_release_interrupts()
        fclose(files.output)
        fclose(files.input)
    }

    // MARK: - Input

    /// The descriptor ncurses reads keys from, for the app's `ppoll`.
    var inputFileDescriptor: Int32 { fileno(files.input) }

    /// Turns mouse reports (clicks and the wheel) on or off.
    public func enableMouse(_ on: Bool) {
        withScreen {
            _ = mousemask(on ? sd_mouse_clicks() : 0, nil)
            _ = mouseinterval(0)
        }
        mouseEnabled = on
        armCrashGuard()
    }

    /// OSC 52, as lazygit and k9s send it: the terminal (or tmux, with `set-clipboard`)
    /// puts the text on its clipboard, over SSH too. The text travels base64-encoded, so
    /// nothing in it reaches the terminal as a control sequence.
    public func copyToClipboard(_ text: String) {
        let sequence = ClipboardSequence.osc52(text)
        withScreen {
            fputs(sequence, files.output)
            fflush(files.output)
        }
    }

    private func armCrashGuard() {
        guard !isEnded else { return }
        CrashGuard.arm(terminal: fileno(files.output), exitSequence: exitSequence, mouse: mouseEnabled, note: crashNote)
    }

    /// The next pending input without waiting, or nil when there is none. Input that
    /// means nothing (an unknown key, a dropped sequence) is skipped, so what ncurses
    /// has already read past it is not left waiting for the next wake-up.
    public func readInput() -> InputEvent? {
        guard !isEnded, !isSuspended else { return nil }
        if sd_take_interrupt() != 0 { return .key(.ctrl("c")) }
        return withScreen { () -> InputEvent? in
            while true {
                var wide: wint_t = 0
                let kind = wget_wch(window, &wide)
                if kind == ERR { return nil }
                let event = kind == KEY_CODE_YES ? Self.functionKey(Int32(wide))
                    : wide == 27 ? escapeSequence() : InputEvent.character(UInt32(wide))
                if let event { return event }
            }
        }
    }

    /// Decodes what follows an ESC that ncurses returned alone (see `EscapeSequence`),
    /// reading only characters already waiting. A key ncurses recognises right after the
    /// ESC is that key with alt; one arriving mid-sequence ends the sequence, which is
    /// dropped, and is returned as itself.
    private func escapeSequence() -> InputEvent? {
        var read = 0
        var recognised: InputEvent?
        let event = EscapeSequence.event {
            guard recognised == nil else { return nil }
            var wide: wint_t = 0
            let kind = wget_wch(window, &wide)
            if kind == ERR { return nil }
            read += 1
            if kind == KEY_CODE_YES {
                recognised = Self.functionKey(Int32(wide))
                return nil
            }
            return UInt32(wide)
        }
        guard let recognised else { return event }
        if read == 1, case .key(let key) = recognised { return .key(Key(key.code, control: key.control, alt: true)) }
        return recognised
    }

    private static func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if sd_wheel_up(event.bstate) != 0 { return .wheel(up: true) }
            if sd_wheel_down(event.bstate) != 0 { return .wheel(up: false) }
            return sd_button1(event.bstate) != 0 ? .click(x: Int(event.x), y: Int(event.y)) : nil
        case KEY_UP: return .key(Key(.up))
        case KEY_DOWN: return .key(Key(.down))
        case KEY_LEFT: return .key(Key(.left))
        case KEY_RIGHT: return .key(Key(.right))
        case KEY_HOME: return .key(Key(.home))
        case KEY_END: return .key(Key(.end))
        case KEY_NPAGE: return .key(Key(.pageDown))
        case KEY_PPAGE: return .key(Key(.pageUp))
        case KEY_BACKSPACE: return .key(Key(.backspace))
        case KEY_DC: return .key(Key(.delete))
        case KEY_IC: return .key(Key(.insert))
        case KEY_ENTER: return .key(Key(.enter))
        case KEY_BTAB: return .key(Key(.backTab))
        case KEY_F0 + 1...KEY_F0 + 12: return .key(Key(.function(Int(code - KEY_F0))))
        default: return keyname(code).flatMap { EscapeSequence.extendedKey(named: String(cString: $0)) }
        }
    }

    /// Runs ncurses calls under the process-wide lock, with this backend's screen current.
    private func withScreen<T>(_ body: () -> T) -> T {
        cursesLock.withLock {
            set_term(screen)
            return body()
        }
    }

    // MARK: - Drawing

    private func draw(_ run: CellRun, within screenSize: ScreenSize) {
        guard run.y < screenSize.height else { return }
        for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
            let x = run.x + offset
            guard x < screenSize.width else { return }
            // A wide grapheme cut by the screen edge is drawn as a space.
            let (grapheme, width): (Character, Int) = x + cell.width <= screenSize.width ? (cell.grapheme, cell.width) : (" ", 1)
            let rendition = rendition(for: cell.style)
            wmove(window, Int32(run.y), Int32(x))
            for glyph in CursesGlyphs.glyphs(for: grapheme, width: width, libcWidth: { Int(sd_wcwidth(wchar_t(bitPattern: $0.value))) }) {
                let characters = glyph.map { wchar_t(bitPattern: $0.value) } + [0]
                var pair = rendition.pair
                var character = cchar_t()
                setcchar(&character, characters, rendition.attributes, 0, &pair)
                wadd_wch(window, &character)
            }
        }
    }

    /// Attributes and colour pair for a style, allocating the pair on first use.
    private func rendition(for style: Style) -> (attributes: attr_t, pair: Int32) {
        if let known = renditions[style] { return known }
        let shown = style.degraded(to: colorDepth)
        var attributes: attr_t = 0
        let table: [(Style.Attributes, attr_t)] = [
            (.bold, sd_a_bold()), (.dim, sd_a_dim()), (.italic, sd_a_italic()),
            (.underline, sd_a_underline()), (.reverse, sd_a_reverse()),
        ]
        for (attribute, bits) in table where shown.attributes.contains(attribute) { attributes |= bits }
        let rendition = (attributes, pair(foreground: colorNumber(shown.foreground, default: 7),
                                          background: colorNumber(shown.background, default: 0)))
        renditions[style] = rendition
        return rendition
    }

    private func colorNumber(_ color: Color?, default fallback: Int32) -> Int32 {
        guard let color else { return hasDefaultColors ? -1 : fallback }
        if colorDepth == .trueColor { return Self.directColorNumber(color) }
        switch color {
        case .ansi(let named): return Int32(named.rawValue)
        case .indexed(let index): return Int32(index)
        case .rgb: return hasDefaultColors ? -1 : fallback
        }
    }

    /// A colour as a direct-colour entry numbers it: 0–7 are the ANSI colours and
    /// anything else is 0xRRGGBB, so the bright ANSI and palette colours go as their
    /// xterm RGB, and an RGB value below 8 (all but black) is nudged to 8 to stay RGB.
    static func directColorNumber(_ color: Color) -> Int32 {
        if case .ansi(let named) = color, !named.isBright { return Int32(named.rawValue) }
        let (red, green, blue) = color.approximateRGB
        return max(8, Int32(red) << 16 | Int32(green) << 8 | Int32(blue))
    }

    /// Pair 0 is the default colours. Others are allocated in order with
    /// `init_extended_pair`, which takes pair numbers past `COLOR_PAIR()`'s 255 limit;
    /// once the terminal's pairs run out, further colours fall back to pair 0.
    private func pair(foreground: Int32, background: Int32) -> Int32 {
        let isDefault = hasDefaultColors ? (foreground == -1 && background == -1) : (foreground == 7 && background == 0)
        if isDefault || colorDepth == .monochrome { return 0 }
        let key = Int64(foreground) << 32 | Int64(UInt32(bitPattern: background))
        if let known = pairs[key] { return known }
        let number = Int32(pairs.count + 1)
        guard number < maximumPairs, init_extended_pair(number, foreground, background) == OK else { return 0 }
        pairs[key] = number
        return number
    }
}

@available(*, unavailable, message: "ncurses is driven from one thread only")
extension CursesBackend: Sendable {}
