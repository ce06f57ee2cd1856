import Foundation
import SocialdeckModel

/// One step of the store's schema history. Steps run in order, once each, and
/// must be safe to run again (a crash between a step and its version bump
/// repeats the step).
public struct Migration: Sendable {
    public let version: Int
    public let summary: String
    public let apply: @Sendable (any DocumentStore) throws -> Void
}

/// Keeps a store's schema current: records the schema version in
/// `_socialdeck_meta`, runs pending migrations in order, refuses a store written
/// by a newer socialdeck, and creates every catalog index on each start-up.
public enum SchemaMigrator {
    public static let metaCollection = "_socialdeck_meta"
    static let versionId = BSONValue.string("schema")

    public static let migrations: [Migration] = [
        Migration(version: 1, summary: "collections and the spec's indexes") { store in
            try ensureIndexes(store)
        },
    ]

    /// The version recorded in the store; 0 for a store never prepared.
    public static func storedVersion(_ store: any DocumentStore) throws -> Int {
        let doc = try store.findOne(metaCollection, .compare("_id", .eq, versionId))
        return Int(doc?["version"]?.int64Value ?? 0)
    }

    /// Brings the store to `SchemaCatalog.currentVersion`. Returns the version now in force.
    @discardableResult
    public static func prepare(_ store: any DocumentStore, now: Date = Date()) throws -> Int {
        let found = try storedVersion(store)
        guard found <= SchemaCatalog.currentVersion else {
            throw StoreError.newerSchema(found: found, supported: SchemaCatalog.currentVersion)
        }
        for m in migrations where m.version > found {
            try m.apply(store)
            try record(m.version, in: store, now: now)
        }
        try ensureIndexes(store)
        return max(found, migrations.last?.version ?? 0)
    }

    private static func record(_ version: Int, in store: any DocumentStore, now: Date) throws {
        let update = Update.set("version", Int64(version)).set("updatedAt", now)
        if try store.updateOne(metaCollection, .compare("_id", .eq, versionId), update) == 0 {
            do {
                try store.insertOne(Document([.init("_id", versionId), .init("version", .int64(Int64(version))),
                                              .init("updatedAt", .date(now))]), into: metaCollection)
            } catch StoreError.duplicateKey {
                try store.updateOne(metaCollection, .compare("_id", .eq, versionId), update)
            }
        }
    }

    /// Creates every index of the catalog; existing ones are left as they are.
    public static func ensureIndexes(_ store: any DocumentStore) throws {
        for name in CollectionName.allCases {
            for index in SchemaCatalog.schema(for: name).indexes {
                try store.createIndex(index, on: name.rawValue)
            }
        }
    }

    /// Catalog indexes the store lacks, as `collection.index` names.
    public static func missingIndexes(_ store: any DocumentStore) throws -> [String] {
        var missing: [String] = []
        for name in CollectionName.allCases {
            let present = Set(try store.indexNames(on: name.rawValue))
            for index in SchemaCatalog.schema(for: name).indexes where !present.contains(index.name) {
                missing.append("\(name.rawValue).\(index.name)")
            }
        }
        return missing
    }
}
