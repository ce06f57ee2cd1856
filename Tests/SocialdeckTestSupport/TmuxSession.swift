import Foundation

/// Drives the real binary in a detached tmux session, as a person would:
/// `send-keys` to type, `capture-pane` to read the screen.
public final class TmuxSession {
    public let name: String
    private let socket: String

    /// Starts `command` in a new session of the given size.
    public init(command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        name = "sd\(UInt32.random(in: 0...UInt32.max))"
        socket = NSTemporaryDirectory() + "tmux-\(name)"
        let exports = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "env \(exports) \(command)"])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-S", socket] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Types literally (`-l`), or sends a key name such as Enter, Tab, Escape, C-d.
    public func send(_ text: String, literally: Bool = true) throws {
        try tmux(["send-keys", "-t", name] + (literally ? ["-l", text] : [text]))
    }

    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    public var isAlive: Bool { (try? tmux(["has-session", "-t", name]))  != nil && (try? screen()) != "" }

    /// Waits until the screen shows `text`; returns the screen, or throws with the last screen seen.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw FixtureError("'\(text)' never appeared; the screen was:\n\(last)")
    }

    /// Waits until the session's command has exited.
    public func waitForExit(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["tmux", "-S", socket, "has-session", "-t", name]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try? p.run()
            p.waitUntilExit()
            if p.terminationStatus != 0 { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}
