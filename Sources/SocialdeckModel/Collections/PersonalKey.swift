import Foundation

/// One person's key for the personal data the audit trail holds about them
/// (`personal_keys`, `_id` = the user's id). Audit entries are append-only, so their
/// personal parts are sealed with this key instead of stored in clear; erasing the
/// person deletes the key and leaves those parts unreadable while the entries stay
/// (crypto-shredding).
///
/// The key is kept as it is, not sealed under the store's secret key: whoever can read
/// this collection can read `users` in clear too, so a second layer would protect
/// nothing more, and a lost store key would then take the whole audit trail with it.
public struct PersonalKey: StoredModel, Equatable {
    public static let collection = CollectionName.personalKeys

    public var _id = ObjectId(high: 0, low: 0)
    /// 32 random bytes, base64.
    public var key = ""
    public var createdAt = Date(timeIntervalSince1970: 0)

    public init() {}
}

/// A part of an audit entry sealed with its owner's `PersonalKey`.
public struct SealedPersonalData: Codable, Sendable, Equatable {
    public enum Part: String, Codable, Sendable, CaseIterable {
        /// The snapshots, the reason and the additional information.
        case details
        /// Where the customer acted from: address, terminal, session.
        case metadata
    }

    /// The person whose key sealed it.
    public var owner: ObjectId
    public var part: Part
    /// `enc:v1:…` over the part as Extended JSON, bound to the entry and the part.
    public var data: String

    public init(owner: ObjectId, part: Part, data: String) {
        self.owner = owner
        self.part = part
        self.data = data
    }
}
