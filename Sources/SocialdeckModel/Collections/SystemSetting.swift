import Foundation

/// A setting that holds for the whole store (`system_settings`), keyed by name:
/// `publishing`, which pauses every publisher while maintenance is on, and short
/// leases one process at a time may hold, such as `token-refresh:…` while an
/// account's single-use refresh token is being spent, and the model providers' shared
/// request windows (`llm-rate:…`).
public struct SystemSetting: Codable, Sendable, Equatable {
    public static let collection = CollectionName.systemSettings
    public static let publishingId = "publishing"

    public var _id = ""
    public var paused = false
    /// Why, in the words of whoever switched it, shown in every dashboard's header.
    public var reason: String?
    public var changedBy: String?
    public var changedAt: Date?
    /// A lease's holder and when it lapses.
    public var heldBy: String?
    public var heldUntil: Date?
    /// A shared rate window (`llm-rate:…`): when the last minute's requests went or may
    /// go, and a version each change bumps, for compare-and-set.
    public var sentAt: [Date]?
    public var version: Int?

    public init() {}
}
