import CSQLite
import Foundation

/// The checks that keep `SQLiteStore` from writing where it should not: the
/// directory, a file that is not socialdeck's, and another application's SQLite file.
enum SQLiteStoreFiles {
    static func checkDirectory(_ dir: String) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw StoreError.notADirectory(dir) }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.notWritable(dir)
            }
        }
        guard isWritable(dir) else { throw StoreError.notWritable(dir) }
    }

    /// Write permission as the mode bits say, so a directory marked read-only is
    /// respected even by root, whom `access(2)` never refuses.
    static func isWritable(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return access(path, W_OK) == 0 && st.st_mode & 0o222 != 0
    }

    static func checkExistingFile(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.notWritable(path) }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) { throw StoreError.notADatabase(path) }
        guard isWritable(path) else { throw StoreError.notWritable(path) }
    }

    static func checkApplicationId(_ c: SQLiteConnection, path: String) throws {
        let id = Int32(truncatingIfNeeded: try c.integer("PRAGMA application_id"))
        let objects = try c.integer("SELECT count(*) FROM sqlite_master")
        if id == SQLiteStore.applicationId { return }
        guard id == 0 && objects == 0 else { throw StoreError.notADatabase(path) }
        try c.execute("PRAGMA application_id = \(SQLiteStore.applicationId)")
    }
}
