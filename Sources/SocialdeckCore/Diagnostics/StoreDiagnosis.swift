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

    /// Diagnoses without changing anything: the store is opened but not migrated.
    public static func run(_ location: StoreLocation) -> StoreDiagnosis {
        var d = StoreDiagnosis(location: location.description, reachable: false)
        do {
            let store: any DocumentStore
            switch location {
            case .sqlite(let dir): store = try SQLiteStore(directory: dir)
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
        }
        return d
    }
}
