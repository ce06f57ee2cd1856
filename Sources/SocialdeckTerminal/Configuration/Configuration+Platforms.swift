import Foundation
import SocialdeckCore
import SocialdeckModel

/// `[platforms]` of `config.toml`: socialdeck's app on each network, and where the
/// networks are. Client secrets live in files only their owner can read, or in
/// `SOCIALDECK_<NAME>_CLIENT_SECRET`; never in config.toml itself.
///
/// ```toml
/// [platforms]
/// base_url = "http://127.0.0.1:8080"     # every API and sign-in on one host: a proxy, or a fake
///
/// [platforms.x]
/// client_id = "…"
/// client_secret_file = "x-secret"        # mode 0600; relative paths are beside config.toml
/// redirect_port = 8765                   # when the app registers http://127.0.0.1:8765/callback
/// authorize_url = "https://x.com/i/oauth2/authorize"
/// token_url = "https://api.x.com/2/oauth2/token"
/// api_url = "https://api.x.com"
/// ```
extension Configuration {
    static let platformKeys = ["client_id", "client_secret_file", "redirect_port", "authorize_url", "token_url", "api_url"]

    mutating func applyPlatforms(_ table: TOMLTable) {
        if let base = table.entries.first(where: { $0.key == "base_url" }) {
            if let url = base.value.stringValue, Self.isHTTPURL(url) {
                platforms.moveAll(to: url.hasSuffix("/") ? String(url.dropLast()) : url)
            } else {
                report(base.valuePosition, "base_url must be an http:// or https:// address")
            }
        }
        for entry in table.entries where entry.key != "base_url" {
            let names = Platform.allCases.map(\.configName)
            guard let platform = Platform.allCases.first(where: { $0.configName == entry.key }) else {
                report(entry.keyPosition, Suggestion.message("unknown platform '\(entry.key)' in [platforms]", for: entry.key, in: names + ["base_url"],
                                                             otherwise: "[platforms] has base_url and [platforms.NAME] for \(names.joined(separator: ", "))"))
                continue
            }
            guard let settings = entry.value.tableValue else {
                report(entry.keyPosition, "'\(entry.key)' must be a table: [platforms.\(entry.key)]")
                continue
            }
            applyPlatform(platform, settings)
        }
    }

    private mutating func applyPlatform(_ platform: Platform, _ table: TOMLTable) {
        var oauth = platforms.oauth[platform] ?? .standard(platform)
        let section = "[platforms.\(platform.configName)]"
        for entry in table.entries {
            let at = entry.valuePosition
            let text = entry.value.stringValue
            switch entry.key {
            case "client_id":
                guard let id = text, !id.isEmpty, id.utf8.count <= 256, !id.contains(where: \.isWhitespace) else {
                    report(at, "client_id must be the app's client id, as the platform's developer console shows it")
                    continue
                }
                oauth.clientId = id
            case "client_secret_file":
                guard let path = text, !path.isEmpty else { report(at, "client_secret_file must be a path"); continue }
                do {
                    oauth.clientSecret = try OwnerOnlyFile.read(Self.expand(path, relativeTo: file), what: "the \(platform.displayName) client secret file")
                } catch {
                    report(at, "\(error)")
                }
            case "redirect_port":
                guard let port = entry.value.integerValue, (1024...65_535).contains(port) else {
                    report(at, "redirect_port must be a port from 1024 to 65535")
                    continue
                }
                platforms.redirectPorts[platform] = UInt16(port)
            case "authorize_url", "token_url", "api_url":
                guard let url = text, Self.isHTTPURL(url) else { report(at, "\(entry.key) must be an http:// or https:// address"); continue }
                let trimmed = url.hasSuffix("/") && entry.key == "api_url" ? String(url.dropLast()) : url
                switch entry.key {
                case "authorize_url": oauth.authorizeURL = trimmed
                case "token_url": oauth.tokenURL = trimmed
                default: platforms.endpoints.setBase(trimmed, for: platform)
                }
            default:
                report(entry.keyPosition, Suggestion.message("unknown setting '\(entry.key)' in \(section)", for: entry.key, in: Self.platformKeys,
                                                             otherwise: "\(section) has \(Self.platformKeys.joined(separator: ", "))"))
            }
        }
        platforms.oauth[platform] = oauth
    }

    /// `SOCIALDECK_X_CLIENT_SECRET` and the like win over the files.
    mutating func applyPlatformSecrets(from environment: [String: String]) {
        for platform in Platform.allCases {
            if let secret = environment["SOCIALDECK_\(platform.configName.uppercased())_CLIENT_SECRET"], !secret.isEmpty {
                platforms.oauth[platform]?.clientSecret = secret
            }
        }
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "http" || scheme == "https"
    }
}
