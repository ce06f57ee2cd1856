import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// Inserts posts as the core writes them, keeping the daily rollups they count in
/// current: what a fixture uses instead of inserting into `content` by hand, which,
/// like any tool that bypasses the core, leaves the rollups behind.
public func insertPosts(_ posts: [Content], into store: any DocumentStore, now: Date = Date()) throws {
    let documents = try posts.map { try DocumentEncoder().encode($0) }
    try ContentRollups(store: store, clock: { now }).writing(ContentRollups.keys(of: documents)) {
        try store.insertMany(documents, into: CollectionName.content.rawValue)
    }
}

/// Updates one post as the core would: a compare-and-set on what decides which
/// rollups it counts in (its platform entries and whether it is deleted), keeping those
/// rollups current. False when the post changed since it was read, or is gone.
@discardableResult
public func updatePost(_ id: ObjectId, _ update: Update, in store: any DocumentStore, now: Date = Date()) throws -> Bool {
    let collection = CollectionName.content.rawValue
    guard let before = try store.findOne(collection, .id(id), includeDeleted: true) else { return false }
    var after = before
    try update.apply(to: &after)
    let unchanged = Filter.id(id) && (before["platforms"].map { .compare("platforms", .eq, $0) } ?? .isNull("platforms"))
        && (before["deletedAt"].map { .compare("deletedAt", .eq, $0) } ?? .isNull("deletedAt"))
    let keys = ContentRollups.keys(of: before).union(ContentRollups.keys(of: after))
    return try ContentRollups(store: store, clock: { now }).writing(keys) {
        try store.updateOne(collection, unchanged, update, includeDeleted: true) == 1
    }
}
