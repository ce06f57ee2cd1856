import Foundation
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// The store's file and SQLite's `-wal` and `-shm` beside it are created for their
/// owner (or a chosen group) only, whatever the umask and whoever made the directory.
@Suite("SQLite file modes")
struct SQLiteFileModeTests {
    /// Mode and group of each of the store's three files.
    func modes(in dir: String) -> [String: (mode: mode_t, gid: gid_t)] {
        var out: [String: (mode_t, gid_t)] = [:]
        for suffix in ["", "-wal", "-shm"] {
            var st = stat()
            if stat(dir + "/" + SQLiteStore.fileName + suffix, &st) == 0 { out[suffix] = (st.st_mode & 0o7777, st.st_gid) }
        }
        return out
    }

    /// Runs `body` under the common umask 022, which leaves new files readable by everyone.
    func underUmask022<T>(_ body: () throws -> T) rethrows -> T {
        let previous = umask(0o022)
        defer { umask(previous) }
        return try body()
    }

    @Test func filesInAnExistingOpenDirectoryAreForTheOwnerOnly() throws {
        let dir = TemporaryDirectory.make()
        chmod(dir, 0o755)
        let found = try underUmask022 {
            let store = try SQLiteStore(directory: dir)
            try store.insertOne(Document([.init("x", 1)]), into: "things")
            return modes(in: dir)
        }
        #expect(found.keys.sorted() == ["", "-shm", "-wal"])
        for (suffix, entry) in found { #expect(entry.mode == 0o600, "\(SQLiteStore.fileName)\(suffix)") }
        #expect(SQLiteStore.filesReadableByOthers(in: dir, access: .owner).isEmpty)
    }

    @Test func aGroupStoreIsSharedWithThatGroupOnly() throws {
        let dir = TemporaryDirectory.make() + "/shared"
        let gid = getegid()
        let (found, openToAll) = try underUmask022 {
            let store = try SQLiteStore(directory: dir, access: .group(gid))
            try store.insertOne(Document([.init("x", 1)]), into: "things")
            return (modes(in: dir), SQLiteStore.filesReadableByOthers(in: dir, access: .owner))
        }
        #expect(found.count == 3)
        for (suffix, entry) in found {
            #expect(entry.mode == 0o660, "\(SQLiteStore.fileName)\(suffix)")
            #expect(entry.gid == gid)
        }
        var st = stat()
        #expect(stat(dir, &st) == 0 && st.st_mode & 0o7777 == 0o2770 && st.st_gid == gid)
        #expect(SQLiteStore.filesReadableByOthers(in: dir, access: .group(gid)).isEmpty)
        #expect(openToAll.count == 3)
    }

    @Test func anExistingOpenStoreIsReportedAndLeftAsItIs() throws {
        let dir = TemporaryDirectory.make()
        try underUmask022 {
            let store = try SQLiteStore(directory: dir)
            try store.insertOne(Document([.init("x", 1)]), into: "things")
        }
        let path = dir + "/" + SQLiteStore.fileName
        chmod(path, 0o644)
        _ = try SQLiteStore(directory: dir)
        #expect(modes(in: dir)[""]?.mode == 0o644)
        let open = SQLiteStore.filesReadableByOthers(in: dir, access: .owner)
        #expect(open.map(\.path) == [path])
        #expect(open.first?.mode == 0o644)
    }
}
