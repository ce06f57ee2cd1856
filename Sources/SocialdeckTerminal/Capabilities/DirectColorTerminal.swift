import CNcursesw
import Foundation
import Glibc

/// Truecolor through ncurses.
///
/// ncurses sends 24-bit colour only through a terminfo entry with the `RGB`
/// capability ("direct colour", as in `xterm-direct`). Terminals that can show it
/// usually say so in `COLORTERM` while running as `xterm-256color`, and the direct
/// entries ship in ncurses-term, which a server rarely has. So when `COLORTERM` asks
/// for truecolor and `TERM` is not already direct, socialdeck derives an entry that
/// inherits everything from `TERM` except its colours, compiles it once with `tic`
/// into its cache directory, and draws with that. Colours 0–7 keep their ANSI codes;
/// everything else is sent as `38;2;R;G;B` / `48;2;R;G;B`, the form terminals that
/// set `COLORTERM` accept.
enum DirectColorTerminal {
    enum Resolution: Equatable {
        /// `TERM`'s own entry is direct colour.
        case native
        /// Use the entry `name` from the terminfo directory `directory`.
        case derived(name: String, directory: String)
        /// Truecolor was asked for but cannot be had, and why (the dashboard shows it once).
        case unavailable(String)
        /// `COLORTERM` does not ask for truecolor.
        case notRequested
    }

    static let suffix = "-sd-direct"

    static func requested(_ environment: [String: String]) -> Bool {
        ["truecolor", "24bit"].contains((environment["COLORTERM"] ?? "").lowercased())
    }

    /// Where derived entries are compiled: `$XDG_CACHE_HOME/socialdeck/terminfo`, or
    /// `~/.cache/socialdeck/terminfo`.
    static func directory(_ environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/socialdeck/terminfo" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/socialdeck/terminfo" }
        return nil
    }

    /// Decides, compiling the derived entry on first use. Never throws: any failure
    /// leaves the terminal at 256 colours with the reason.
    static func resolve(term: String, environment: [String: String]) -> Resolution {
        guard requested(environment) else { return .notRequested }
        guard let entry = TerminalCapabilities.terminfoColors(term: term) else { return .unavailable("'\(term)' has no terminfo entry") }
        if entry.direct { return .native }
        guard entry.colors >= 256 else { return .unavailable("'\(term)' has \(entry.colors) colours; truecolor needs a 256-colour terminal") }
        guard !term.isEmpty, term.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.+".contains($0)) }) else {
            return .unavailable("the terminal name '\(term)' cannot name a terminfo entry")
        }
        guard let directory = directory(environment) else { return .unavailable("no cache directory (HOME is not set)") }
        let name = term + suffix
        let compiled = directory + "/" + String(name.first!) + "/" + name
        if FileManager.default.fileExists(atPath: compiled) { return .derived(name: name, directory: directory) }
        do {
            try compile(name: name, base: term, into: directory)
            return .derived(name: name, directory: directory)
        } catch {
            return .unavailable("\(error)")
        }
    }

    /// The terminfo source of the derived entry: direct colour, then `use=` the base,
    /// whose other capabilities are kept as they are.
    static func source(name: String, base: String) -> String {
        func set(_ code: String, _ rgb: String) -> String {
            "\\E[%?%p1%{8}%<%t\(code)%p1%d%e\(rgb);2;%p1%{65536}%/%d;%p1%{256}%/%{255}%&%d;%p1%{255}%&%d%;m"
        }
        return """
        \(name)|\(base) with 24-bit colour for socialdeck,
        \tcolors#16777216, pairs#65536, RGB,
        \tsetaf=\(set("3", "38")),
        \tsetab=\(set("4", "48")),
        \tccc@, initc@,
        \tuse=\(base),

        """
    }

    private static func compile(name: String, base: String, into directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let file = directory + "/.\(name).\(getpid()).src"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try source(name: name, base: base).write(toFile: file, atomically: true, encoding: .utf8)
        let status = try spawnQuietly(["tic", "-x", "-o", directory, file])
        guard status == 0 else { throw CompileFailure("tic could not compile a direct-colour entry for '\(base)' (status \(status))") }
    }

    struct CompileFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Runs a program found on PATH with its output discarded and returns its exit status.
    private static func spawnQuietly(_ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, Glibc.environ) == 0 else {
            throw CompileFailure("\(arguments[0]) is not installed (it comes with ncurses-bin)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Runs `body` with `TERMINFO` pointing at `directory`, as ncurses reads it when it
    /// loads an entry, and restores it afterwards. Call under `cursesLock`.
    static func withTerminfo<T>(_ directory: String?, _ body: () -> T) -> T {
        guard let directory else { return body() }
        let previous = getenv("TERMINFO").map { String(cString: $0) }
        setenv("TERMINFO", directory, 1)
        defer { if let previous { setenv("TERMINFO", previous, 1) } else { unsetenv("TERMINFO") } }
        return body()
    }
}
