import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Directory entries that survive a power cut. Creating, linking and renaming a file
/// change its directory, and that change reaches the disk only when the directory
/// itself is synced: syncing the file alone can leave, after a crash, the old name,
/// or no name at all, pointing at the synced data.
enum DurableDirectory {
    /// Syncs the directory that holds `path`.
    static func syncParent(of path: String) throws(SecretKeyError) {
        let parent = (path as NSString).deletingLastPathComponent
        let directory = parent.isEmpty ? "." : parent
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .fileSystem(path: directory, operation: "open the directory", errno: errno) }
        defer { close(fd) }
        // EINVAL: a file system that cannot sync directories; there is nothing more to do there.
        guard fsync(fd) == 0 || errno == EINVAL else {
            throw .fileSystem(path: directory, operation: "sync the directory", errno: errno)
        }
    }

    /// Renames `source` over `destination` and syncs their directory, so the new name is
    /// on disk when this returns.
    static func rename(_ source: String, over destination: String) throws(SecretKeyError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw .fileSystem(path: destination, operation: "replace", errno: errno)
        }
        try syncParent(of: destination)
    }
}
