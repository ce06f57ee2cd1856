import Foundation
import SocialdeckCore
import SocialdeckModel
import Synchronization

/// The daemon's log: one line per event, with the time, to stdout or appended to a
/// file created 0600. Lines are escaped, so text from the store cannot steer a terminal
/// that shows the log.
final class DaemonLog: Sendable {
    private let handle: FileHandle
    private let lock = Mutex(())

    init(path: String?) throws {
        guard let path else {
            handle = .standardOutput
            return
        }
        let expanded = (path as NSString).expandingTildeInPath
        let fd = open(expanded, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CoreError.invalid("cannot open the log \(expanded): \(String(cString: strerror(errno)))") }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func write(_ message: String) {
        let line = "\(ISODate.string(from: Date())) \(SafeText.escapingControls(message))\n"
        lock.withLock { _ in handle.write(Data(line.utf8)) }
    }

    /// One line for a pass that did something; nil for one that did not.
    static func summary(_ r: PublishScheduler.Report) -> String? {
        let parts: [(Int, String)] = [(r.queued, "queued"), (r.published, "published"), (r.retrying, "to retry"), (r.failed, "failed"),
                                      (r.needsCheck, "to check"), (r.missed, "missed"), (r.expired, "expired"),
                                      (r.cancelled, "cancelled"), (r.recovered, "taken over"), (r.deferred - r.waitingForSlot, "waiting for a rate window"),
                                      (r.waitingForSlot, "waiting for a send slot"),
                                      (r.recurring, "recurring runs made"), (r.recurringSkipped, "recurring runs too late to make")]
        let said = parts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if said.isEmpty { return nil }
        return (r.paused ? "paused; " : "") + said.joined(separator: ", ")
    }
}
