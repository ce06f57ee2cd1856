import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Counts daily figures from the posts themselves: what a rollup should hold.
struct RollupCount {
    let store: any DocumentStore
    /// Beyond this many rollups one pass over every post is cheaper than a query per run of days.
    static let scanAbove = 2000

    /// The figures of each organization rollup in `keys` (zero for a day without posts).
    func organizations(_ keys: Set<RollupKey>) throws -> [RollupKey: DayFigures] {
        guard !keys.isEmpty else { return [:] }
        var out = Dictionary(uniqueKeysWithValues: keys.map { ($0, DayFigures()) })
        let orgs = Set(keys.compactMap(\.organizationId))
        let posts = keys.count > Self.scanAbove
            ? try store.find(CollectionName.content.rawValue, projection: .include(DayFigures.projection))
            : try touching(days: Set(keys.map(\.day)), organizations: orgs)
        for post in posts {
            guard case .objectId(let org)? = post["organizationId"], orgs.contains(org) else { continue }
            for (day, figures) in DayFigures.contributions(of: post) {
                out[RollupKey(organizationId: org, day: day)]?.add(figures)
            }
        }
        return out
    }

    /// The posts (as the rollups read them) with an entry scheduled or published on one
    /// of `days`, of `organizations`: two indexed queries per run of days.
    private func touching(days: Set<Int64>, organizations: Set<ObjectId>) throws -> [Document] {
        var found: [Document] = [], seen = Set<BSONValue>()
        for run in Self.runs(days) {
            let start = BSONValue.date(RollupKey(organizationId: nil, day: run.lowerBound).date)
            let end = BSONValue.date(RollupKey(organizationId: nil, day: run.upperBound + 1).date)
            // Every status, so the (platforms.status, platforms.scheduledAt) index answers the range.
            let scheduled = Filter.isIn("status", anyOf: PostStatus.allCases) && .compare("scheduledAt", .gte, start)
                && .compare("scheduledAt", .lt, end)
            let published = Filter.compare("publishedAt", .gte, start) && .compare("publishedAt", .lt, end)
            for entries in [scheduled, published] {
                let filter = Filter.elemMatch("platforms", entries)
                    && .isIn("organizationId", organizations.sorted().map { .objectId($0) })
                for post in try store.find(CollectionName.content.rawValue, filter, projection: .include(DayFigures.projection)) {
                    if let id = post["_id"], seen.insert(id).inserted { found.append(post) }
                }
            }
        }
        return found
    }

    /// `days` as runs of consecutive days.
    static func runs(_ days: Set<Int64>) -> [ClosedRange<Int64>] {
        var runs: [ClosedRange<Int64>] = []
        for day in days.sorted() {
            if let last = runs.last, last.upperBound + 1 == day {
                runs[runs.count - 1] = last.lowerBound...day
            } else {
                runs.append(day...day)
            }
        }
        return runs
    }
}
