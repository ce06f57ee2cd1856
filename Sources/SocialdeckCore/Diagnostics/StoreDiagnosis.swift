import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What `socialdeck doctor` finds out about the store: where it is, whether it
/// answers, its schema version and any missing indexes.
public struct StoreDiagnosis: Sendable {
    public var location: String
    public var reachable: Bool
    public var problem: String?
    public var schemaVersion: Int?
    public var missingIndexes: [String] = []
    public var documentCounts: [(CollectionName, Int)] = []
    /// Emails held by both a customer and a staff account: sign-in finds the customer first.
    public var emailCollisions: [String] = []
    /// The write concern in force (MongoDB only).
    public var writeConcern: String?
    /// Things to fix that do not stop the store from working, such as files others can read.
    public var warnings: [String] = []

    /// Diagnoses without changing anything: the store is opened but not migrated.
    public static func run(_ location: StoreLocation, access: SQLiteStore.FileAccess = .owner) -> StoreDiagnosis {
        var d = StoreDiagnosis(location: location.description, reachable: false)
        do {
            let store: any DocumentStore
            switch location {
            case .sqlite(let dir):
                store = try SQLiteStore(directory: dir, access: access)
                d.warnings += readableFileWarnings(in: dir, access: access)
            case .mongodb(let uri):
                let mongo = try MongoStore(uri: uri)
                d.writeConcern = mongo.writeConcern
                store = mongo
            }
            d.location = "\(store.backend.rawValue) \(store.location)"
            try store.ping()
            d.reachable = true
            d.schemaVersion = try SchemaMigrator.storedVersion(store)
            d.missingIndexes = try SchemaMigrator.missingIndexes(store)
            d.emailCollisions = try AccountEmails.collisions(in: store)
            for name in [CollectionName.organizations, .users, .content, .aiAgents, .subscriptions] {
                d.documentCounts.append((name, try store.count(name.rawValue)))
            }
        } catch {
            d.problem = String(describing: error)
            if case .mongodb(let uri) = location { d.problem = d.problem.map { MongoURISecrets.scrub($0, of: uri) } }
        }
        return d
    }

    static func readableFileWarnings(in directory: String, access: SQLiteStore.FileAccess) -> [String] {
        SQLiteStore.filesReadableByOthers(in: (directory as NSString).expandingTildeInPath, access: access).map { file in
            let fix = access.groupId.map { "chgrp \($0) \(file.path) && chmod 660 \(file.path)" } ?? "chmod 600 \(file.path)"
            return "\(file.path) has mode \(String(file.mode, radix: 8)) and group \(file.group): other users can read the store. Run: \(fix)"
        }
    }
}
