import Foundation
import Synchronization
import SocialdeckCore
import SocialdeckViewModels

/// How background work reaches the single UI thread: messages queue here and one
/// byte on a non-blocking self-pipe wakes the input loop's `ppoll`.
final class Mailbox: Sendable {
    enum Message: Sendable {
        case refreshed(RefreshScheduler.Delivery)
        case commandFinished(CommandOutcome)
        case signedIn(Session)
        case signInFailed(SignInError?, message: String)
        case storeOpened(Result<DashboardRuntime.StoreOpening, any Error>)
    }

    private let queue = Mutex<[Message]>([])
    let readEnd: Int32
    private let writeEnd: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw RuntimeFailure("cannot create the wake-up pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    func post(_ message: Message) {
        queue.withLock { $0.append(message) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Everything posted so far, emptying the pipe too.
    func drain() -> [Message] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        return queue.withLock { all in
            defer { all.removeAll() }
            return all
        }
    }
}

struct RuntimeFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
