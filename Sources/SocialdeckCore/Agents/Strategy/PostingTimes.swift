import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The strategy agent's best times to post: each weekday and hour, in a person's zone,
/// scored by how the organization's published posts did there (engagement per view),
/// smoothed toward the overall mean so that one lucky post does not make a slot. With
/// too little history of its own the organization gets the platform-wide history, and
/// the result says so. Computed from the store; no model is asked.
public struct PostingTimes: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date
    /// Below this many published posts with metrics, an organization's own history is too thin.
    public static let minimumPosts = 20
    /// How far back the history reaches.
    static let history: TimeInterval = 180 * 86_400
    /// The prior's weight, in posts.
    static let smoothing = 3.0

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public struct Slot: Sendable, Equatable {
        /// ISO weekday: 1 is Monday.
        public var weekday: Int
        public var hour: Int
        /// Engagement per view, smoothed.
        public var score: Double
        public var posts: Int
    }

    public struct Result: Sendable, Equatable {
        public var slots: [Slot]
        /// True when the organization's own history was used.
        public var ownHistory: Bool
        /// Published posts the scores rest on.
        public var basis: Int
        public var timeZone: String
        /// Why the platform-wide history was used, when it was.
        public var note: String?
    }

    public func best(for organizationId: ObjectId, platform: Platform? = nil, timeZone: TimeZone, top: Int = 5,
                     by identity: Identity) throws -> Result {
        try AccessControl.authorize(identity, .viewAnalytics, organizationId: organizationId)
        let own = try samples(organizationId, platform: platform)
        var result: Result
        if own.count >= Self.minimumPosts {
            result = Result(slots: score(own, timeZone: timeZone, top: top), ownHistory: true, basis: own.count, timeZone: timeZone.identifier)
        } else {
            let everyone = try samples(nil, platform: platform)
            result = Result(slots: score(everyone, timeZone: timeZone, top: top), ownHistory: false, basis: everyone.count,
                            timeZone: timeZone.identifier)
            result.note = "the organization has \(own.count) published post\(own.count == 1 ? "" : "s") with metrics in the last 180 days "
                + "(\(Self.minimumPosts) are needed), so these times come from every organization's history"
        }
        return result
    }

    /// (publishedAt, engagement per view) of published posts with metrics.
    private func samples(_ organizationId: ObjectId?, platform: Platform?) throws -> [(Date, Double)] {
        let since = clock().addingTimeInterval(-Self.history)
        var entry: Filter = .eq("status", PostStatus.published) && .gte("publishedAt", since) && .exists("metrics", true)
        if let platform { entry = entry && .eq("platform", platform) }
        var filter: Filter = .elemMatch("platforms", entry)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        return try store.find(Content.collection.rawValue, filter, limit: 20_000, projection: .include(["platforms"]))
            .flatMap { PublishedEntry.of($0, since: since) }
            .filter { platform == nil || $0.platform == platform }
            .map { ($0.publishedAt, $0.rate) }
    }

    private func score(_ samples: [(Date, Double)], timeZone: TimeZone, top: Int) -> [Slot] {
        guard !samples.isEmpty else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var sums: [Int: (total: Double, n: Int)] = [:]
        for (at, rate) in samples {
            let key = calendar.isoWeekday(of: at) * 100 + calendar.component(.hour, from: at)
            sums[key, default: (0, 0)].total += rate
            sums[key, default: (0, 0)].n += 1
        }
        let mean = samples.reduce(0) { $0 + $1.1 } / Double(samples.count)
        return sums.map { key, value in
            Slot(weekday: key / 100, hour: key % 100, score: (value.total + Self.smoothing * mean) / (Double(value.n) + Self.smoothing),
                 posts: value.n)
        }
        .sorted { ($0.score, $0.posts, -$0.weekday * 100 - $0.hour) > ($1.score, $1.posts, -$1.weekday * 100 - $1.hour) }
        .prefix(top).map { $0 }
    }
}

extension PostingTimes {
    /// `best`, kept as the organization's posting schedule (a `strategies` document of
    /// type `posting_schedule`, the previous one superseded) and as a strategy agent run.
    public func plan(for organizationId: ObjectId, platform: Platform? = nil, timeZone: TimeZone,
                     by identity: Identity) throws -> Result {
        try AccessControl.authorize(identity, .viewAgents, organizationId: organizationId)
        let recorder = AgentRunRecorder(store: store, clock: clock)
        let agent = try recorder.agent(.strategy)
        try agent.ensureWorks(for: organizationId, in: store)
        try agent.ensureUses(.analyticsQuery, for: "optimize_posting_schedule")
        let started = Date()
        let result = try best(for: organizationId, platform: platform, timeZone: timeZone, by: identity)
        let now = clock()
        let slots: [BSONValue] = result.slots.map { slot in
            .document(["weekday": .int32(Int32(slot.weekday)), "hour": .int32(Int32(slot.hour)),
                       "score": .double(slot.score), "posts": .int32(Int32(slot.posts))])
        }
        var schedule: Document = ["slots": .array(slots), "timezone": .string(result.timeZone), "ownHistory": .bool(result.ownHistory),
                                  "basis": .int32(Int32(result.basis))]
        if let platform { schedule["platform"] = .string(platform.rawValue) }
        if let note = result.note { schedule["note"] = .string(note) }
        try store.updateMany(Strategy.collection.rawValue,
                             .eq("organizationId", organizationId) && .eq("type", "posting_schedule") && .eq("status", RecordStatus.active),
                             Update.set("status", RecordStatus.superseded).set("updatedAt", now))
        var strategy = Strategy()
        strategy.organizationId = organizationId
        strategy.type = "posting_schedule"
        strategy.strategy = schedule
        strategy.createdAt = now
        try ModelCollection(store, Strategy.self).insert(strategy)

        var run = AgentRun()
        run.agentId = agent._id
        run.agentType = .strategy
        run.organizationId = organizationId
        run.task = "optimize_posting_schedule"
        run.startedAt = now
        run.finishedAt = now
        run.durationMs = Date().timeIntervalSince(started) * 1000
        run.provider = "computed"
        run.input = ["platform": .string(platform?.rawValue ?? "all"), "timezone": .string(result.timeZone)]
        run.output = ["strategyId": .objectId(strategy._id), "slots": .int32(Int32(result.slots.count))]
        try recorder.record(run)
        return result
    }
}
