import Foundation
import SocialdeckCore
import SocialdeckModel

/// `fake_platform.py` running on 127.0.0.1: the five platforms' APIs for the live
/// client's tests (or, with `fake_llm.py`, two LLM APIs). Answers can be scripted;
/// every request it got can be read back.
public final class FakePlatformServer: @unchecked Sendable {
    public let port: Int
    private let process: Process

    public init(_ name: String = "fake_platform.py") throws {
        (process, port) = try Self.launch(name, hint: "is python3 installed?")
    }

    /// Starts one of the Python servers beside this file; it prints its port on its first line.
    static func launch(_ script: String, _ arguments: [String] = [], hint: String) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(script).path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 { line.append(first) }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw FixtureError("\(script) did not start (\(hint))")
        }
        return (process, port)
    }

    /// SIGKILL and `waitpid`: Foundation's `waitUntilExit` waits on a run loop that a
    /// test's thread may never run.
    deinit {
        let pid = process.processIdentifier
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    public var base: String { "http://127.0.0.1:\(port)" }

    /// A port on 127.0.0.1 that nothing listens on: bound, then closed again.
    public static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw FixtureError("bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Plays the person's browser: opens `url` and follows redirects (to the loopback
    /// redirect), returning the last answer.
    public static func browse(_ url: String, hops: Int = 3) -> HTTPResult {
        var answer = HTTPExchange.send(PlatformRequest(method: "GET", url: url, headers: [:], body: ""), timeout: 10)
        for _ in 0..<hops {
            guard case .answered(let status, let headers, _) = answer, (300..<400).contains(status), let next = headers["location"] else { break }
            answer = HTTPExchange.send(PlatformRequest(method: "GET", url: next, headers: [:], body: ""), timeout: 10)
        }
        return answer
    }

    /// One scripted answer for the next request whose path contains `match`.
    public struct Answer: Encodable {
        public var match: String
        public var status: Int?
        public var body: String?
        public var headers: [String: String]?
        public var delay: Double?
        public var reset: Bool?

        public init(_ match: String, status: Int? = nil, json: String? = nil, headers: [String: String]? = nil,
                    delay: Double? = nil, reset: Bool? = nil) {
            self.match = match
            self.status = status
            self.body = json
            self.headers = headers
            self.delay = delay
            self.reset = reset
        }
    }

    /// Answers in the server's own terms (`fake_llm.py` takes `content` and `usage`).
    public func script(raw answers: [[String: Any]]) throws {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self)
        _ = HTTPExchange.send(PlatformRequest(url: base + "/_control/script", headers: ["Content-Type": "application/json"], body: body), timeout: 5)
    }

    public func script(_ answers: [Answer]) throws {
        // Bodies go as parsed JSON, so the server sends them as they are.
        let list: [[String: Any]] = try answers.map { a in
            var d: [String: Any] = ["match": a.match]
            if let s = a.status { d["status"] = s }
            if let b = a.body { d["body"] = try JSONSerialization.jsonObject(with: Data(b.utf8), options: .fragmentsAllowed) }
            if let h = a.headers { d["headers"] = h }
            if let t = a.delay { d["delay"] = t }
            if let r = a.reset { d["reset"] = r }
            return d
        }
        try script(raw: list)
    }

    /// A request the server received.
    public struct Received: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: String
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] }
        public func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    public func received() throws -> [Received] {
        guard case .answered(_, _, let body) = HTTPExchange.send(PlatformRequest(method: "GET", url: base + "/_control/log", headers: [:], body: ""),
                                                                  timeout: 5),
              let list = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]] else {
            throw FixtureError("the fake platform's log cannot be read")
        }
        return list.map {
            Received(method: $0["method"] as? String ?? "", path: $0["path"] as? String ?? "",
                     headers: $0["headers"] as? [String: String] ?? [:], body: $0["body"] as? String ?? "")
        }
    }
}

extension FakePlatformServer {
    /// Every platform's API and sign-in on this server, with an app on each
    /// (`client-x`, `client-linkedin`, …) and, if given, its secret.
    public func platformSettings(clientSecret: String? = nil) -> PlatformSettings {
        var settings = PlatformSettings()
        settings.moveAll(to: base)
        for platform in Platform.allCases {
            settings.oauth[platform]?.clientId = "client-\(platform.configName)"
            settings.oauth[platform]?.clientSecret = clientSecret
        }
        return settings
    }

    /// The browser flow through `connector`: it begins, a "browser" follows the consent
    /// address (this server agrees at once), and it finishes.
    public static func signIn(_ connector: AccountConnector, _ platform: Platform, userId: ObjectId, pick: String? = nil,
                              live: Bool? = nil, by identity: Identity) throws -> AccountConnector.Connected {
        let pending = try connector.begin(platform)
        let url = pending.url
        DispatchQueue.global().async { _ = browse(url) }
        return try connector.finish(pending, waiting: 10, userId: userId, pick: pick, live: live, by: identity)
    }
}
