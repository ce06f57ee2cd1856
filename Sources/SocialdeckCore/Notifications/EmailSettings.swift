import Foundation

/// Where notification emails go: `[email]` of `config.toml`, the password from
/// `SOCIALDECK_SMTP_PASSWORD` or a `password_file` beside it. Without `url` and `from`
/// no email is sent; the notifications stay in the app.
public struct EmailSettings: Sendable, Equatable, CustomStringConvertible {
    public enum Security: String, Sendable, Equatable {
        /// STARTTLS required: nothing is sent to a server that does not offer it.
        case starttls
        /// Plain SMTP, allowed only to a relay on this machine.
        case none
    }

    /// `smtp://host:port`, or `smtps://host:port` for TLS from the first byte.
    public var url = ""
    public var from = ""
    public var security = Security.starttls
    /// A CA certificate file to trust besides the system's (a private relay's).
    public var caFile: String?
    public var username: String?
    /// Set from `SOCIALDECK_SMTP_PASSWORD` or `passwordFile` by `withPassword`, never from the file itself.
    public var password: String?
    /// A file readable by its owner only, holding the password.
    public var passwordFile: String?
    public var timeout: Double = 20

    public init() {}

    public var isConfigured: Bool { !url.isEmpty && !from.isEmpty }

    /// Why these settings cannot be used, or nil.
    public var problem: String? {
        guard isConfigured else { return nil }
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, ["smtp", "smtps"].contains(scheme),
              let host = parts.host, !host.isEmpty else {
            return "url must be smtp://host:port or smtps://host:port"
        }
        if security == .none && (scheme == "smtps" || !["127.0.0.1", "localhost", "::1"].contains(host)) {
            return "tls = \"none\" is only for smtp:// to a relay on this machine (127.0.0.1)"
        }
        guard from.contains("@"), !from.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" }) else {
            return "from must be an email address"
        }
        return nil
    }

    /// These settings with the password read from the environment or the password file.
    public func withPassword(environment: [String: String]) throws -> EmailSettings {
        var settings = self
        if let value = environment["SOCIALDECK_SMTP_PASSWORD"], !value.isEmpty {
            settings.password = value
        } else if let file = passwordFile {
            settings.password = try OwnerOnlyFile.read(file, what: "the SMTP password file").trimmingCharacters(in: .newlines)
        }
        return settings
    }

    /// Everything but the password.
    public var description: String {
        "EmailSettings(url: \(url), from: \(from), security: \(security.rawValue), user: \(username ?? "none"), password: \(password == nil ? "none" : "set"))"
    }
}
