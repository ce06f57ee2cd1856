import Foundation

/// `smtp_sink.py` (aiosmtpd) on 127.0.0.1: the SMTP server notification emails are
/// tested against. With `tls`, it offers STARTTLS with a certificate made for the run
/// (`caFile` to trust) and refuses mail before it. Recipients starting "refuse" get 550.
public final class SMTPSink: @unchecked Sendable {
    public let port: Int
    /// The certificate to trust, when it speaks TLS.
    public let caFile: String?
    private let process: Process
    private let directory: URL
    private var stopped = false
    private var output: URL { directory.appendingPathComponent("received.jsonl") }

    public struct Received: Decodable, Sendable {
        public let from: String
        public let to: [String]
        public let data: String
        public let tls: Bool
    }

    public init(tls: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("socialdeck-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var arguments = [directory.appendingPathComponent("received.jsonl").path]
        if tls {
            let cert = directory.appendingPathComponent("cert.pem").path, key = directory.appendingPathComponent("key.pem").path
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                                 "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
            openssl.standardOutput = FileHandle.nullDevice
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            // Polled, not waitUntilExit (a run loop a test's thread may never run) nor waitpid
            // (Foundation reaps the child itself).
            while openssl.isRunning { usleep(10_000) }
            guard openssl.terminationStatus == 0 else { throw FixtureError("openssl could not make a test certificate") }
            arguments += [cert, key]
            caFile = cert
        } else {
            caFile = nil
        }
        (process, port) = try FakePlatformServer.launch("smtp_sink.py", arguments, hint: "pip install aiosmtpd")
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stops the server, as a relay that goes down would.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        let pid = process.processIdentifier
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// What it accepted, oldest first.
    public func received() throws -> [Received] {
        guard let text = try? String(contentsOf: output, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Received.self, from: Data($0.utf8)) }
    }
}
