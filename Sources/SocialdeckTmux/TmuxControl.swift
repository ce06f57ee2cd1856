public import Foundation

/// A control-mode client (`tmux -C attach`) on a session. Commands go down one pipe
/// instead of starting a tmux process each (a few milliseconds apiece), and the
/// server reports each chunk the pane's program writes (`%output`) as it arrives, so a
/// benchmark can time a program's answer to the moment its bytes reach the terminal,
/// with no polling interval in the figure.
public final class TmuxControl: @unchecked Sendable {
    private let pid: pid_t
    private let input: Int32
    private let target: String
    private let condition = NSCondition()
    // Guarded by `condition`, written by the reader thread.
    private var arrivals: [ContinuousClock.Instant] = []
    private var replies: [(lines: [String], outputsBefore: Int, failed: Bool)] = []
    private var taken = 0
    /// The client's output ended.
    private var ended = false
    private var closed = false

    /// Attaches to `session`. The window keeps its size: a control client without a
    /// size of its own does not count for tmux's window sizing.
    public init(_ session: TmuxSession) throws {
        var toTmux: [Int32] = [0, 0], fromTmux: [Int32] = [0, 0]
        // Close-on-exec, so no other child holds a pipe open and the client sees EOF on close.
        guard pipe(&toTmux) == 0, pipe(&fromTmux) == 0 else { throw TmuxFailure("cannot make pipes for tmux -C") }
        for fd in toTmux + fromTmux { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toTmux[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromTmux[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let args: [String] = ["tmux", "-S", session.socket, "-C", "attach", "-t", session.name]
        let argv = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        closeDescriptor(toTmux[0])
        closeDescriptor(fromTmux[1])
        guard spawned == 0 else {
            closeDescriptor(toTmux[1])
            closeDescriptor(fromTmux[0])
            throw TmuxFailure("cannot run tmux -C")
        }
        self.pid = pid
        input = toTmux[1]
        target = TmuxControl.quoted(session.name)
        let output = fromTmux[0]
        Thread.detachNewThread { [self] in readLines(from: output) }
    }

    deinit { close() }

    /// Detaches (the session goes on) and waits for the client to exit; one that has
    /// not exited after 2 s is killed.
    public func close() {
        let first = condition.withLock { () -> Bool in
            defer { closed = true }
            return !closed
        }
        guard first else { return }
        closeDescriptor(input)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(2)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return
            }
            usleep(5_000)
        }
    }

    /// How many chunks of output the pane's program has written since attaching.
    public var outputCount: Int { condition.withLock { arrivals.count } }

    /// When chunk `index` (0-based) reached tmux.
    public func arrival(of index: Int) -> ContinuousClock.Instant { condition.withLock { arrivals[index] } }

    /// Waits until more than `count` chunks have arrived; returns the new count, or nil
    /// after `timeout`.
    public func waitForOutput(beyond count: Int, timeout: TimeInterval) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        return condition.withLock {
            while arrivals.count <= count && !ended {
                if !condition.wait(until: deadline) { break }
            }
            return arrivals.count > count ? arrivals.count : nil
        }
    }

    /// Types literally (`-l`), or sends a key name such as Enter.
    public func send(_ text: String, literally: Bool = true) throws {
        _ = try run("send-keys -t \(target) \(literally ? "-l " : "")\(TmuxControl.quoted(text))")
    }

    /// The screen, and how many output chunks tmux had taken in when it captured it.
    public func capture() throws -> (screen: String, outputs: Int) {
        let reply = try run("capture-pane -p -t \(target)")
        return (reply.lines.joined(separator: "\n"), reply.outputsBefore)
    }

    /// Runs one command and waits for its reply block.
    func run(_ command: String, timeout: TimeInterval = 10) throws -> (lines: [String], outputsBefore: Int) {
        let line = Array((command + "\n").utf8)
        let written = line.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
        guard written == line.count else { throw TmuxFailure("tmux -C is gone") }
        let deadline = Date().addingTimeInterval(timeout)
        let reply = try condition.withLock { () throws -> (lines: [String], outputsBefore: Int, failed: Bool) in
            while replies.count <= taken && !ended {
                if !condition.wait(until: deadline) { throw TmuxFailure("tmux -C did not answer '\(command)'") }
            }
            guard replies.count > taken else { throw TmuxFailure("tmux -C ended before answering '\(command)'") }
            taken += 1
            return replies[taken - 1]
        }
        if reply.failed { throw TmuxFailure("tmux -C: '\(command)' failed: \(reply.lines.joined(separator: " "))") }
        return (reply.lines, reply.outputsBefore)
    }

    /// Reads the client's lines until it exits: `%output` notifications are timed,
    /// reply blocks of this client's commands (`%begin … 1`) are queued in order.
    private func readLines(from fd: Int32) {
        var pending: [UInt8] = []
        var block: (lines: [String], outputsBefore: Int, mine: Bool)?
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { readDescriptor(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            let now = ContinuousClock.now
            pending.append(contentsOf: buffer[0..<n])
            var start = pending.startIndex
            condition.withLock {
                while let newline = pending[start...].firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[start..<newline], as: UTF8.self)
                    start = newline + 1
                    if var open = block {
                        if line.hasPrefix("%end ") || line.hasPrefix("%error ") {
                            if open.mine { replies.append((open.lines, open.outputsBefore, line.hasPrefix("%error "))) }
                            block = nil
                        } else {
                            open.lines.append(line)
                            block = open
                        }
                    } else if line.hasPrefix("%output ") {
                        arrivals.append(now)
                    } else if line.hasPrefix("%begin ") {
                        block = ([], arrivals.count, line.hasSuffix(" 1"))
                    }
                }
                condition.broadcast()
            }
            pending.removeSubrange(pending.startIndex..<start)
        }
        closeDescriptor(fd)
        condition.withLock {
            ended = true
            condition.broadcast()
        }
    }

    /// A tmux command argument: single quotes keep everything literal but a single quote.
    static func quoted(_ text: String) -> String {
        if !text.contains("'") { return "'\(text)'" }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "$", with: "\\$")
        return "\"\(escaped)\""
    }
}

private func closeDescriptor(_ fd: Int32) { close(fd) }

private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
