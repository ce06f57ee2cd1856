import Foundation

/// A rollup in `analytics`: one organization (or the platform, for revenue) over one period.
public struct AnalyticsRecord: StoredModel, Equatable {
    public static let collection = CollectionName.analytics

    public var _id = ObjectId()
    public var organizationId: ObjectId?
    public var userId: ObjectId?
    public var type = AnalyticsType.contentPerformance
    /// The start of the period, UTC.
    public var date = Date(timeIntervalSince1970: 0)
    public var metrics = Metrics()
    public var aggregation = AggregationPeriod.daily
    public var createdAt = Date(timeIntervalSince1970: 0)
    /// socialdeck's content rollups only (`AnalyticsRecord+Rollup.swift`): the day's
    /// calendar entries per quarter hour, its best posts, and the upkeep state.
    public var calendarSlots: [SlotCount]?
    public var topPosts: [TopPost]?
    public var rollup: RollupState?
    /// A weekly report's words, as the analytics agent wrote them.
    public var report: WrittenReport?

    public init() {}

    public struct WrittenReport: Codable, Sendable, Equatable {
        public var title = ""
        public var summary = ""
        public var highlights: [String] = []
        public var nextWeek: [String] = []
        public var runId: ObjectId?
        public init() {}
    }

    public struct Metrics: Codable, Sendable, Equatable {
        public var activeUsers: Int?
        public var newUsers: Int?
        /// Seconds.
        public var sessionDuration: Double?
        public var pageViews: Int?
        public var postsPublished: Int?
        public var totalEngagement: Int?
        public var averageEngagement: Double?
        public var topPerformingPost: ObjectId?
        public var platformBreakdown: PlatformBreakdown?
        public var revenue: Double?
        public var newSubscriptions: Int?
        public var churnRate: Double?
        public var mrr: Double?
        public var arr: Double?
        public init() {}
    }

    /// Per-platform figures for the period, keyed by the platform's stored name.
    public struct PlatformBreakdown: Codable, Sendable, Equatable {
        public var facebook: PlatformFigures?
        public var instagram: PlatformFigures?
        public var twitter: PlatformFigures?
        public var linkedin: PlatformFigures?
        public var tiktok: PlatformFigures?
        public init() {}

        public subscript(platform: Platform) -> PlatformFigures? {
            get {
                switch platform {
                case .facebook: return facebook
                case .instagram: return instagram
                case .twitter: return twitter
                case .linkedin: return linkedin
                case .tiktok: return tiktok
                }
            }
            set {
                switch platform {
                case .facebook: facebook = newValue
                case .instagram: instagram = newValue
                case .twitter: twitter = newValue
                case .linkedin: linkedin = newValue
                case .tiktok: tiktok = newValue
                }
            }
        }
    }

    public struct PlatformFigures: Codable, Sendable, Equatable {
        public var posts = 0
        public var views = 0
        public var engagement = 0
        public var followers: Int?
        public init() {}
    }
}
