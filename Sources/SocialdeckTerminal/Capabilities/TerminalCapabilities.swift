import CNcursesw
public import Foundation

/// What the terminal can do, read from terminfo and the locale without taking
/// over the screen, so `socialdeck doctor` can report it from any shell.
public struct TerminalCapabilities: Sendable, Equatable {
    public var term: String?
    public var colors: Int
    public var columns: Int?
    public var rows: Int?
    public var utf8: Bool
    /// `NO_COLOR` is set, so socialdeck draws without colour whatever the terminal offers.
    public var noColor: Bool
    public var truecolor: Bool
    public var isTTY: Bool

    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalCapabilities {
        let term = environment["TERM"]
        let entry = term.flatMap { terminfoColors(term: $0) }
        let colors = entry?.colors ?? 0
        var size = winsize()
        let hasSize = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        setlocale(LC_CTYPE, "")
        return TerminalCapabilities(
            term: term, colors: colors,
            columns: hasSize ? Int(size.ws_col) : nil, rows: hasSize ? Int(size.ws_row) : nil,
            utf8: localeIsUTF8(),
            noColor: !(environment["NO_COLOR"] ?? "").isEmpty,
            truecolor: entry?.direct == true || (DirectColorTerminal.requested(environment) && colors >= 256),
            isTTY: isatty(STDOUT_FILENO) == 1)
    }

    /// The colour count of `term`'s terminfo entry and whether it is direct colour
    /// (24-bit values rather than a palette); nil when there is no such entry.
    static func terminfoColors(term: String, directory: String? = nil) -> (colors: Int, direct: Bool)? {
        guard !term.isEmpty else { return nil }
        return cursesLock.withLock {
            DirectColorTerminal.withTerminfo(directory) {
                // Leave the current terminal as it was: a live screen depends on it.
                let current = set_curterm(nil)
                var err: Int32 = 0
                guard setupterm(term, -1, &err) == OK else {
                    set_curterm(current)
                    return nil
                }
                let colors = Int(max(0, tigetnum("colors")))
                del_curterm(set_curterm(current))
                return (colors, colors >= 1 << 24)
            }
        }
    }

    /// Whether the current C locale's character set is UTF-8.
    static func localeIsUTF8() -> Bool {
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        return codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
    }

    public static var cursesVersion: String { String(cString: sd_curses_version()) }

    /// The colour depth socialdeck will draw with.
    public var colorDepth: String {
        if noColor || colors < 8 { return "monochrome" }
        if truecolor { return "truecolor" }
        if colors >= 256 { return "256 colours" }
        return "\(colors) colours"
    }
}
