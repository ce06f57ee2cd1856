import SocialdeckModel

/// Secrets never leave the store in clear text: exports, logs and audit
/// snapshots pass documents through here first.
public enum SecretRedaction {
    /// Field names that hold secrets, wherever they appear in a document.
    public static let secretFields: Set<String> = [
        "passwordHash", "twoFactorSecret", "accessToken", "refreshToken", "recoveryCodes", "totpLastUsedStep",
        "codeHash", "sealedCode",
    ]

    /// The document without any secret field, at any depth.
    public static func redact(_ doc: Document) -> Document {
        Document(doc.fields.compactMap { f in
            secretFields.contains(f.key) ? nil : Document.Field(f.key, redact(f.value))
        })
    }

    static func redact(_ value: BSONValue) -> BSONValue {
        switch value {
        case .document(let d): return .document(redact(d))
        case .array(let a): return .array(a.map(redact))
        default: return value
        }
    }
}
