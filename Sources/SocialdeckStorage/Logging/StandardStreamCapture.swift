import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Points stdout and stderr at the log file while the dashboard owns the terminal.
///
/// ncurses draws through its own copies of the terminal's descriptors, made before the
/// capture starts, so the screen is unaffected; anything else that writes to 1 or 2 (a
/// library, a runtime warning) lands in the log instead of over the panes, where the
/// cell-by-cell diffing would leave it. `restore()` points them back at the terminal, so
/// what is printed once the screen is gone (the error that ended the dashboard) reaches
/// the person. A crash that skips `restore()` leaves its message in the log file.
public final class StandardStreamCapture {
    /// Why the log file could not take the output (which then goes to /dev/null), if so.
    public let problem: String?
    private var saved: [(descriptor: Int32, copy: Int32)] = []

    public init(into log: LogFile?, descriptors: [Int32] = [STDOUT_FILENO, STDERR_FILENO]) {
        var target: Int32 = -1
        var ownsTarget = false
        var problem: String?
        if let log {
            do { target = try log.descriptor() } catch { problem = "\(error); output goes nowhere while the dashboard is up" }
        }
        if target < 0 {
            target = open("/dev/null", O_WRONLY | O_CLOEXEC)
            ownsTarget = true
        }
        self.problem = problem
        guard target >= 0 else { return }
        fflush(nil)
        for descriptor in descriptors {
            let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 3)
            guard copy >= 0 else { continue }
            guard dup2(target, descriptor) >= 0 else {
                close(copy)
                continue
            }
            saved.append((descriptor, copy))
        }
        if ownsTarget { close(target) }
    }

    deinit { restore() }

    /// Points the descriptors back where they were. Safe to call more than once.
    public func restore() {
        guard !saved.isEmpty else { return }
        fflush(nil)
        for (descriptor, copy) in saved {
            dup2(copy, descriptor)
            close(copy)
        }
        saved = []
    }
}
