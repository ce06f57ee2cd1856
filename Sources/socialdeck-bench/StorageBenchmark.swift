import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// The storage figures of the foundation issue, at 100,000 content documents.
struct StorageBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "storage", abstract: "Insert, find by id, the approval queue, claims.")

    @Option(help: "Content documents.") var docs = 100_000
    @Option(help: "MongoDB URI; when given, the MongoDB backend is measured against pymongo too.") var mongo: String?
    @Option(help: "Content documents for the MongoDB run (the test server scans slowly).") var mongoDocs: Int?
    @Option(help: "Find-by-id lookups.") var lookups = 10_000
    @Option(help: "Approval-queue queries.") var queries = 200
    @Option(help: "Find-one-and-update claims.") var claims = 300
    @Flag(help: "Also time `socialdeck seed` of the whole workspace at --docs posts.") var seed = false
    @Flag(help: "Skip the SQLite run (with --mongo).") var mongoOnly = false

    func run() throws {
        let now = ISODate.date(from: "2026-11-29")!
        if seed { try measureSeed(now: now) }
        if !mongoOnly { try measure(backend: "SQLite", count: docs, now: now) }
        if let mongo { try measure(backend: "MongoDB", count: mongoDocs ?? docs, now: now, uri: mongo) }
    }

    func measureSeed(now: Date) throws {
        var options = DemoWorkspace.Options()
        options.posts = docs
        options.users = 10_000
        options.organizations = 200
        options.now = now
        let dir = NSTemporaryDirectory() + "socialdeck-bench-seed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try StoreLocation.sqlite(directory: dir).open()
        var summary = DemoWorkspace.Summary()
        let s = try seconds { summary = try DemoWorkspace(options: options).seed(into: store) }
        print("seed: \(summary.counts.values.reduce(0, +)) documents (\(docs) posts, 10,000 users) into SQLite in \(String(format: "%.2f", s)) s")
    }

    func measure(backend: String, count: Int, now: Date, uri: String? = nil) throws {
        var options = DemoWorkspace.Options()
        options.posts = count
        options.organizations = 8
        options.users = 40
        options.seed = 7
        options.now = now
        let corpus = try DemoWorkspace(options: options).corpus()
        let encoder = DocumentEncoder()
        var docs: [Document] = []
        let encode = try seconds { docs = try corpus.posts.map { try encoder.encode($0) } }
        var bytes = 0
        let bsonWrite = seconds { for d in docs { bytes += d.bsonBytes().count } }
        let dir = NSTemporaryDirectory() + "socialdeck-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let jsonl = dir + "/content.jsonl"
        try docs.map(ExtendedJSON.string(from:)).joined(separator: "\n").write(toFile: jsonl, atomically: false, encoding: .utf8)

        var rng = SeededGenerator(seed: 99)
        let lookupIds = (0..<lookups).map { _ in docs[Int.random(in: 0..<docs.count, using: &rng)]["_id"]! }
        let orgIds = corpus.organizations.map(\._id)
        let horizon = now.addingTimeInterval(3 * 86_400)

        let database = "bench\(UInt32.random(in: 0...UInt32.max))"
        var params: [String: Any] = [
            "documents": jsonl, "lookup_ids": lookupIds.compactMap { $0.objectIdValue?.hex },
            "organizations": orgIds.map(\.hex), "queue_queries": queries, "claims": claims,
            "claim_horizon": ISODate.string(from: horizon),
            // The same indexes socialdeck creates, so both sides maintain the same ones.
            "indexes": SchemaCatalog.schema(for: .content).indexes.map { index in
                index.keys.map { [$0.path, $0.ascending ? 1 : -1] as [Any] }
            },
        ]
        // The reference runs first: on the MongoDB test server, whichever client runs
        // second meets a busier server (its storage still settling from the first run).
        let reference: [String: Double]
        if let uri {
            params["uri"] = MongoURI.replacingDatabase(of: uri, with: database + "ref")
            params["database"] = database + "ref"
            reference = try runReference("mongo_reference.py", params: params)
        } else {
            params["database"] = dir + "/reference.sqlite"
            params["synchronous"] = "FULL"
            reference = try runReference("sqlite_reference.py", params: params)
        }
        let store: any DocumentStore = uri != nil
            ? try MongoStore(uri: MongoURI.replacingDatabase(of: uri!, with: database))
            : try SQLiteStore(directory: dir + "/socialdeck", durability: .full)
        for index in SchemaCatalog.schema(for: .content).indexes { try store.createIndex(index, on: "content") }

        let insert = try seconds {
            var i = 0
            while i < docs.count {
                try store.insertMany(Array(docs[i..<min(i + 1000, docs.count)]), into: "content")
                i += 1000
            }
        }
        let find = try seconds {
            for id in lookupIds { _ = try store.findOne("content", .compare("_id", .eq, id)) }
        }
        var queueTimes: [Double] = []
        var pendingSeen = 0
        for n in 0..<queries {
            let filter = Filter.eq("organizationId", orgIds[n % orgIds.count]) && .eq("approval.status", ApprovalStatus.pending)
            queueTimes.append(try seconds {
                pendingSeen += try store.find("content", filter, sort: [.asc("platforms.scheduledAt")], limit: 50).count
            } * 1000)
        }
        var claimed = 0
        let claimFilter = Filter.elemMatch("platforms", .eq("status", PostStatus.scheduled) && .lte("scheduledAt", horizon))
            && .isNull("claimedBy")
        let claim = try seconds {
            for _ in 0..<claims {
                guard try store.findOneAndUpdate("content", claimFilter, sort: [.asc("platforms.scheduledAt")],
                                                 .set("claimedBy", "bench"), returnUpdated: true) != nil else { break }
                claimed += 1
            }
        }

        let figures = [
            Figure(name: "insert", unit: "docs/s", ours: Double(docs.count) / insert, reference: reference["insert_per_s"],
                   higherIsBetter: true, target: uri == nil ? "≥ 1× reference" : "≥ 0.8× reference"),
            Figure(name: "find by id", unit: "ops/s", ours: Double(lookups) / find, reference: reference["find_by_id_per_s"],
                   higherIsBetter: true, target: uri == nil ? "≥ 1× reference" : "≥ 0.8× reference"),
            Figure(name: "approval queue p50", unit: "ms", ours: percentile(queueTimes, 0.5), reference: reference["queue_ms_p50"],
                   higherIsBetter: false, target: uri == nil ? "< 5 ms and ≥ 1× reference" : "≥ 0.8× reference"),
            Figure(name: "approval queue p99", unit: "ms", ours: percentile(queueTimes, 0.99), reference: reference["queue_ms_p99"],
                   higherIsBetter: false, target: "—"),
            Figure(name: "find-one-and-update claims", unit: "claims/s", ours: Double(claimed) / claim,
                   reference: reference["claims_per_s"], higherIsBetter: true, target: uri == nil ? "≥ 1× reference" : "≥ 0.8× reference"),
        ]
        print(Figure.table("\(backend), \(docs.count) content documents (model → document: \(String(format: "%.0f", Double(docs.count) / encode)) docs/s, document → BSON: \(String(format: "%.0f", Double(docs.count) / bsonWrite)) docs/s, \(bytes / docs.count) bytes each; \(claimed) claimed, reference \(Int(reference["claimed"] ?? 0)); \(pendingSeen / max(queries, 1)) pending rows per queue page)",
                           referenceName: uri == nil ? "Python sqlite3+json" : "pymongo", figures))
        print()
    }
}
