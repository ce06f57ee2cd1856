import CSQLite
import Foundation

extension SQLiteStore {
    /// Who may open the store's files. SQLite gives its `-wal` and `-shm` files the
    /// database file's mode, so creating that one right covers all three.
    public enum FileAccess: Sendable, Equatable {
        /// Files 0600 and a new directory 0700: only the owner.
        case owner
        /// Files 0660 and a new directory 2770, all in this group, for several operators.
        case group(gid_t)

        var fileMode: mode_t { self == .owner ? 0o600 : 0o660 }
        var directoryMode: mode_t { self == .owner ? 0o700 : 0o2770 }
        public var groupId: gid_t? {
            if case .group(let gid) = self { return gid }
            return nil
        }
    }

    /// The store's files in `directory` that someone `access` does not allow can read,
    /// with their modes: a store created before socialdeck made them private, or changed since.
    public static func filesReadableByOthers(in directory: String, access: FileAccess) -> [(path: String, mode: mode_t, group: gid_t)] {
        let base = (directory as NSString).appendingPathComponent(fileName)
        return [base, base + "-wal", base + "-shm"].compactMap { path in
            var st = stat()
            guard lstat(path, &st) == 0 else { return nil }
            let groupMayRead = access.groupId == st.st_gid
            let exposed = st.st_mode & 0o007 != 0 || (!groupMayRead && st.st_mode & 0o070 != 0)
            return exposed ? (path, st.st_mode & 0o7777, st.st_gid) : nil
        }
    }
}

/// The checks that keep `SQLiteStore` from writing where it should not (the
/// directory, a file that is not socialdeck's, another application's SQLite file)
/// and that create its files for their owner, or their group, only.
enum SQLiteStoreFiles {
    static func checkDirectory(_ dir: String, _ access: SQLiteStore.FileAccess) throws {
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
            if let gid = access.groupId {
                // The setgid bit makes the -wal and -shm files SQLite creates later join the group.
                guard chown(dir, uid_t.max, gid) == 0, chmod(dir, access.directoryMode) == 0 else {
                    throw StoreError.notWritable("\(dir) (cannot hand it to group \(gid): \(String(cString: strerror(errno))))")
                }
            }
        }
        guard isWritable(dir) else { throw StoreError.notWritable(dir) }
    }

    /// Creates the empty database file with the mode `access` asks for, whatever the umask;
    /// SQLite then gives its `-wal` and `-shm` files the same mode. An existing file is left alone.
    static func createDatabaseFile(_ path: String, _ access: SQLiteStore.FileAccess) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, access.fileMode)
        if fd < 0 {
            if errno == EEXIST { return }
            throw StoreError.notWritable(path)
        }
        defer { close(fd) }
        let handedOver = fchmod(fd, access.fileMode) == 0 && access.groupId.map { fchown(fd, uid_t.max, $0) == 0 } ?? true
        if !handedOver {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw StoreError.notWritable("\(path) (cannot set its mode or group: \(reason))")
        }
    }

    /// In group mode, the `-wal` and `-shm` files this process created in a directory
    /// without the setgid bit carry its own primary group; hand them to the store's group.
    static func shareJournalFiles(of path: String, _ access: SQLiteStore.FileAccess) {
        guard let gid = access.groupId else { return }
        for file in [path + "-wal", path + "-shm"] {
            var st = stat()
            guard stat(file, &st) == 0, st.st_uid == geteuid() else { continue }
            if st.st_gid != gid { chown(file, uid_t.max, gid) }
            if st.st_mode & 0o777 != access.fileMode { chmod(file, access.fileMode) }
        }
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
