import Foundation

/// A pseudo-terminal pair, so `CursesBackend` can run headless: the backend draws on the
/// secondary side and the test reads the bytes a terminal would receive from the primary.
final class PseudoTerminal {
    let primary: Int32
    let secondary: Int32

    init(columns: UInt16 = 80, rows: UInt16 = 24) throws {
        var primary: Int32 = -1
        var secondary: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&primary, &secondary, nil, nil, &size) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        _ = fcntl(primary, F_SETFL, fcntl(primary, F_GETFL) | O_NONBLOCK)
        self.primary = primary
        self.secondary = secondary
    }

    deinit {
        close(primary)
        close(secondary)
    }

    /// Sends `bytes` as if typed at the terminal, for the backend to read.
    func type(_ bytes: String) {
        _ = bytes.withCString { write(primary, $0, strlen($0)) }
    }

    /// Everything written so far, waiting until nothing more arrives for `quiet` seconds.
    func read(quiet: Double = 0.15) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(quiet * 1000)) > 0 else { break }
            let count = Glibc.read(primary, &chunk, chunk.count)
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
