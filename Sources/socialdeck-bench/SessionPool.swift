import Foundation
import SocialdeckTmux

/// Every tmux session a benchmark starts, ended however the run ends: when it
/// finishes, when it throws, and on SIGINT, SIGTERM or SIGHUP. Ending a session's
/// tmux server hangs up on its program; a program still running a moment later is
/// killed by its pid, and only if that pid is still the process started (the same
/// start time: a pid can be reused).
final class SessionPool: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [TmuxSession] = []
    /// The programs in the panes, with the clock tick each started at.
    private var programs: [(pid: Int32, started: String)] = []
    private var closed = false

    init() {}

    /// Starts `command` in a new tmux session and remembers it.
    func start(_ command: String, width: Int = 120, height: Int = 36, environment: [String: String]) throws -> TmuxSession {
        let session = try TmuxSession(command: command, width: width, height: height, environment: environment)
        lock.withLock { sessions.append(session) }
        return session
    }

    /// The program a session runs, once it is up (no longer the shell that starts it),
    /// remembered so that it can be killed if it outlives its session.
    func program(of session: TmuxSession) throws -> ProcessStats? {
        guard let stats = ProcessStats(pane: try session.panePID()), let started = Self.startTime(of: stats.pid) else { return nil }
        lock.withLock { programs.append((stats.pid, started)) }
        return stats
    }

    /// Ends every session, then kills by pid any program that outlived its hang-up.
    func closeAll() {
        let (sessions, programs) = lock.withLock { () -> ([TmuxSession], [(pid: Int32, started: String)]) in
            defer { closed = true }
            return closed ? ([], []) : (self.sessions, self.programs)
        }
        for session in sessions { session.close() }
        let deadline = Date().addingTimeInterval(2)
        var left = programs
        while !left.isEmpty && Date() < deadline {
            left = left.filter { Self.startTime(of: $0.pid) == $0.started }
            if !left.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        for program in left where Self.startTime(of: program.pid) == program.started { kill(program.pid, SIGKILL) }
    }

    /// Field 22 of /proc/PID/stat, when the process started; nil once it is gone
    /// (a zombie counts as gone).
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (comm)": state is field 3, starttime field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, fields[0] != "Z" else { return nil }
        return String(fields[19])
    }

    /// Makes SIGINT, SIGTERM and SIGHUP end every session before the benchmark exits.
    /// The handler only writes a byte to a pipe; a thread reading it does the work.
    /// A handled signal is reset to its default in the programs tmux starts.
    func closeOnSignals() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        signalPipeWriteEnd = fds[1]
        for signo in [SIGINT, SIGTERM, SIGHUP] {
            signal(signo) { received in
                var byte = UInt8(truncatingIfNeeded: received)
                _ = write(signalPipeWriteEnd, &byte, 1)
            }
        }
        let readEnd = fds[0]
        Thread.detachNewThread { [self] in
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
            closeAll()
            FileHandle.standardError.write(Data("socialdeck-bench: stopped by signal \(byte); every session was ended\n".utf8))
            exit(128 + Int32(byte))
        }
    }
}

/// Where the signal handler writes; set once, before any handler is installed.
nonisolated(unsafe) private var signalPipeWriteEnd: Int32 = -1
