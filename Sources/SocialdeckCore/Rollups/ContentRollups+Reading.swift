import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Reading the rollups, and building them for a store that has posts but no rollups
/// yet: one written before they existed (`StoreLocation.open` builds them), or just
/// seeded.
extension ContentRollups {
    /// The marker in `_socialdeck_meta` that says every post is counted in the rollups.
    static let builtMarker = BSONValue.string("content_rollups")

    /// The figures of each day in `days` for one organization, or for the whole platform
    /// (nil): each rollup as stored where it is current, counted again (and stored) where
    /// it is not.
    public func figures(organizationId: ObjectId?, days: ClosedRange<Int64>) throws -> [Int64: DayFigures] {
        let keys = days.map { RollupKey(organizationId: organizationId, day: $0) }
        let stored = try states(of: keys)
        var out: [Int64: DayFigures] = [:]
        var stale = Set<RollupKey>()
        for key in keys {
            if let record = stored[key], record.state.isCurrent { out[key.day] = record.figures } else { stale.insert(key) }
        }
        if !stale.isEmpty {
            for (key, figures) in try recount(stale) { out[key.day] = figures }
        }
        return out
    }

    public func isBuilt() throws -> Bool {
        try store.findOne(SchemaMigrator.metaCollection, .compare("_id", .eq, Self.builtMarker)) != nil
    }

    /// Builds the rollups unless they are built.
    public func buildIfNeeded() throws {
        if try !isBuilt() { try build() }
    }

    /// Counts every rollup from the posts, stores them and marks the store's rollups as
    /// built. Safe beside writers in other processes: a rollup one of them is writing is
    /// left to it. Daily content records of an older store, which other ids name, are
    /// removed. Returns how many rollups hold posts.
    @discardableResult
    public func build() throws -> Int {
        let filter = Self.dailyContent
        var stored: [RollupKey: RollupRecord] = [:]
        for doc in try store.find(Self.collection, filter) {
            if let record = RollupRecord(doc) { stored[record.key] = record }
        }
        // Every stored rollup is counted again, so one whose posts are all gone goes to zero.
        var counted = stored.mapValues { _ in DayFigures() }
        for post in try store.find(CollectionName.content.rawValue, projection: .include(DayFigures.projection)) {
            guard case .objectId(let org)? = post["organizationId"] else { continue }
            for (day, figures) in DayFigures.contributions(of: post) {
                counted[RollupKey(organizationId: org, day: day), default: DayFigures()].add(figures)
                counted[RollupKey(organizationId: nil, day: day), default: DayFigures()].add(figures)
            }
        }
        try save(counted, states: stored)
        try store.deleteMany(Self.collection, filter && .exists("rollup", false))
        let update = Update.set("builtAt", clock())
        if try store.updateOne(SchemaMigrator.metaCollection, .compare("_id", .eq, Self.builtMarker), update) == 0 {
            do {
                try store.insertOne(Document([.init("_id", Self.builtMarker), .init("builtAt", .date(clock()))]),
                                    into: SchemaMigrator.metaCollection)
            } catch StoreError.duplicateKey {}
        }
        return counted.values.filter { !$0.isEmpty }.count
    }

}
