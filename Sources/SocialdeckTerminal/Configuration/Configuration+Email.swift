import Foundation
import SocialdeckCore
import SocialdeckModel

/// `[email]` of `config.toml`: the SMTP relay notification emails go through. The
/// password comes from `SOCIALDECK_SMTP_PASSWORD` or `password_file`, never the file.
///
/// ```toml
/// [email]
/// url = "smtp://mail.example.com:587"   # smtps://…:465 for TLS from the first byte
/// from = "socialdeck@example.com"
/// tls = "starttls"                       # the default; "none" only for a relay on 127.0.0.1
/// username = "socialdeck"
/// password_file = "smtp.password"        # mode 0600, beside config.toml
/// ca_file = "/etc/ssl/private-ca.pem"    # a private relay's CA
/// timeout_seconds = 20
/// ```
extension Configuration {
    static let emailKeys = ["url", "from", "tls", "username", "password_file", "ca_file", "timeout_seconds"]

    mutating func applyEmail(_ table: TOMLTable) {
        for entry in table.entries {
            let at = entry.valuePosition
            switch entry.key {
            case "url":
                guard let url = entry.value.stringValue, url.hasPrefix("smtp://") || url.hasPrefix("smtps://") else {
                    report(at, "url must be smtp://host:port or smtps://host:port"); continue
                }
                email.url = url
            case "from":
                guard let from = entry.value.stringValue, from.contains("@"), !SafeText.hasControls(from) else {
                    report(at, "from must be an email address"); continue
                }
                email.from = from
            case "tls":
                guard let name = entry.value.stringValue, let security = EmailSettings.Security(rawValue: name) else {
                    report(at, "tls must be \"starttls\" or \"none\""); continue
                }
                email.security = security
            case "username":
                guard let name = entry.value.stringValue, !name.isEmpty else { report(at, "username must be text"); continue }
                email.username = name
            case "password_file":
                guard let path = entry.value.stringValue, !path.isEmpty else { report(at, "password_file must be a path"); continue }
                email.passwordFile = Self.expand(path, relativeTo: file)
            case "ca_file":
                guard let path = entry.value.stringValue, !path.isEmpty else { report(at, "ca_file must be a path"); continue }
                email.caFile = Self.expand(path, relativeTo: file)
            case "timeout_seconds":
                guard let n = entry.value.doubleValue, (1...300).contains(n) else { report(at, "timeout_seconds must be 1 to 300"); continue }
                email.timeout = n
            default:
                report(entry.keyPosition, Suggestion.message("unknown setting '\(entry.key)' in [email]", for: entry.key, in: Self.emailKeys,
                                                             otherwise: "[email] has \(Self.emailKeys.joined(separator: ", "))"))
            }
        }
        if let problem = email.problem { report(table.entries.first?.keyPosition ?? TOMLPosition(line: 1, column: 1), problem) }
    }
}
