import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What the analytics pane draws over the last 7, 30 or 90 days.
///
/// Every figure is summed from one set of rows: the posts' platform entries published
/// within the period (``Publication``), with the metrics each entry holds. The days,
/// the platform totals, the totals and the top posts therefore agree: the platforms add
/// up to the total, and a top post is one of the rows its platform's total counts. (The
/// daily rollups in `analytics` used to feed the totals while the top posts came from
/// posts created up to two weeks before the period, so the two disagreed.)
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
    /// of the report is a sum of.
    public struct Publication: Sendable, Equatable {
        public let postId: ObjectId
        public let title: String
        public let platform: Platform
        public let publishedAt: Date
        public let views: Int
        public let engagement: Int

        public init(postId: ObjectId, title: String, platform: Platform, publishedAt: Date, views: Int, engagement: Int) {
            self.postId = postId
            self.title = title
            self.platform = platform
            self.publishedAt = publishedAt
            self.views = views
            self.engagement = engagement
        }
    }

    /// From the start of the range's first UTC day to the moment the report was made.
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

    /// How long after its planned time an entry may be published and still be found: the
    /// posts are looked up through the `(platforms.status, platforms.scheduledAt)` index,
    /// and an entry is published at or after its planned time.
    public static let publishingLateness: TimeInterval = 14 * 86_400

    /// Customers see their own organization; staff one organization or all of them (nil).
    public static func build(store: any DocumentStore, for identity: Identity, organizationId: ObjectId?, rangeDays: Int,
                             now: Date) throws -> AnalyticsReport {
        let org = identity.organizationId ?? organizationId
        try AccessControl.authorize(identity, .viewAnalytics, organizationId: org)
        let period = period(rangeDays: rangeDays, now: now)
        var filter = Filter.elemMatch("platforms", Filter.eq("status", PostStatus.published)
            && .gte("scheduledAt", period.start.addingTimeInterval(-publishingLateness)) && .lte("scheduledAt", period.end))
        if let org { filter = filter && .eq("organizationId", org) }
        // Only the entries and the titles, as documents: decoding whole posts was most of
        // the cost over every organization's 90 days.
        let posts = try store.find(CollectionName.content.rawValue, filter,
                                   options: FindOptions(projection: .include(["title", "platforms"])))
        return AnalyticsReport(period: period, rangeDays: rangeDays, publications: publications(of: posts, in: period))
    }

    /// The platform entries of `posts` (documents of `content`) published within
    /// `period`; a post published on three platforms gives three rows, an entry outside
    /// the period none.
    public static func publications(of posts: [Document], in period: DateInterval) -> [Publication] {
        posts.flatMap { post -> [Publication] in
            guard case .objectId(let id)? = post["_id"], case .array(let entries)? = post["platforms"] else { return [] }
            let title = post["title"]?.stringValue ?? ""
            return entries.compactMap { element -> Publication? in
                guard case .document(let entry) = element, entry["status"]?.stringValue == PostStatus.published.rawValue,
                      let platform = entry["platform"]?.stringValue.flatMap(Platform.init(rawValue:)),
                      let at = entry["publishedAt"]?.dateValue, period.contains(at) else { return nil }
                var metrics = Document()
                if case .document(let found)? = entry["metrics"] { metrics = found }
                return Publication(postId: id, title: title, platform: platform, publishedAt: at,
                                   views: Int(metrics["views"]?.int64Value ?? 0),
                                   engagement: Int(metrics["engagement"]?.int64Value ?? 0))
            }
        }
    }

    /// Sums `publications` (which should all lie in `period`) into days, platforms and
    /// the top posts.
    public init(period: DateInterval, rangeDays: Int, publications: [Publication]) {
        self.period = period
        let firstDay = Int64(period.start.timeIntervalSince1970) / 86_400
        let dayCount = max(1, rangeDays)
        var dayEngagement = [Double](repeating: 0, count: dayCount), dayPosts = [Double](repeating: 0, count: dayCount)
        var views: [Platform: Double] = [:], engagement: [Platform: Double] = [:]
        var top: [Publication] = []
        for row in publications where period.contains(row.publishedAt) {
            let day = Int(Int64(row.publishedAt.timeIntervalSince1970) / 86_400 - firstDay)
            if dayEngagement.indices.contains(day) {
                dayEngagement[day] += Double(row.engagement)
                dayPosts[day] += 1
            }
            views[row.platform, default: 0] += Double(row.views)
            engagement[row.platform, default: 0] += Double(row.engagement)
            if row.engagement > 0 { Self.keepTop(row, in: &top) }
        }
        days = (0..<dayCount).map { offset in
            Day(date: Date(timeIntervalSince1970: TimeInterval((firstDay + Int64(offset)) * 86_400)),
                engagement: dayEngagement[offset], posts: dayPosts[offset])
        }
        platforms = Platform.allCases.map {
            PlatformFigures(platform: $0, views: views[$0] ?? 0, engagement: engagement[$0] ?? 0)
        }
        topPosts = top.map {
            TopPost(id: $0.postId, title: $0.title, platform: $0.platform, publishedAt: $0.publishedAt,
                    views: $0.views, engagement: $0.engagement)
        }
    }

    /// Most engagement first, then the latest, then by id: a fixed order for ties.
    private static func ranksAbove(_ a: Publication, _ b: Publication) -> Bool {
        if a.engagement != b.engagement { return a.engagement > b.engagement }
        if a.publishedAt != b.publishedAt { return a.publishedAt > b.publishedAt }
        return a.postId > b.postId
    }

    /// Inserts `row` into `top`, kept sorted and at most `topPostLimit` long, without
    /// sorting every row of the period.
    private static func keepTop(_ row: Publication, in top: inout [Publication]) {
        if top.count == topPostLimit, let last = top.last, !ranksAbove(row, last) { return }
        let index = top.firstIndex { ranksAbove(row, $0) } ?? top.count
        top.insert(row, at: index)
        if top.count > topPostLimit { top.removeLast() }
    }
}
