public import Foundation

/// Drives the real binary in a detached tmux session, as a person would:
/// `send-keys` to type, `capture-pane` to read the screen.
public final class TmuxSession {
    public let name: String
    let socket: String

    /// Starts `command` in a new session of the given size.
    public init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        name = "sd\(UInt32.random(in: 0...UInt32.max))"
        socket = NSTemporaryDirectory() + "tmux-\(name)"
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "env \(exports) \(command)"])
    }

    deinit { close() }

    /// Ends the session's tmux server, which hangs up on the program in its pane.
    public func close() { _ = try? tmux(["kill-server"]) }

    /// Runs tmux with posix_spawn and waitpid. Foundation's `Process` can miss the exit
    /// of a tmux client whose server it forked, and wait forever.
    @discardableResult
    func tmux(_ args: [String], capture: Bool = false) throws -> String {
        let file = NSTemporaryDirectory() + "tmux-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? file : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-S", socket] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) == 0 else { throw TmuxFailure("cannot run tmux") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        lastStatus = status
        return capture ? ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "") : ""
    }

    private var lastStatus: Int32 = 0

    /// Types literally (`-l`), or sends a key name such as Enter, Tab, Escape, C-d.
    public func send(_ text: String, literally: Bool = true) throws {
        try tmux(["send-keys", "-t", name] + (literally ? ["-l", text] : [text]))
    }

    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name], capture: true) }

    /// Sets a server option, e.g. `set-clipboard on`, so tmux keeps what OSC 52 sends.
    public func setOption(_ option: String, _ value: String) throws { try tmux(["set-option", "-s", option, value]) }

    /// tmux's newest paste buffer.
    public func pasteBuffer() throws -> String { try tmux(["show-buffer"], capture: true) }

    /// Appends everything the pane's program writes to the terminal to `file`.
    public func recordOutput(to file: String) throws {
        try tmux(["pipe-pane", "-o", "-t", name, "cat >> '\(file)'"])
    }

    public func stopRecording() throws { try tmux(["pipe-pane", "-t", name]) }

    /// The pid of the program running in the pane (the shell that started it, for `sh -c` commands).
    public func panePID() throws -> Int32? {
        Int32(try tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"], capture: true).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The terminal device of the pane, where any program can write over the screen.
    public func paneTTY() throws -> String {
        try tmux(["display-message", "-p", "-t", name, "#{pane_tty}"], capture: true).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen shows `text`; returns the screen, or throws with the last screen seen.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15, poll: TimeInterval = 0.1) throws -> String {
        try wait(until: { $0.contains(text) }, timeout: timeout, poll: poll, failure: "'\(text)' never appeared")
    }

    /// Waits until the screen matches the regular expression `pattern`; returns the screen, or throws with the last screen seen.
    @discardableResult
    public func waitFor(matching pattern: String, timeout: TimeInterval = 15, poll: TimeInterval = 0.1) throws -> String {
        try wait(until: { $0.range(of: pattern, options: .regularExpression) != nil }, timeout: timeout, poll: poll,
                 failure: "nothing matched /\(pattern)/")
    }

    /// Waits until the screen no longer shows `text`; returns the screen, or throws with the last screen seen.
    @discardableResult
    public func waitForAbsence(of text: String, timeout: TimeInterval = 15, poll: TimeInterval = 0.1) throws -> String {
        try wait(until: { !$0.contains(text) }, timeout: timeout, poll: poll, failure: "'\(text)' never went away")
    }

    private func wait(until done: (String) -> Bool, timeout: TimeInterval, poll: TimeInterval, failure: String) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if done(last) { return last }
            Thread.sleep(forTimeInterval: poll)
        }
        throw TmuxFailure("\(failure); the screen was:\n\(last)")
    }

    /// Waits until the session's command has exited.
    public func waitForExit(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = try? tmux(["has-session", "-t", name])
            if lastStatus != 0 { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}

public struct TmuxFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
