import Foundation

/// A switch that holds for the whole store (`system_settings`), keyed by name: today
/// `publishing`, which pauses every publisher while maintenance is on.
public struct SystemSetting: Codable, Sendable, Equatable {
    public static let collection = CollectionName.systemSettings
    public static let publishingId = "publishing"

    public var _id = ""
    public var paused = false
    /// Why, in the words of whoever switched it, shown in every dashboard's header.
    public var reason: String?
    public var changedBy: String?
    public var changedAt: Date?

    public init() {}
}
