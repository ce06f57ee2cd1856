import Foundation
import SocialdeckModel
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public struct LogFileError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot open the log file \(path): \(reason)" }
}

/// socialdeck's log file, `$XDG_STATE_HOME/socialdeck/socialdeck.log` by default: the
/// messages of the libraries it uses (libmongoc's), and whatever is written to stdout or
/// stderr while the dashboard owns the terminal. Created on first use with mode 0600 in
/// a directory of mode 0700; every line passes through `CredentialRedaction`. A file
/// past `rotationBytes` is moved to `socialdeck.log.1` when opened.
public final class LogFile: Sendable {
    public enum Level: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        case error, warning, info, debug

        /// "error", "warning", "info" or "debug", in any case.
        public init?(name: String) {
            guard let level = Self.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
            self = level
        }

        public var description: String { ["error", "warning", "info", "debug"][rawValue] }

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public static let environmentVariable = "SOCIALDECK_LOG_LEVEL"
    public static let rotationBytes = 4 << 20

    public let path: String
    /// The most detailed level written; finer messages are dropped.
    public let level: Level
    private let descriptorState = Mutex<Int32?>(nil)

    public init(path: String, level: Level = .info) {
        self.path = path
        self.level = level
    }

    deinit {
        descriptorState.withLock { fd in if let fd { close(fd) } }
    }

    private static let current = Mutex<LogFile?>(nil)

    /// The process's log, which the executable sets; while it is nil, library messages are dropped.
    public static var shared: LogFile? {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/socialdeck/socialdeck.log" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/socialdeck/socialdeck.log" }
        return nil
    }

    public func accepts(_ level: Level) -> Bool { level <= self.level }

    /// Appends "2026-12-01T09:30:00.123Z warning mongoc[monitor]: …" when `level` is accepted.
    /// A log that cannot be opened drops the line: there is nowhere else to put it.
    public func record(_ level: Level, _ source: String, _ message: String, at date: Date = Date()) {
        guard accepts(level), let fd = try? descriptor() else { return }
        let text = message.hasSuffix("\n") ? String(message.dropLast()) : message
        let line = CredentialRedaction.redact("\(ISODate.string(from: date)) \(level) \(source): \(text)") + "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    }

    /// The open descriptor (append only), opening the file on first use.
    public func descriptor() throws(LogFileError) -> Int32 {
        try descriptorState.withLock { (fd: inout Int32?) throws(LogFileError) -> Int32 in
            if let fd { return fd }
            let opened = try open()
            fd = opened
            return opened
        }
    }

    private func open() throws(LogFileError) -> Int32 {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw LogFileError(path: path, reason: "cannot create \(directory) (\(error.localizedDescription))")
        }
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > Self.rotationBytes { rename(path, path + ".1") }
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LogFileError(path: path, reason: String(cString: strerror(errno))) }
        fchmod(fd, 0o600)
        return fd
    }
}
