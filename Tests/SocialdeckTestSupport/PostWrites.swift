import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// Inserts posts as the core writes them, keeping the daily rollups they count in
/// current: what a fixture uses instead of inserting into `content` by hand, which,
/// like any tool that bypasses the core, leaves the rollups behind.
public func insertPosts(_ posts: [Content], into store: any DocumentStore, now: Date = Date()) throws {
    let documents = try posts.map { try DocumentEncoder().encode($0) }
    let keys = documents.reduce(into: Set<RollupKey>()) { $0.formUnion(ContentRollups.keys(of: $1)) }
    try ContentRollups(store: store, clock: { now }).writing(keys) {
        try store.insertMany(documents, into: CollectionName.content.rawValue)
    }
}

/// Updates one post as the core would, keeping the rollups it counts in current.
public func updatePost(_ id: ObjectId, _ update: Update, in store: any DocumentStore, now: Date = Date()) throws {
    let collection = CollectionName.content.rawValue
    let before = try store.findOne(collection, .id(id))
    var after = before
    if after != nil { try update.apply(to: &after!) }
    try ContentRollups(store: store, clock: { now }).writing(ContentRollups.keys(of: before).union(ContentRollups.keys(of: after))) {
        try store.updateOne(collection, .id(id), update)
    }
}
