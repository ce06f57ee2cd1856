import Foundation
import SocialdeckModel
import SocialdeckStorage

/// A named lease in `system_settings` that one process at a time holds until it gives it
/// back or it lapses (so a process that dies holding it blocks no one for long).
struct StoreLease: Sendable {
    let store: any DocumentStore
    let name: String
    let owner: String
    let duration: TimeInterval
    private var collection: String { SystemSetting.collection.rawValue }
    private var key: Filter { .compare("_id", .eq, .string(name)) }

    /// True when this owner now holds the lease.
    func acquire(at now: Date) throws -> Bool {
        let until = now.addingTimeInterval(duration)
        if try store.findOne(collection, key) == nil {
            var fresh = SystemSetting()
            fresh._id = name
            fresh.heldBy = owner
            fresh.heldUntil = until
            do {
                try store.insertOne(try DocumentEncoder().encode(fresh), into: collection)
                return true
            } catch StoreError.duplicateKey {}
        }
        let free: Filter = .isNull("heldUntil") || .lt("heldUntil", now) || .eq("heldBy", owner)
        return try store.updateOne(collection, key && free, Update.set("heldBy", owner).set("heldUntil", until)) == 1
    }

    func release() throws {
        try store.updateOne(collection, key && .eq("heldBy", owner), Update.set("heldUntil", Date(timeIntervalSince1970: 0)))
    }
}
