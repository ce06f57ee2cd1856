import Foundation

/// A small file holding one secret (a MongoDB URI, an app's client secret) that only its
/// owner may read. Its contents never appear in an error.
public enum OwnerOnlyFile {
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The file's text, trimmed; `what` names it in errors ("the MongoDB URI file").
    public static func read(_ path: String, what: String, maximumSize: Int = 16 * 1024) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Problem(description: "cannot open \(what) \(path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw Problem(description: "\(what) \(path) is not a regular file")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw Problem(description: "\(what) \(path) has mode \(String(mode, radix: 8)); other users must not be able to read it. Run: chmod 600 \(path)")
        }
        guard info.st_size <= maximumSize else {
            throw Problem(description: "\(what) \(path) is \(info.st_size) bytes; it should hold one line")
        }
        let bytes = (try? handle.readToEnd()) ?? Data()
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
