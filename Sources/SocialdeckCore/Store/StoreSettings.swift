import Foundation
import SocialdeckStorage

/// The `[store]` table of `config.toml` (read by the terminal layer, which owns the
/// configuration file): who may open the SQLite store's files, and a file holding the
/// MongoDB URI, so that its password need not be typed where `ps` shows it.
public struct StoreSettings: Sendable, Equatable {
    /// A group whose members share the SQLite store: its files become 0660 in this group.
    public var group: String?
    /// A file (mode 0600) holding the MongoDB URI, used when neither `--data`, `--mongo`
    /// nor `SOCIALDECK_MONGO_URI` says where the store is.
    public var mongoURIFile: String?

    public init(group: String? = nil, mongoURIFile: String? = nil) {
        self.group = group
        self.mongoURIFile = mongoURIFile
    }

    /// Owner-only files, or the configured group's.
    public func fileAccess() throws -> SQLiteStore.FileAccess {
        guard let group else { return .owner }
        guard let entry = getgrnam(group) else { throw StoreSettingsError("the group '\(group)' named by [store] group in config.toml does not exist") }
        return .group(entry.pointee.gr_gid)
    }

    /// `--mongo`, then `--data`, then `SOCIALDECK_MONGO_URI`, then the URI file, then the XDG data directory.
    public func location(data: String?, mongo: String?, environment: [String: String]) throws -> StoreLocation {
        let resolved = StoreLocation.resolve(data: data, mongo: mongo, environment: environment)
        let chosen = mongo?.isEmpty == false || data != nil || environment[StoreLocation.mongoEnvironmentKey]?.isEmpty == false
        guard !chosen, let mongoURIFile else { return resolved }
        return .mongodb(uri: try MongoURIFile.read(mongoURIFile))
    }

    /// What to tell someone who put a MongoDB password or secret option on the command line.
    public static func commandLineSecretWarning(mongo: String?) -> String? {
        guard let mongo, MongoURISecrets.carriesSecret(mongo) else { return nil }
        return "warning: the credentials in --mongo are visible to every user of this machine (ps, /proc); "
            + "put the URI in \(StoreLocation.mongoEnvironmentKey), or in a file of mode 0600 named by mongo_uri_file under [store] in config.toml"
    }
}

public struct StoreSettingsError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
