import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

extension PublishBenchmark {
    /// Claims per second: `count` due jobs claimed one at a time and in batches through
    /// the publisher, against the same jobs claimed one at a time with the store's raw
    /// find-one-and-update from Python.
    func claimFigures(_ location: StoreLocation, count: Int, scratch: String, mongo: String? = nil) throws -> [Figure] {
        let now = Date()
        let jobs = (0..<count).map { i -> PublishJob in
            var job = PublishJob()
            job.contentId = ObjectId()
            job._id = PublishJob.id(contentId: job.contentId, platform: .facebook, dueAt: now)
            job.organizationId = ObjectId()
            job.platform = .facebook
            job.dueAt = now.addingTimeInterval(-Double(count - i))
            job.nextAttemptAt = job.dueAt
            job.createdAt = now
            job.updatedAt = now
            return job
        }
        let docs = try jobs.map { try DocumentEncoder().encode($0) }
        let file = scratch + "/jobs.jsonl"
        try docs.map(ExtendedJSON.string(from:)).joined(separator: "\n").write(toFile: file, atomically: false, encoding: .utf8)
        var params: [String: Any] = ["jobs": file, "now": ISODate.string(from: now)]
        if let mongo {
            let database = "benchclaimref\(UInt32.random(in: 0...UInt32.max))"
            params["uri"] = MongoURI.replacingDatabase(of: mongo, with: database)
            params["database"] = database
        } else {
            params["database"] = scratch + "/reference.sqlite"
        }
        let reference = try runReference("claims_reference.py", params: params)

        func rate(batch: Int, suffix: String) throws -> Double {
            let store: any DocumentStore
            switch location {
            case .sqlite(let dir): store = try StoreLocation.sqlite(directory: dir + suffix).open()
            case .mongodb: store = try StoreLocation.mongodb(uri: MongoURI.replacingDatabase(of: mongo!, with: "benchclaims\(suffix)\(UInt32.random(in: 0...UInt32.max))")).open()
            }
            try store.insertMany(docs, into: PublishJob.collection.rawValue)
            var policy = PublishPolicy()
            policy.batchSize = batch
            let scheduler = PublishScheduler(store: store, policy: policy, owner: "bench")
            var claimed = 0
            let elapsed = try seconds {
                while true {
                    let got = try scheduler.claimBatch(at: now).count
                    if got == 0 { break }
                    claimed += got
                }
            }
            guard claimed == count else { throw CoreError.invalid("claimed \(claimed) of \(count)") }
            return Double(claimed) / elapsed
        }
        let single = try rate(batch: 1, suffix: "one")
        let batched = try rate(batch: batch, suffix: "batch")
        let raw = reference["claims_per_s"]
        return [
            Figure(name: "claims, one at a time", unit: "/s", ours: single, reference: raw, higherIsBetter: true, target: "≥ 0.8×"),
            Figure(name: "claims, batches of \(batch)", unit: "/s", ours: batched, reference: raw, higherIsBetter: true, target: "> 1×"),
        ]
    }
}
