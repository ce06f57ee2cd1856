/// Keeps credentials out of anything shown or logged: the `user:password@` of a URI and
/// URI options that carry a password (`tlsCertificateKeyFilePassword=…`), wherever they
/// appear in the text.
public enum CredentialRedaction {
    /// `text` with every URI's user information replaced by `***` and every
    /// password-bearing option's value by `***`.
    public static func redact(_ text: String) -> String {
        text.replacing(userInformation) { "\($0.output.1)***@" }
            .replacing(passwordOption) { "\($0.output.1)=***" }
    }

    /// A scheme, then everything up to the last `@` before the host ends (a password may
    /// hold an unescaped `@`; the host ends at `/`, `?` or `#`).
    nonisolated(unsafe) private static let userInformation = /([A-Za-z][A-Za-z0-9+.\-]*:\/\/)[^\/?#\s]*@/

    nonisolated(unsafe) private static let passwordOption = /([A-Za-z]*(?i:password|pwd))=[^&\s]*/
}
