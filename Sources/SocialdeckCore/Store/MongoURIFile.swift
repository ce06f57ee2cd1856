import Foundation

/// Reads the MongoDB URI from the file `[store] mongo_uri_file` names. Like the secret
/// key file, it must be readable by its owner only; its contents are never shown.
enum MongoURIFile {
    static let maximumSize = 16 * 1024

    static func read(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreSettingsError("cannot open the MongoDB URI file \(path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw StoreSettingsError("the MongoDB URI file \(path) is not a regular file")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw StoreSettingsError("the MongoDB URI file \(path) has mode \(String(mode, radix: 8)); other users must not be able to read it. Run: chmod 600 \(path)")
        }
        guard info.st_size <= maximumSize else {
            throw StoreSettingsError("the MongoDB URI file \(path) is \(info.st_size) bytes; it should hold one URI")
        }
        let bytes = (try? handle.readToEnd()) ?? Data()
        let uri = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard uri.hasPrefix("mongodb://") || uri.hasPrefix("mongodb+srv://"), !uri.contains("\n") else {
            throw StoreSettingsError("the MongoDB URI file \(path) does not hold one mongodb:// or mongodb+srv:// URI")
        }
        return uri
    }
}
