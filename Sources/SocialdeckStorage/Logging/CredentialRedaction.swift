/// Keeps credentials out of anything shown or logged: in free text such as a driver's
/// log line, every URI is masked as `MongoURISecrets` masks one, and so is every
/// `name=value` option whose name says it holds a secret.
public enum CredentialRedaction {
    public static func redact(_ text: String) -> String {
        text.replacing(uri) { MongoURISecrets.redacted(String($0.output)) }
            .replacing(option) { match in
                MongoURISecrets.isSecret(option: String(match.output.1)) ? "\(match.output.1)=***" : String(match.output.0)
            }
    }

    nonisolated(unsafe) private static let uri = /[A-Za-z][A-Za-z0-9+.\-]*:\/\/[^\s"'<>]*/

    nonisolated(unsafe) private static let option = /([A-Za-z_]+)=([^&\s]*)/
}
