import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Which store to open: the embedded SQLite directory, or a MongoDB URI.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(directory: String)
    case mongodb(uri: String)

    public static let mongoEnvironmentKey = "SOCIALDECK_MONGO_URI"

    /// Flags on the command line beat the environment: `--mongo`, then `--data`, then
    /// `SOCIALDECK_MONGO_URI`, then the XDG data directory.
    public static func resolve(data: String?, mongo: String?, environment: [String: String]) -> StoreLocation {
        if let mongo, !mongo.isEmpty { return .mongodb(uri: mongo) }
        if data == nil, let env = environment[mongoEnvironmentKey], !env.isEmpty { return .mongodb(uri: env) }
        if let data { return .sqlite(directory: data) }
        return .sqlite(directory: defaultDataDirectory(environment: environment))
    }

    public static func defaultDataDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/socialdeck" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/socialdeck"
    }

    /// Safe to print: never includes a password.
    public var description: String {
        switch self {
        case .sqlite(let dir): return "SQLite in \(dir)"
        case .mongodb(let uri): return "MongoDB at \(Self.redacted(uri))"
        }
    }

    /// The URI with its user, password and every secret option masked.
    public static func redacted(_ uri: String) -> String { MongoURISecrets.redacted(uri) }

    /// Opens the store, brings its schema up to date (and builds the daily rollups of a
    /// store written before them), and wraps it so that the audit logs stay append-only
    /// for everything in the core.
    public func open(now: Date = Date(), access: SQLiteStore.FileAccess = .owner) throws -> any DocumentStore {
        let store: any DocumentStore
        switch self {
        case .sqlite(let dir): store = try SQLiteStore(directory: dir, access: access)
        case .mongodb(let uri): store = try MongoStore(uri: uri)
        }
        try SchemaMigrator.prepare(store, now: now)
        try ContentRollups(store: store, clock: { now }).buildIfNeeded()
        return AppendOnlyStore(store)
    }
}
