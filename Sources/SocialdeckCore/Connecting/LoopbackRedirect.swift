#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SocialdeckModel

/// The redirect end of a native app's OAuth flow (RFC 8252 §7.3): a one-shot HTTP
/// listener on 127.0.0.1 that the browser comes back to with `?code=…&state=…`.
/// Only the loopback interface is bound, so nothing off the machine can reach it.
public final class LoopbackRedirect {
    public let port: UInt16
    private let socket: Int32

    /// Listens on `port`, or on a free one for 0 (platforms that register an exact
    /// redirect need the same port each time).
    public init(port: UInt16 = 0) throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CoreError.invalid("cannot open a socket for the redirect: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw CoreError.invalid("cannot listen on 127.0.0.1:\(port) for the redirect: \(why)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socket = fd
        self.port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(socket) }

    public var redirectURI: String { "http://127.0.0.1:\(port)/callback" }

    /// Waits for the browser to bring back the code whose `state` matches. Requests for
    /// other paths (a favicon) and forged states are answered and ignored; the person
    /// saying no ends the wait with the platform's reason.
    public func waitForCode(state: String, timeout: TimeInterval, platform: String) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw CoreError.invalid("no answer from the browser within \(Int(timeout)) s; run the command again") }
            var waiting = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, Int32(min(left, 1) * 1000)) > 0 else { continue }
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            defer { close(client) }
            guard let target = Self.requestTarget(client) else { continue }
            let (path, query) = Self.split(target)
            guard path == "/callback", let fields = FormEncoding.decode(query) else {
                Self.answer(client, status: "404 Not Found", "Nothing here.")
                continue
            }
            guard fields["state"] == state else {
                Self.answer(client, status: "400 Bad Request", "This answer was not for this sign-in; it was ignored.")
                continue
            }
            if let error = fields["error"] {
                let reason = fields["error_description"] ?? error
                Self.answer(client, status: "200 OK", "\(platform) was not connected: \(reason). You can close this tab.")
                throw CoreError.invalid("\(platform) said no: \(SafeText.escapingControls(String(reason.prefix(300))))")
            }
            guard let code = fields["code"], !code.isEmpty else {
                Self.answer(client, status: "400 Bad Request", "The answer had no code.")
                continue
            }
            Self.answer(client, status: "200 OK", "socialdeck is connecting your \(platform) account. You can close this tab and go back to the terminal.")
            return code
        }
    }

    /// The target of the request line, read within 5 s and 16 KiB.
    private static func requestTarget(_ fd: Int32) -> String? {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.count < 16_384, !head.contains(UInt8(ascii: "\n")) {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            head += buffer[0..<n]
        }
        let line = String(decoding: head.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let parts = line.split(separator: " ")
        guard parts.count == 3, parts[0] == "GET" else { return nil }
        return String(parts[1])
    }

    private static func split(_ target: String) -> (String, Substring) {
        guard let mark = target.firstIndex(of: "?") else { return (target, "") }
        return (String(target[..<mark]), target[target.index(after: mark)...])
    }

    private static func answer(_ fd: Int32, status: String, _ message: String) {
        let escaped = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let body = "<!doctype html><meta charset=utf-8><title>socialdeck</title><p>\(escaped)</p>\n"
        let response = "HTTP/1.1 \(status)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n" + body
        _ = response.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }
}
