import CNcursesw

/// What happens when the process dies on a fatal signal (a trap, a bad pointer) while
/// curses owns the terminal: the handler in `crash_guard.h` restores the shell's terminal
/// modes, writes the terminal's own way out of the screen and a note, points stdout and
/// stderr back at the terminal (they point at the log file meanwhile), and hands the
/// signal on, to Swift's crash reporter or the default action. So the report is seen on
/// the normal screen instead of being painted into the frozen dashboard, or lost.
enum CrashGuard {
    static let defaultNote = "socialdeck crashed"

    /// Remembers the terminal's modes as the shell left them, before curses changes them.
    static func saveModes(of terminal: Int32) {
        sd_crash_guard_save_modes(terminal)
    }

    /// The current terminal's capabilities that leave the screen: keypad mode off, the
    /// main screen back, the cursor shown, plain attributes. Call with its screen current.
    static func exitSequence() -> String {
        let capabilities = ["rmkx", "rmcup", "cnorm", "sgr0"]
        return capabilities.map { (name: String) in String(cString: sd_terminfo_string(name)) }.joined()
    }

    /// Arms the handler (again, to change what it writes); `mouse` also turns off the
    /// xterm mouse reports the dashboard asked for.
    static func arm(terminal: Int32, exitSequence: String, mouse: Bool, note: String) {
        let mouseOff = mouse ? "\u{1B}[?1006l\u{1B}[?1000l" : ""
        sd_crash_guard_arm(terminal, exitSequence + mouseOff + "\r\n" + note + "\r\n")
    }

    /// Puts the previous signal actions back, once the terminal is restored the ordinary way.
    static func disarm() {
        sd_crash_guard_disarm()
    }
}
