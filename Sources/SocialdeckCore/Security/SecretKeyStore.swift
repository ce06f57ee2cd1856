import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum SecretKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidEnvironmentValue(variable: String, SecretKeyFormatError)
    case invalidKeyFile(path: String, reason: String)
    /// Group or other users have permissions on the key file.
    case keyFileTooOpen(path: String, mode: UInt32)
    case noConfigDirectory
    case fileSystem(path: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case .invalidEnvironmentValue(let name, let problem):
            return "\(name) is not a usable key: \(problem)"
        case .invalidKeyFile(let path, let reason):
            return "the key file \(path) \(reason)"
        case .keyFileTooOpen(let path, let mode):
            return "the key file \(path) has mode \(String(mode, radix: 8)); other users must not be able to read it. Run: chmod 600 \(path)"
        case .noConfigDirectory:
            return "no place for the key file: neither XDG_CONFIG_HOME nor HOME is set"
        case .fileSystem(let path, let operation, let code):
            return "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }
}

/// Where the encryption key comes from: `SOCIALDECK_SECRET_KEY` when set, otherwise the key
/// file `$XDG_CONFIG_HOME/socialdeck/secret.key` (or `~/.config/socialdeck/secret.key`),
/// created with a random key on first use. The file must be readable by its owner only.
public struct SecretKeyStore: Sendable {
    public static let environmentVariable = "SOCIALDECK_SECRET_KEY"

    public enum Origin: Sendable, Equatable {
        case environment
        case keyFile(path: String)
        /// The key file did not exist and was created: back it up, or encrypted data is lost with it.
        case createdKeyFile(path: String)
    }

    public struct Loaded: Sendable {
        public let key: SecretKey
        public let origin: Origin
    }

    public let environment: [String: String]
    /// Overrides the default key file location (tests, `--key-file`).
    public let keyFilePath: String?

    public init(environment: [String: String], keyFile: String? = nil) {
        self.environment = environment
        self.keyFilePath = keyFile
    }

    public static func defaultKeyFile(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/socialdeck/secret.key" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/socialdeck/secret.key" }
        return nil
    }

    public func load() throws(SecretKeyError) -> Loaded {
        if let value = environment[Self.environmentVariable], !value.isEmpty {
            do {
                return Loaded(key: try SecretKey(text: value), origin: .environment)
            } catch {
                throw .invalidEnvironmentValue(variable: Self.environmentVariable, error)
            }
        }
        guard let path = keyFilePath ?? Self.defaultKeyFile(environment: environment) else {
            throw .noConfigDirectory
        }
        if let key = try Self.readKeyFile(path) { return Loaded(key: key, origin: .keyFile(path: path)) }
        let created = try Self.createKeyFile(path)
        // When another process linked its key first (`created` is false), that one is used.
        guard let key = try Self.readKeyFile(path) else {
            throw .fileSystem(path: path, operation: "read", errno: ENOENT)
        }
        return Loaded(key: key, origin: created ? .createdKeyFile(path: path) : .keyFile(path: path))
    }

    // MARK: Files

    /// The key in `path`, or nil when there is no such file.
    static func readKeyFile(_ path: String) throws(SecretKeyError) -> SecretKey? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .fileSystem(path: path, operation: "open", errno: errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fileSystem(path: path, operation: "stat", errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .invalidKeyFile(path: path, reason: "is not a regular file") }
        let mode = UInt32(info.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw .keyFileTooOpen(path: path, mode: mode) }
        guard info.st_size <= 1024 else {
            throw .invalidKeyFile(path: path, reason: "is \(info.st_size) bytes; a key file holds 64 hex characters")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw .fileSystem(path: path, operation: "read", errno: errno) }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        if bytes.count == SecretKey.byteCount, let key = SecretKey(bytes: bytes) { return key }
        guard let text = String(validating: bytes, as: UTF8.self), let key = try? SecretKey(text: text) else {
            throw .invalidKeyFile(path: path, reason: "holds \(bytes.count) bytes, which is not a key "
                                  + "(expected 64 hex characters, the base64 of 32 bytes, or 32 raw bytes)")
        }
        return key
    }

    /// Writes a new random key to `path` (mode 0600, missing directories 0700). The key goes to
    /// a temporary file first and is hard-linked into place, so no reader ever sees a partial
    /// file, and the directory is synced, so the key outlives a power cut; false when another
    /// process linked its key first.
    static func createKeyFile(_ path: String) throws(SecretKeyError) -> Bool {
        let parent = (path as NSString).deletingLastPathComponent
        let directory = parent.isEmpty ? "." : parent
        try makeDirectories(directory)
        let key: SecretKey
        do { key = try SecretKey.generate() } catch {
            throw .fileSystem(path: path, operation: "generate a key for", errno: EIO)
        }
        let temporary = directory + "/.secret.key.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .fileSystem(path: temporary, operation: "create", errno: errno) }
        defer { unlink(temporary) }
        let contents = Array((key.hexEncoded + "\n").utf8)
        let written = contents.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        var problem: (String, Int32)?
        if fchmod(fd, 0o600) != 0 {
            problem = ("set the mode of", errno)
        } else if written != contents.count {
            problem = ("write", written < 0 ? errno : EIO)
        } else if fsync(fd) != 0 {
            problem = ("sync", errno)
        }
        close(fd)
        if let (operation, code) = problem { throw .fileSystem(path: temporary, operation: operation, errno: code) }
        if link(temporary, path) != 0 {
            if errno == EEXIST { return false }
            throw .fileSystem(path: path, operation: "create", errno: errno)
        }
        try DurableDirectory.syncParent(of: path)
        return true
    }

    /// `mkdir -p` where each directory created gets mode 0700 (XDG's rule for these
    /// directories) and is synced into its parent; existing ones are left as they are.
    static func makeDirectories(_ directory: String) throws(SecretKeyError) {
        var current = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            current += "/" + component
            var info = stat()
            if stat(current, &info) == 0 { continue }
            if mkdir(current, 0o700) == 0 {
                chmod(current, 0o700)
                try DurableDirectory.syncParent(of: current)
            } else if errno != EEXIST {
                throw .fileSystem(path: current, operation: "create the directory", errno: errno)
            }
        }
    }
}
