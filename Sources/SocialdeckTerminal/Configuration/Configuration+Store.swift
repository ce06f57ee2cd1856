import Foundation
import SocialdeckCore

/// `[store]` of `config.toml`: who shares the SQLite store, and where the MongoDB URI is kept.
///
/// ```toml
/// [store]
/// group = "socialdeck"                 # store files 0660 in this group instead of 0600
/// mongo_uri_file = "~/.config/socialdeck/mongo.uri"   # mode 0600; relative paths are under the config directory
/// ```
extension Configuration {
    static let storeKeys = ["group", "mongo_uri_file"]

    mutating func applyStore(_ table: TOMLTable) {
        for entry in table.entries {
            let at = entry.valuePosition
            switch entry.key {
            case "group":
                guard let name = entry.value.stringValue, Self.isGroupName(name) else {
                    report(at, "group must be the name of a Unix group, such as \"socialdeck\"")
                    continue
                }
                store.group = name
            case "mongo_uri_file":
                guard let path = entry.value.stringValue, !path.isEmpty else {
                    report(at, "mongo_uri_file must be the path of a file holding the MongoDB URI")
                    continue
                }
                store.mongoURIFile = Self.expand(path, relativeTo: file)
            default:
                report(entry.keyPosition, Suggestion.message("unknown setting '\(entry.key)' in [store]", for: entry.key, in: Self.storeKeys,
                                                             otherwise: "[store] has \(Self.storeKeys.joined(separator: ", "))"))
            }
        }
    }

    static func isGroupName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 32 && name.utf8.allSatisfy { $0 == 95 || $0 == 45 || $0 == 46 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }

    /// `~/…` in the home directory; a relative path beside `config.toml`.
    static func expand(_ path: String, relativeTo configFile: String?) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard !expanded.hasPrefix("/"), let configFile else { return expanded }
        return ConfigurationPaths.join((configFile as NSString).deletingLastPathComponent, expanded)
    }
}
