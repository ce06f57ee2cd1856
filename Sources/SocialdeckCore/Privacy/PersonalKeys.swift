import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The per-person keys that seal personal data in the audit trail (see `PersonalKey`).
struct PersonalKeys: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    private var collection: String { PersonalKey.collection.rawValue }

    /// The person's key, made on first use. Nil for a person already erased, so nothing
    /// new about them is sealed under a key made after the old one was destroyed.
    func key(for person: ObjectId) throws -> SecretKey? {
        if let found = try existing([person])[person] { return found }
        if try isErased(person) { return nil }
        let key = try SecretKey.generate()
        var record = PersonalKey()
        record._id = person
        record.key = CryptoSupport.base64(key.bytes)
        record.createdAt = clock()
        do {
            try ModelCollection(store, PersonalKey.self).insert(record)
            return key
        } catch StoreError.duplicateKey {
            // Another process made it first: use theirs.
            return try existing([person])[person]
        }
    }

    /// The keys that still exist among `people`; an erased person has none.
    func existing(_ people: [ObjectId]) throws -> [ObjectId: SecretKey] {
        guard !people.isEmpty else { return [:] }
        let unique = Array(Set(people))
        var keys: [ObjectId: SecretKey] = [:]
        for doc in try store.find(collection, unique.count == 1 ? .id(unique[0]) : .isIn("_id", unique.map { .objectId($0) })) {
            guard let id = doc["_id"]?.objectIdValue, let text = doc["key"]?.stringValue,
                  let bytes = CryptoSupport.bytes(fromBase64: text), let key = SecretKey(bytes: bytes) else { continue }
            keys[id] = key
        }
        return keys
    }

    /// Destroys the person's key; what it sealed can never be read again.
    @discardableResult
    func shred(_ person: ObjectId) throws -> Bool {
        try store.deleteOne(collection, .id(person)) == 1
    }

    private func isErased(_ person: ObjectId) throws -> Bool {
        try store.count(User.collection.rawValue, .id(person) && .eq("gdpr.rightToBeDeleted", true), includeDeleted: true) > 0
    }
}
