import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What the analytics pane draws, over the last 7, 30 or 90 days, from the daily
/// rollups (`analytics`) and the posts' own metrics.
public struct AnalyticsReport: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        public let date: Date
        public let engagement: Double
        public let posts: Double
    }

    public struct PlatformFigures: Sendable, Equatable {
        public let platform: Platform
        public let views: Double
        public let engagement: Double
        /// Engagements ÷ views.
        public var rate: Double { views > 0 ? engagement / views : 0 }
    }

    public struct TopPost: Sendable, Equatable {
        public let id: ObjectId
        public let title: String
        public let platform: Platform?
        public let engagement: Int
        public let rate: Double
    }

    public var days: [Day]
    public var platforms: [PlatformFigures]
    public var topPosts: [TopPost]
    public var totalViews: Double { platforms.reduce(0) { $0 + $1.views } }
    public var totalEngagement: Double { platforms.reduce(0) { $0 + $1.engagement } }
    /// Buffer's definition, stated on screen.
    public static let rateFormula = "engagement rate = (likes + comments + shares + clicks) ÷ views"
    public var engagementRate: Double { totalViews > 0 ? totalEngagement / totalViews : 0 }

    /// Customers see their own organization; staff one organization or all of them (nil).
    public static func build(store: any DocumentStore, for identity: Identity, organizationId: ObjectId?, rangeDays: Int,
                             now: Date) throws -> AnalyticsReport {
        let org = identity.organizationId ?? organizationId
        try AccessControl.authorize(identity, .viewAnalytics, organizationId: org)
        let today = Int64(now.timeIntervalSince1970) / 86_400
        let start = Date(timeIntervalSince1970: TimeInterval((today - Int64(rangeDays) + 1) * 86_400))
        var filter = Filter.eq("type", AnalyticsType.contentPerformance) && .gte("date", start) && .lte("date", now)
        if let org { filter = filter && .eq("organizationId", org) }
        let daily = try store.aggregate(CollectionName.analytics.rawValue, GroupedAggregation(
            filter: filter, groupBy: [.day("date")], accumulators: [.sum("metrics.totalEngagement"), .sum("metrics.postsPublished")]))
        var byDay: [Int64: (Double, Double)] = [:]
        for row in daily { if case .datetime(let ms) = row.keys[0] { byDay[ms / 86_400_000] = (row.values[0], row.values[1]) } }
        let days = (0..<rangeDays).map { i -> Day in
            let d = today - Int64(rangeDays) + 1 + Int64(i)
            let v = byDay[d] ?? (0, 0)
            return Day(date: Date(timeIntervalSince1970: TimeInterval(d * 86_400)), engagement: v.0, posts: v.1)
        }
        let sums = Platform.allCases.flatMap { p in
            [GroupedAggregation.Accumulator.sum("metrics.platformBreakdown.\(p.rawValue).views"),
             .sum("metrics.platformBreakdown.\(p.rawValue).engagement")]
        }
        let totals = try store.aggregate(CollectionName.analytics.rawValue,
                                         GroupedAggregation(filter: filter, groupBy: [], accumulators: sums)).first?.values
            ?? Array(repeating: 0, count: sums.count)
        let platforms = Platform.allCases.enumerated().map { i, p in
            PlatformFigures(platform: p, views: totals[i * 2], engagement: totals[i * 2 + 1])
        }
        var postFilter = Filter.gte("createdAt", start.addingTimeInterval(-14 * 86_400)) && .gt("analytics.totalEngagement", 0)
        if let org { postFilter = postFilter && .eq("organizationId", org) }
        let top = try ModelCollection(store, Content.self).find(postFilter, sort: [.desc("analytics.totalEngagement")], limit: 10)
        return AnalyticsReport(days: days, platforms: platforms, topPosts: top.map {
            TopPost(id: $0._id, title: $0.title, platform: $0.analytics.bestPerformingPlatform,
                    engagement: $0.analytics.totalEngagement, rate: $0.analytics.engagementRate)
        })
    }
}
