import Foundation

/// A MongoDB test server (SecantusDB) of a test's own, on a free loopback port, that the
/// test can stop: what a dashboard meets when the store goes away under it.
public final class DisposableMongoServer {
    public let port: UInt16
    private let process = Process()
    private let directory: TemporaryDirectory

    /// Starts `secantusd-py` and waits until it accepts connections.
    public init() throws {
        directory = try TemporaryDirectory()
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["secantusd-py", "--host", "127.0.0.1", "--port", "\(port)", "--storage-path", directory.path + "/data",
                             "--sync-on-commit"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !Self.accepts(port) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw FixtureError("the MongoDB test server (secantusd-py) did not start on port \(port)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    deinit { stop() }

    /// `mongodb://127.0.0.1:PORT/DATABASE`, giving up on a missing server after `timeoutMS`.
    public func uri(database: String, timeoutMS: Int = 1000) -> String {
        "mongodb://127.0.0.1:\(port)/\(database)?serverSelectionTimeoutMS=\(timeoutMS)"
    }

    /// Stops the server at once (it finishes open connections first on SIGTERM, and the
    /// store under test holds some); its port is closed when this returns.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private static func accepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A port the kernel picks as free on 127.0.0.1.
    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("cannot open a socket") }
        defer { close(fd) }
        var address = loopback(0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw FixtureError("cannot find a free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func loopback(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
