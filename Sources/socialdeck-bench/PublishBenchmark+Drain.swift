import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

extension PublishBenchmark {
    /// `count` approved posts, one platform each, due at one moment 20 s from now (or
    /// over `spread` seconds from then), spread over 200 organizations' sandbox accounts on Facebook,
    /// LinkedIn and X (no account near X's 200 per 15 minutes); then `processes` daemons
    /// drain them. Lag is each job's publication time minus its scheduled time.
    func drain(_ location: StoreLocation, jobs count: Int) throws -> [Figure] {
        let store = try location.open()
        let start = Date().addingTimeInterval(20)
        try seedDuePosts(store, count: count, from: start)
        let env = NSTemporaryDirectory() + "socialdeck-bench-env-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: env, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: env) }
        let daemons = try (0..<processes).map { _ in try daemon(location, env: env) }
        defer {
            for d in daemons where d.isRunning { kill(d.processIdentifier, SIGTERM) }
            for d in daemons { d.waitUntilExit() }
        }
        let deadline = start.addingTimeInterval(60 + 900)
        let collection = PublishJob.collection.rawValue
        while try store.count(collection, .isIn("state", anyOf: [PublishJobState.published, .failed, .needsCheck, .missed])) < count {
            guard Date() < deadline, daemons.allSatisfy(\.isRunning) else {
                throw CoreError.invalid("the daemons did not drain \(count) jobs (\(try store.count(collection, .eq("state", PublishJobState.published))) published)")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let done = try ModelCollection(store, PublishJob.self).find()
        let lags = done.compactMap { job in job.publishedAt.map { $0.timeIntervalSince(job.dueAt) } }
        let last = done.compactMap(\.publishedAt).max() ?? start
        var perJob: [ObjectId: Int] = [:]
        for entry in try store.find(PublishOutboxEntry.collection.rawValue, projection: .include(["jobId", "step"]))
        where entry["step"]?.stringValue != "container" {
            if let id = entry["jobId"]?.objectIdValue { perJob[id, default: 0] += 1 }
        }
        let duplicates = perJob.values.reduce(0) { $0 + max(0, $1 - 1) }
        let unpublished = done.count - lags.count
        let drained = last.timeIntervalSince(start)
        return [
            Figure(name: "\(count) jobs due \(spread == 0 ? "at one moment" : "over \(Int(spread)) s"): drained after the first was due", unit: "s", ours: drained, reference: nil,
                   higherIsBetter: false, target: "SQLite ≤ 60 s"),
            Figure(name: "lag behind the scheduled time, p50", unit: "s", ours: percentile(lags, 0.5), reference: nil,
                   higherIsBetter: false, target: "—"),
            Figure(name: "lag behind the scheduled time, p99", unit: "s", ours: percentile(lags, 0.99), reference: nil,
                   higherIsBetter: false, target: "—"),
            Figure(name: "duplicates (sent twice) / not published", unit: "", ours: Double(duplicates), reference: Double(unpublished),
                   higherIsBetter: false, target: "0 / 0"),
        ]
    }

    private func seedDuePosts(_ store: any DocumentStore, count: Int, from start: Date) throws {
        let platforms: [Platform] = [.facebook, .linkedin, .twitter]
        var owners: [(org: ObjectId, user: ObjectId)] = []
        for o in 0..<200 {
            var org = Organization()
            org._id = ObjectId()
            org.name = "Bench \(o)"
            org.slug = "bench\(o)"
            try ModelCollection(store, Organization.self).insert(org)
            let admin = User(organizationId: org._id, email: "admin@bench\(o).test", profile: .init(firstName: "A", lastName: "\(o)"),
                             role: .admin, socialAccounts: platforms.map {
                                 User.SocialAccount(platform: $0, accountId: "b\(o)-\($0.rawValue)", accountName: "@bench\(o)", connectedAt: start)
                             }, createdAt: start, updatedAt: start)
            try ModelCollection(store, User.self).insert(admin)
            owners.append((org._id, admin._id))
        }
        var posts: [Document] = []
        for i in 0..<count {
            var post = Content()
            post._id = ObjectId()
            post.organizationId = owners[i % owners.count].org
            post.userId = owners[i % owners.count].user
            post.title = "Bench post \(i)"
            post.content.text = "Bench post number \(i) #bench"
            post.approval.status = .approved
            let due = start.addingTimeInterval(spread * Double(i) / Double(max(1, count)))
            post.platforms = [Content.PlatformPost(platform: platforms[(i / owners.count) % platforms.count], status: .scheduled, scheduledAt: due)]
            post.createdAt = start
            post.updatedAt = start
            posts.append(try DocumentEncoder().encode(post))
        }
        let rollups = ContentRollups(store: store, clock: { start })
        for first in stride(from: 0, to: posts.count, by: 2000) {
            let slice = Array(posts[first..<min(first + 2000, posts.count)])
            try rollups.writing(ContentRollups.keys(of: slice)) { try store.insertMany(slice, into: Content.collection.rawValue) }
        }
    }

    private func daemon(_ location: StoreLocation, env dir: String) throws -> Process {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("socialdeck")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CoreError.invalid("build the socialdeck binary beside the benchmark: swift build -c release --product socialdeck")
        }
        let process = Process()
        process.executableURL = binary
        var args = ["daemon", "--poll", "0.2", "--batch", String(batch), "--log", dir + "/daemon-\(UUID().uuidString).log"]
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = dir
        env["XDG_STATE_HOME"] = dir
        switch location {
        case .sqlite(let directory): args += ["--data", directory]
        case .mongodb(let uri): env["SOCIALDECK_MONGO_URI"] = uri
        }
        process.arguments = args
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
