import Foundation

/// The parts of a MongoDB URI that must never be shown: the user and password before
/// the hosts, and every option that carries a credential (`authMechanismProperties`,
/// the TLS key passwords, and any option whose name says password, secret, token or key).
public enum MongoURISecrets {
    static let credentialOptions: Set<String> = [
        "authmechanismproperties", "tlscertificatekeyfilepassword", "sslclientcertificatekeypassword",
    ]
    static let secretWords = ["password", "secret", "token", "key"]

    /// True for an option whose value is a credential; option names are case-insensitive.
    public static func isSecret(option name: String) -> Bool {
        let lowered = name.lowercased()
        return credentialOptions.contains(lowered) || secretWords.contains { lowered.contains($0) }
    }

    /// The URI with the user information and every secret option's value replaced by `***`.
    public static func redacted(_ uri: String) -> String {
        guard let parts = Parts(uri) else { return uri }
        var out = parts.scheme + (parts.userInfo == nil ? "" : "***@") + parts.hostsAndPath
        if let options = parts.options {
            out += "?" + options.map { option in
                isSecret(option: option.name) ? option.name + "=***" : option.text
            }.joined(separator: "&")
        }
        return out
    }

    /// True when the URI holds a password or a secret option, which anyone on the host
    /// can read in `ps` when the URI is a command-line argument.
    public static func carriesSecret(_ uri: String) -> Bool {
        guard let parts = Parts(uri) else { return false }
        return parts.password?.isEmpty == false || (parts.options ?? []).contains { isSecret(option: $0.name) && !$0.value.isEmpty }
    }

    /// Every secret value in the URI, as written and percent-decoded, longest first, so that
    /// a message that quotes one (a driver error, say) can have it masked.
    public static func secretValues(in uri: String) -> [String] {
        guard let parts = Parts(uri) else { return [] }
        var values = [parts.userInfo, parts.password].compactMap { $0 }
        for option in parts.options ?? [] where isSecret(option: option.name) {
            values.append(option.value)
            // authMechanismProperties is a list of NAME:value pairs.
            values += option.value.split(separator: ",").compactMap { $0.split(separator: ":", maxSplits: 1).last.map(String.init) }
        }
        let all = values.flatMap { [$0, $0.removingPercentEncoding ?? $0] }.filter { !$0.isEmpty }
        return Array(Set(all)).sorted { $0.count > $1.count }
    }

    /// `text` with every secret value of `uri` replaced by `***`.
    public static func scrub(_ text: String, of uri: String) -> String {
        secretValues(in: uri).reduce(text) { $0.replacingOccurrences(of: $1, with: "***") }
    }

    /// A URI cut into the pieces that matter here: `scheme://[userinfo@]hosts[/db][?options]`.
    struct Parts {
        struct Option {
            let text: String
            var name: String { String(text.prefix { $0 != "=" }) }
            var value: String { text.firstIndex(of: "=").map { String(text[text.index(after: $0)...]) } ?? "" }
        }

        let scheme: String
        let userInfo: String?
        let hostsAndPath: String
        let options: [Option]?

        var password: String? {
            guard let info = userInfo, let colon = info.firstIndex(of: ":") else { return nil }
            return String(info[info.index(after: colon)...])
        }

        init?(_ uri: String) {
            guard let schemeEnd = uri.range(of: "://") else { return nil }
            scheme = String(uri[..<schemeEnd.upperBound])
            var rest = uri[schemeEnd.upperBound...]
            if let question = rest.firstIndex(of: "?") {
                options = rest[rest.index(after: question)...]
                    .split(whereSeparator: { $0 == "&" || $0 == ";" }).map { Option(text: String($0)) }
                rest = rest[..<question]
            } else {
                options = nil
            }
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            if let at = rest[..<hostEnd].lastIndex(of: "@") {
                userInfo = String(rest[..<at])
                hostsAndPath = String(rest[rest.index(after: at)...])
            } else {
                userInfo = nil
                hostsAndPath = String(rest)
            }
        }
    }
}
