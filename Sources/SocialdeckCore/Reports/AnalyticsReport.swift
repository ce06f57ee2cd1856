import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What the analytics pane draws over the last 7, 30 or 90 days.
///
/// Every figure is summed from one set of rows: the posts' platform entries published
/// within the period (``Publication``), with the metrics each entry holds, as the daily
/// rollups keep them (``ContentRollups``). The days, the platform totals, the totals and
/// the top posts therefore agree: the platforms add up to the total, and a top post is
/// one of the rows its platform's total counts.
public struct AnalyticsReport: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        public let date: Date
        public let engagement: Double
        /// Platform entries published that day.
        public let posts: Double
    }

    public struct PlatformFigures: Sendable, Equatable {
        public let platform: Platform
        public let views: Double
        public let engagement: Double
        /// Engagements ÷ views.
        public var rate: Double { views > 0 ? engagement / views : 0 }
    }

    /// One post as published on one platform.
    public struct TopPost: Sendable, Equatable {
        public let id: ObjectId
        public let title: String
        public let platform: Platform
        public let publishedAt: Date
        public let views: Int
        public let engagement: Int
        public var rate: Double { views > 0 ? Double(engagement) / Double(views) : 0 }
    }

    /// One platform entry of a post, published within the period: the row every figure
    /// of the report is a sum of, as the daily rollups store their best ones.
    public typealias Publication = AnalyticsRecord.TopPost

    /// From the start of the range's first UTC day to the moment the report was made;
    /// the days are whole UTC days, today's so far.
    public var period: DateInterval
    public var days: [Day]
    public var platforms: [PlatformFigures]
    public var topPosts: [TopPost]
    public var totalViews: Double { platforms.reduce(0) { $0 + $1.views } }
    public var totalEngagement: Double { platforms.reduce(0) { $0 + $1.engagement } }
    /// Buffer's definition, stated on screen.
    public static let rateFormula = "engagement rate = (likes + comments + shares + clicks) ÷ views"
    public var engagementRate: Double { totalViews > 0 ? totalEngagement / totalViews : 0 }
    public static let topPostLimit = 10

    /// The range's first UTC day at midnight, through `now`.
    public static func period(rangeDays: Int, now: Date) -> DateInterval {
        let today = Int64(now.timeIntervalSince1970) / 86_400
        let start = Date(timeIntervalSince1970: TimeInterval((today - Int64(max(1, rangeDays)) + 1) * 86_400))
        return DateInterval(start: start, end: max(start, now))
    }

    /// Customers see their own organization; staff one organization or all of them (nil).
    /// The figures come from the daily rollups: a few dozen reads, however many posts.
    public static func build(store: any DocumentStore, for identity: Identity, organizationId: ObjectId?, rangeDays: Int,
                             now: Date) throws -> AnalyticsReport {
        let org = identity.organizationId ?? organizationId
        try AccessControl.authorize(identity, .viewAnalytics, organizationId: org)
        let period = period(rangeDays: rangeDays, now: now)
        let days = try ContentRollups(store: store, clock: { now })
            .figures(organizationId: org, days: RollupKey.day(of: period.start)...RollupKey.day(of: period.end))
        return AnalyticsReport(period: period, rangeDays: rangeDays, days: days)
    }

    /// Sums the daily figures of the period's days (keyed by days since 1970).
    public init(period: DateInterval, rangeDays: Int, days figures: [Int64: DayFigures]) {
        self.period = period
        let firstDay = RollupKey.day(of: period.start)
        var views: [Platform: Double] = [:], engagement: [Platform: Double] = [:]
        var top: [Publication] = []
        days = (0..<max(1, rangeDays)).map { offset in
            let day = figures[firstDay + Int64(offset)] ?? DayFigures()
            for (platform, sums) in day.platforms {
                views[platform, default: 0] += Double(sums.views)
                engagement[platform, default: 0] += Double(sums.engagement)
            }
            for row in day.top { Self.keepTop(row, in: &top) }
            return Day(date: Date(timeIntervalSince1970: TimeInterval((firstDay + Int64(offset)) * 86_400)),
                       engagement: Double(day.platforms.values.reduce(0) { $0 + $1.engagement }),
                       posts: Double(day.platforms.values.reduce(0) { $0 + $1.posts }))
        }
        platforms = Platform.allCases.map {
            PlatformFigures(platform: $0, views: views[$0] ?? 0, engagement: engagement[$0] ?? 0)
        }
        topPosts = top.map {
            TopPost(id: $0.postId, title: $0.title, platform: $0.platform, publishedAt: $0.publishedAt,
                    views: $0.views, engagement: $0.engagement)
        }
    }

    /// The report of `publications` (which should all lie in `period`), summed by day.
    public init(period: DateInterval, rangeDays: Int, publications: [Publication]) {
        var days: [Int64: DayFigures] = [:]
        for row in publications where period.contains(row.publishedAt) {
            var figures = days[RollupKey.day(of: row.publishedAt)] ?? DayFigures()
            var sums = figures.platforms[row.platform] ?? AnalyticsRecord.PlatformFigures()
            sums.posts += 1
            sums.views += row.views
            sums.engagement += row.engagement
            figures.platforms[row.platform] = sums
            if row.engagement > 0 { Self.keepTop(row, in: &figures.top) }
            days[RollupKey.day(of: row.publishedAt)] = figures
        }
        self.init(period: period, rangeDays: rangeDays, days: days)
    }

    /// Most engagement first, then the latest, then by id: a fixed order for ties.
    private static func ranksAbove(_ a: Publication, _ b: Publication) -> Bool {
        if a.engagement != b.engagement { return a.engagement > b.engagement }
        if a.publishedAt != b.publishedAt { return a.publishedAt > b.publishedAt }
        return a.postId > b.postId
    }

    /// Inserts `row` into `top`, kept sorted and at most `topPostLimit` long, without
    /// sorting every row of the period.
    static func keepTop(_ row: Publication, in top: inout [Publication]) {
        if top.count == topPostLimit, let last = top.last, !ranksAbove(row, last) { return }
        let index = top.firstIndex { ranksAbove(row, $0) } ?? top.count
        top.insert(row, at: index)
        if top.count > topPostLimit { top.removeLast() }
    }
}
