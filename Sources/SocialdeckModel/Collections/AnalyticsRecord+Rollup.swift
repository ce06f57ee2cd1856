import Foundation

/// The parts of an `analytics` document that only socialdeck's daily content rollups
/// carry. The core keeps them current as posts change (`ContentRollups`).
extension AnalyticsRecord {
    /// Calendar entries in one quarter hour of the UTC day (0 is 00:00–00:15): the
    /// finest step any time zone's midnight falls on, so a day in any zone is a run of them.
    public struct SlotCount: Codable, Sendable, Equatable {
        public var slot: Int
        public var entries: Int
        public init(slot: Int, entries: Int) {
            self.slot = slot
            self.entries = entries
        }
    }

    /// One post as published on one platform that day, among the day's most engaging
    /// (the analytics report's `Publication`).
    public struct TopPost: Codable, Sendable, Equatable {
        public var postId: ObjectId
        public var title: String
        public var platform: Platform
        public var publishedAt: Date
        public var views: Int
        public var engagement: Int
        public init(postId: ObjectId, title: String, platform: Platform, publishedAt: Date, views: Int, engagement: Int) {
            self.postId = postId
            self.title = title
            self.platform = platform
            self.publishedAt = publishedAt
            self.views = views
            self.engagement = engagement
        }
    }

    /// How current a rollup is, kept so that writers in several processes, and writers
    /// that die halfway, never leave figures that look current but are not.
    ///
    /// A writer adds one to `changes` and to `writing` before it writes a post counted
    /// here, takes one off `writing` once the post is written, then counts the day
    /// again and stores the figures with `counted = changes`, on condition that
    /// `changes` has not moved since it read it. The figures are current when
    /// `writing == 0 && counted == changes`.
    public struct RollupState: Codable, Sendable, Equatable {
        public var changes = 0
        public var writing = 0
        /// When a writer last began; a `writing` older than the core's limit was left by a process that died.
        public var markedAt: Date?
        public var counted = 0
        public init() {}

        public var isCurrent: Bool { writing == 0 && counted == changes }
    }
}
