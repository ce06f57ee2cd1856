import SocialdeckModel
import SocialdeckStorage

/// One email, one account, across customers (`users`) and staff (`admin_users`).
///
/// Each collection's unique index settles races within it. Across the two there is no
/// shared index, so an add inserts its account and then looks in the other collection
/// again: an add that finds the email taken there backs its own insert out. Of two
/// racing adds at least the later-checking one sees the other, so they cannot both win
/// (both may lose, and the person tries again). The refusal reads the same whichever
/// kind of account holds the email, so it does not reveal that a staff account exists.
public enum AccountEmails {
    static func inUse(_ email: String) -> CoreError { .conflict("the email \(email) is already in use") }

    /// Inserts a new account with `insert` once `email` is free in both collections.
    static func claim(_ email: String, for kind: AccountRecord.Kind, id: ObjectId, in store: any DocumentStore,
                      insert: () throws -> Void) throws {
        let own = collection(kind), other = collection(kind == .customer ? .staff : .customer)
        guard try !isTaken(email, in: own, store), try !isTaken(email, in: other, store) else { throw inUse(email) }
        do {
            try insert()
        } catch StoreError.duplicateKey {
            throw inUse(email)
        }
        if try isTaken(email, in: other, store) {
            _ = try store.deleteOne(own, .id(id))
            throw inUse(email)
        }
    }

    /// Whether a customer or a staff account, deleted ones included, holds the email.
    static func isInUse(_ email: String, in store: any DocumentStore) throws -> Bool {
        try isTaken(email, in: collection(.customer), store) || isTaken(email, in: collection(.staff), store)
    }

    /// Emails held by both a customer and a staff account (made before this check
    /// existed, or by a tool writing to the store directly), for `doctor`.
    public static func collisions(in store: any DocumentStore) throws -> [String] {
        let staff = try store.find(CollectionName.adminUsers.rawValue, .all, options: FindOptions(projection: .include(["email"]), includeDeleted: true))
            .compactMap { $0["email"]?.stringValue }
        guard !staff.isEmpty else { return [] }
        return try store.find(CollectionName.users.rawValue, .isIn("email", anyOf: staff),
                              options: FindOptions(projection: .include(["email"]), includeDeleted: true))
            .compactMap { $0["email"]?.stringValue }.sorted()
    }

    private static func collection(_ kind: AccountRecord.Kind) -> String {
        kind == .customer ? CollectionName.users.rawValue : CollectionName.adminUsers.rawValue
    }

    private static func isTaken(_ email: String, in collection: String, _ store: any DocumentStore) throws -> Bool {
        try store.count(collection, .eq("email", email), includeDeleted: true) > 0
    }
}
