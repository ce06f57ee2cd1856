import Foundation
import SocialdeckModel

/// The secrets at rest: social tokens and TOTP secrets are sealed with AES-256-GCM
/// under the store's key. Each sealed value is bound to where it lives (the account
/// and field) through GCM's associated data, so a value copied to another account
/// does not open. During a key rotation the previous key still opens old values.
public struct SecretVault: Sendable {
    let current: SecretBox
    let previous: [SecretBox]

    public init(key: SecretKey, previousKeys: [SecretKey] = []) {
        current = SecretBox(key: key)
        previous = previousKeys.map(SecretBox.init(key:))
    }

    public var keyID: String { current.keyID }

    public func seal(_ plaintext: String, associatedData: String) throws -> String {
        try current.seal(plaintext, associatedData: associatedData)
    }

    public func open(_ sealed: String, associatedData: String) throws -> String {
        if let id = SecretBox.keyID(of: sealed), let box = previous.first(where: { $0.keyID == id }) {
            return try box.open(sealed, associatedData: associatedData)
        }
        return try current.open(sealed, associatedData: associatedData)
    }

    /// Whether a sealed value was sealed under the current key.
    public func isCurrent(_ sealed: String) -> Bool { SecretBox.keyID(of: sealed) == current.keyID }

    static func totpContext(_ account: ObjectId) -> String { "totp:\(account.hex)" }
    static func tokenContext(_ user: ObjectId, _ platform: Platform, _ field: String) -> String {
        "token:\(user.hex):\(platform.rawValue):\(field)"
    }
}
