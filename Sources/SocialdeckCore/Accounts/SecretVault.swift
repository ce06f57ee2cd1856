import Foundation
import SocialdeckModel
import Synchronization

/// The secrets at rest: social tokens and TOTP secrets are sealed with AES-256-GCM
/// under the store's key. Each sealed value is bound to where it lives (the account
/// and field) through GCM's associated data, so a value copied to another account
/// does not open. During a key rotation the previous key still opens old values.
///
/// A vault loaded from the key file follows it: `socialdeck keys rotate` in another
/// process replaces the key under a running dashboard, so a value sealed under a key
/// the vault does not know makes it read the key file again (once) before giving up,
/// and sealing reads it first, so nothing new is sealed under a key that is gone.
public struct SecretVault: Sendable {
    struct Keys: Sendable {
        var current: SecretBox
        var previous: [SecretBox]

        init(current: SecretKey, previous: [SecretKey]) {
            self.current = SecretBox(key: current)
            self.previous = previous.map(SecretBox.init(key:))
        }

        /// The box for a value sealed under `keyID`; the current one when no other matches.
        func box(for keyID: String?) -> SecretBox {
            previous.first { $0.keyID == keyID } ?? current
        }

        func knows(_ keyID: String) -> Bool {
            current.keyID == keyID || previous.contains { $0.keyID == keyID }
        }
    }

    /// Shared by every copy of the vault, so one reload serves them all.
    private final class KeyRing: Sendable {
        let keys: Mutex<Keys>
        let reload: (@Sendable () throws -> Keys)?

        init(_ keys: Keys, reload: (@Sendable () throws -> Keys)?) {
            self.keys = Mutex(keys)
            self.reload = reload
        }

        /// The keys as they are now on disk, or as they were for a vault that cannot reload.
        func fresh() throws -> Keys {
            guard let reload else { return keys.withLock { $0 } }
            let loaded = try reload()
            keys.withLock { $0 = loaded }
            return loaded
        }
    }

    private let ring: KeyRing

    /// A vault with fixed keys.
    public init(key: SecretKey, previousKeys: [SecretKey] = []) {
        ring = KeyRing(Keys(current: key, previous: previousKeys), reload: nil)
    }

    /// A vault that reads its keys again with `reload` when they may have changed.
    init(keys: Keys, reload: @escaping @Sendable () throws -> Keys) {
        ring = KeyRing(keys, reload: reload)
    }

    public var keyID: String { ring.keys.withLock { $0.current.keyID } }

    public func seal(_ plaintext: String, associatedData: String) throws -> String {
        try ring.fresh().current.seal(plaintext, associatedData: associatedData)
    }

    public func open(_ sealed: String, associatedData: String) throws -> String {
        let keyID = SecretBox.keyID(of: sealed)
        var keys = ring.keys.withLock { $0 }
        if let keyID, !keys.knows(keyID) { keys = try ring.fresh() }
        return try keys.box(for: keyID).open(sealed, associatedData: associatedData)
    }

    /// Whether a sealed value was sealed under the current key.
    public func isCurrent(_ sealed: String) -> Bool { SecretBox.keyID(of: sealed) == keyID }

    static func totpContext(_ account: ObjectId) -> String { "totp:\(account.hex)" }
    static func tokenContext(_ user: ObjectId, _ platform: Platform, _ field: String) -> String {
        "token:\(user.hex):\(platform.rawValue):\(field)"
    }
}
