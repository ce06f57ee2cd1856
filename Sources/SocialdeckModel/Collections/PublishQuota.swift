import Foundation

/// Posts sent from one account on one platform in one rate window (`publish_quotas`),
/// counted atomically across every process: `_id` is `platform:account:windowStart`.
public struct PublishQuota: Codable, Sendable, Equatable {
    public static let collection = CollectionName.publishQuotas

    public var _id = ""
    public var used = 0
    /// When the window ends; windows past this are deleted.
    public var expiresAt = Date(timeIntervalSince1970: 0)

    public init() {}
}
