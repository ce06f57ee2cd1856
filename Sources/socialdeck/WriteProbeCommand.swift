import SocialdeckStorage
import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel

/// Inserts documents one at a time and prints each `_id` once the store has
/// acknowledged it. The crash test kills it with SIGKILL and checks that every
/// printed id survived.
struct WriteProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_write-probe", shouldDisplay: false)

    @OptionGroup var store: StoreOptions
    @Option var count = 100_000

    func run() throws {
        let db = try store.open()
        for i in 0..<count {
            let id = ObjectId()
            try db.insertOne(Document([.init("_id", .objectId(id)), .init("n", .int64(Int64(i))),
                                       .init("payload", .string(String(repeating: "x", count: 200)))]), into: "crash_probe")
            FileHandle.standardOutput.write(Data((id.hex + "\n").utf8))
        }
    }
}
