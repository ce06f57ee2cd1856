import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The daily rollups in `analytics`: for each organization and UTC day, and for the
/// whole platform, the figures of ``DayFigures``, kept current as posts change so that
/// the staff calendar and the analytics pane read a few dozen rollups instead of every
/// post.
///
/// Every write of posts goes through ``writing(_:_:)``, which marks the rollups the
/// posts count in before the write and counts them again after it (see
/// `AnalyticsRecord.RollupState`). A reader takes a rollup as stored only when it is
/// current; otherwise it counts the day from the posts, and stores the result when no
/// writer is busy. So several processes writing at once, a process that dies halfway,
/// and an import all leave figures equal to a full recount.
public struct ContentRollups: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    /// A mark this old was left by a writer that died: its rollups are counted again
    /// and stored as current. Far longer than any write takes (SQLite's busy timeout,
    /// libmongoc's socket timeout).
    public static let abandonAfter: TimeInterval = 120
    static let collection = CollectionName.analytics.rawValue

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// The rollups a post (a `content` document) counts in: its organization's days and
    /// the platform's. Nil counts in none.
    public static func keys(of post: Document?) -> Set<RollupKey> {
        guard let post, case .objectId(let org)? = post["organizationId"] else { return [] }
        return Set(DayFigures.contributions(of: post).keys.flatMap {
            [RollupKey(organizationId: org, day: $0), RollupKey(organizationId: nil, day: $0)]
        })
    }

    /// The rollups any of `posts` counts in.
    public static func keys(of posts: [Document]) -> Set<RollupKey> {
        posts.reduce(into: Set<RollupKey>()) { $0.formUnion(keys(of: $1)) }
    }

    /// socialdeck's daily content rollups, and the daily content records of an older store.
    static let dailyContent = Filter.eq("type", AnalyticsType.contentPerformance) && .eq("aggregation", AggregationPeriod.daily)

    /// Runs `write`, a write of posts that count in `keys` before or after it, keeping
    /// those rollups current.
    public func writing<T>(_ keys: Set<RollupKey>, _ write: () throws -> T) throws -> T {
        guard !keys.isEmpty else { return try write() }
        try mark(keys)
        // If finishing fails the marks stay: readers count those days from the posts
        // until `abandonAfter`, then store them current again.
        defer { if (try? finish(keys)) != nil { _ = try? recount(keys) } }
        return try write()
    }

    /// Creates the missing rollups (empty: under the rule every write follows, a day
    /// without a rollup has no posts), then marks each as being written.
    func mark(_ keys: Set<RollupKey>) throws {
        let sorted = keys.sorted()
        let stored = Set(try states(of: sorted).keys)
        let missing = sorted.filter { !stored.contains($0) }
        if !missing.isEmpty { try insertCurrent(missing.map { ($0, DayFigures()) }) }
        let update = Update.inc("rollup.changes", 1).inc("rollup.writing", 1).set("rollup.markedAt", clock())
        try store.bulkUpdate(Self.collection, sorted.map { BulkUpdate(.id($0.documentId), update) })
    }

    func finish(_ keys: Set<RollupKey>) throws {
        // Never below zero: a mark already taken for abandoned may still be finished by a late writer.
        try store.bulkUpdate(Self.collection, keys.sorted().map {
            BulkUpdate(.id($0.documentId) && .compare("rollup.writing", .gt, .int64(0)), .inc("rollup.writing", -1))
        })
    }

    /// Counts `keys` from the posts and stores each whose writers have all finished (or
    /// died) and that nobody marked meanwhile. Returns the figures as counted.
    @discardableResult
    func recount(_ keys: Set<RollupKey>) throws -> [RollupKey: DayFigures] {
        // The states first: a rollup stored below was counted from posts read after its
        // state, so no write that finished before that read is missing from it.
        var states = try states(of: keys.sorted())
        var counted = try RollupCount(store: store).organizations(keys.filter { $0.organizationId != nil })
        var toSave = counted
        let platformDays = Set(keys.filter { $0.organizationId == nil }.map(\.day))
        if !platformDays.isEmpty {
            let days = try sumOrganizations(days: platformDays)
            for (day, figures) in days.sums { counted[RollupKey(organizationId: nil, day: day)] = figures }
            toSave.merge(counted) { a, _ in a }
            toSave.merge(days.recounted) { a, _ in a }
            states.merge(days.states) { a, _ in a }
        }
        try save(toSave, states: states)
        return counted
    }

    /// The platform-wide figures of `days`: the sum of every organization's rollup of
    /// the day, each counted again from the posts where it is not current. Also returns
    /// those recounts, with the states they were counted at, to be stored.
    private func sumOrganizations(days: Set<Int64>) throws
        -> (sums: [Int64: DayFigures], recounted: [RollupKey: DayFigures], states: [RollupKey: RollupRecord]) {
        let filter = Self.dailyContent && .isIn("date", days.sorted().map { BSONValue.date(RollupKey(organizationId: nil, day: $0).date) })
        var sums: [Int64: DayFigures] = Dictionary(uniqueKeysWithValues: days.map { ($0, DayFigures()) })
        var stale: [RollupKey: RollupRecord] = [:]
        for doc in try store.find(Self.collection, filter) {
            // Only socialdeck's own rollups: an older store's daily records have other ids.
            guard let record = RollupRecord(doc), record.key.organizationId != nil else { continue }
            if record.state.isCurrent {
                sums[record.key.day]?.add(record.figures)
            } else {
                stale[record.key] = record
            }
        }
        let recounted = try RollupCount(store: store).organizations(Set(stale.keys))
        for (key, figures) in recounted { sums[key.day]?.add(figures) }
        return (sums, recounted, stale)
    }

    /// Stores each counted rollup whose state allows it: as read, no writer busy (or
    /// only an abandoned one), and only if no writer has marked it since. A rollup not
    /// stored yet is inserted; one created meanwhile by a writer is left to it.
    func save(_ counted: [RollupKey: DayFigures], states: [RollupKey: RollupRecord]) throws {
        let now = clock()
        var updates: [BulkUpdate] = [], inserts: [(RollupKey, DayFigures)] = []
        for (key, figures) in counted.sorted(by: { $0.key < $1.key }) {
            guard let stored = states[key] else {
                // An empty day is counted again whenever it is read (two indexed queries)
                // rather than stored: a reader's write would wake every other dashboard.
                if !figures.isEmpty { inserts.append((key, figures)) }
                continue
            }
            let state = stored.state
            let abandoned = state.markedAt.map { now.timeIntervalSince($0) > Self.abandonAfter } ?? true
            guard state.writing == 0 || abandoned, !(state.isCurrent && stored.figures == figures) else { continue }
            var update = Update.set("rollup.counted", Int64(state.changes)).set("rollup.writing", Int64(0))
            for field in try RollupRecord.fields(of: figures) { update = update.set(field.key, field.value) }
            updates.append(BulkUpdate(.id(key.documentId) && .compare("rollup.changes", .eq, .int64(Int64(state.changes))),
                                      update))
        }
        if !updates.isEmpty { try store.bulkUpdate(Self.collection, updates) }
        try insertCurrent(inserts)
    }

    /// Inserts rollups as current; one another process inserted first is left as it is.
    func insertCurrent(_ rollups: [(RollupKey, DayFigures)]) throws {
        guard !rollups.isEmpty else { return }
        let now = clock()
        let docs = try rollups.map { try RollupRecord.document($0.0, figures: $0.1, createdAt: now) }
        do {
            try store.insertMany(docs, into: Self.collection)
        } catch StoreError.duplicateKey {
            for doc in docs {
                do { try store.insertOne(doc, into: Self.collection) } catch StoreError.duplicateKey {}
            }
        }
    }

    /// The stored rollups among `keys`.
    func states(of keys: [RollupKey]) throws -> [RollupKey: RollupRecord] {
        var out: [RollupKey: RollupRecord] = [:]
        let byId = Dictionary(keys.map { (BSONValue.objectId($0.documentId), $0) }, uniquingKeysWith: { a, _ in a })
        for chunk in stride(from: 0, to: keys.count, by: 1000).map({ Array(keys[$0..<min($0 + 1000, keys.count)]) }) {
            for doc in try store.find(Self.collection, .isIn("_id", chunk.map { .objectId($0.documentId) })) {
                guard let id = doc["_id"], let key = byId[id], let record = RollupRecord(doc) else { continue }
                out[key] = record
            }
        }
        return out
    }
}
