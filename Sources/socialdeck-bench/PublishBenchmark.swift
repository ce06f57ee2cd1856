import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// The publisher's figures (issue #12): 10,000 jobs due in the same minute drained by
/// four `socialdeck daemon` processes through the sandbox, and claims per second
/// against the store's raw find-one-and-update from Python in the same run.
struct PublishBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish",
                                                    abstract: "Drain 10,000 due jobs with 4 daemons; claims per second.")

    @Option(help: "Jobs due in the same minute.") var jobs = 10_000
    @Option(help: "Daemon processes.") var processes = 4
    @Option(help: "Jobs claimed per batch.") var batch = 50
    @Option(help: "Jobs claimed one by one and in batches, for claims per second.") var claims = 3_000
    @Option(help: "MongoDB URI; when given, MongoDB is measured too (against pymongo).") var mongo: String?
    @Option(help: "Jobs for the MongoDB drain (the test server scans slowly).") var mongoJobs = 500
    @Option(help: "Claims for the MongoDB run.") var mongoClaims = 200
    @Option(help: "Seconds over which the jobs fall due (0: all at the same moment, the hardest case).") var spread = 0.0
    @Flag(help: "Skip the SQLite run (with --mongo).") var mongoOnly = false
    @Flag(help: "Measure only claims per second.") var claimsOnly = false

    func run() throws {
        var figures: [(String, [Figure])] = []
        if !mongoOnly {
            let dir = NSTemporaryDirectory() + "socialdeck-bench-publish-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            figures.append(("SQLite", (claimsOnly ? [] : try drain(.sqlite(directory: dir + "/drain"), jobs: jobs))
                                + (try claimFigures(.sqlite(directory: dir + "/claims"), count: claims, scratch: dir))))
        }
        if let mongo {
            let uri = MongoURI.replacingDatabase(of: mongo, with: "benchpublish\(UInt32.random(in: 0...UInt32.max))")
            let scratch = NSTemporaryDirectory() + "socialdeck-bench-publish-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            figures.append(("MongoDB", (claimsOnly ? [] : try drain(.mongodb(uri: uri), jobs: mongoJobs))
                                + (try claimFigures(.mongodb(uri: uri), count: mongoClaims, scratch: scratch, mongo: mongo))))
        }
        for (backend, list) in figures {
            print(Figure.table("Publishing on \(backend): \(processes) daemons, sandbox publisher", referenceName: "reference", list))
            print("")
        }
    }
}
