import Foundation
import SocialdeckModel

/// What a daily rollup holds for one UTC day: everything the staff calendar and the
/// analytics pane show, so that neither scans every post.
///
/// It is a sum over platform entries, so the platform-wide day is the sum of the
/// organizations' days, and a day recounted from its posts equals the day kept up
/// write by write.
public struct DayFigures: Sendable, Equatable {
    /// Calendar entries (platform entries with a time) per quarter hour of the day, by
    /// the time the calendar shows them at: when published, else when scheduled.
    public var slots: [Int: Int] = [:]
    /// Entries published that day, per platform.
    public var platforms: [Platform: AnalyticsRecord.PlatformFigures] = [:]
    /// The day's most engaging publications, at most `AnalyticsReport.topPostLimit`,
    /// best first: the period's best are among its days' best.
    public var top: [AnalyticsReport.Publication] = []

    public init() {}

    public static let slotsPerDay = 96
    static let slotLength: TimeInterval = 900

    public var isEmpty: Bool { slots.isEmpty && platforms.isEmpty }

    public mutating func add(_ other: DayFigures) {
        slots.merge(other.slots, uniquingKeysWith: +)
        for (platform, figures) in other.platforms {
            var sum = platforms[platform] ?? AnalyticsRecord.PlatformFigures()
            sum.posts += figures.posts
            sum.views += figures.views
            sum.engagement += figures.engagement
            platforms[platform] = sum
        }
        for row in other.top { AnalyticsReport.keepTop(row, in: &top) }
    }

    /// Calendar entries between `start` and `end` that fall on this day (`day`, in
    /// days since 1970), counting whole quarter hours.
    public func entries(day: Int64, from start: Date, to end: Date) -> Int {
        let midnight = TimeInterval(day) * 86_400
        let first = Int(((start.timeIntervalSince1970 - midnight) / Self.slotLength).rounded(.up))
        let last = Int(((end.timeIntervalSince1970 - midnight) / Self.slotLength).rounded(.up))
        return slots.reduce(0) { $0 + ($1.key >= first && $1.key < last ? $1.value : 0) }
    }

    /// What one post (a `content` document, whole or with `organizationId`, `title`,
    /// `platforms` and `deletedAt`) adds to each day it touches. A deleted post adds nothing.
    public static func contributions(of post: Document) -> [Int64: DayFigures] {
        guard post["deletedAt"]?.dateValue == nil, case .objectId(let id)? = post["_id"],
              case .array(let entries)? = post["platforms"] else { return [:] }
        let title = post["title"]?.stringValue ?? ""
        var days: [Int64: DayFigures] = [:]
        for case .document(let entry) in entries {
            guard let platform = entry["platform"]?.stringValue.flatMap(Platform.init(rawValue:)) else { continue }
            let publishedAt = entry["publishedAt"]?.dateValue
            if let shown = publishedAt ?? entry["scheduledAt"]?.dateValue {
                let day = RollupKey.day(of: shown)
                let slot = Int((shown.timeIntervalSince1970 - TimeInterval(day) * 86_400) / slotLength)
                days[day, default: DayFigures()].slots[min(slot, slotsPerDay - 1), default: 0] += 1
            }
            guard entry["status"]?.stringValue == PostStatus.published.rawValue, let publishedAt else { continue }
            var metrics = Document()
            if case .document(let found)? = entry["metrics"] { metrics = found }
            let row = AnalyticsReport.Publication(postId: id, title: title, platform: platform, publishedAt: publishedAt,
                                                  views: Int(metrics["views"]?.int64Value ?? 0),
                                                  engagement: Int(metrics["engagement"]?.int64Value ?? 0))
            let day = RollupKey.day(of: publishedAt)
            var figures = days[day] ?? DayFigures()
            var sum = figures.platforms[platform] ?? AnalyticsRecord.PlatformFigures()
            sum.posts += 1
            sum.views += row.views
            sum.engagement += row.engagement
            figures.platforms[platform] = sum
            if row.engagement > 0 { AnalyticsReport.keepTop(row, in: &figures.top) }
            days[day] = figures
        }
        return days
    }

    /// The fields of a content post the rollups read.
    static let projection = ["organizationId", "title", "platforms", "deletedAt"]
}

extension DayFigures {
    /// The figures as an `analytics` document stores them.
    func write(to record: inout AnalyticsRecord) {
        let published = platforms.values.reduce(0) { $0 + $1.posts }
        let engagement = platforms.values.reduce(0) { $0 + $1.engagement }
        var metrics = AnalyticsRecord.Metrics()
        metrics.postsPublished = published
        metrics.totalEngagement = engagement
        metrics.averageEngagement = published > 0 ? Double(engagement) / Double(published) : 0
        metrics.topPerformingPost = top.first?.postId
        var breakdown = AnalyticsRecord.PlatformBreakdown()
        for (platform, figures) in platforms { breakdown[platform] = figures }
        metrics.platformBreakdown = breakdown
        record.metrics = metrics
        record.calendarSlots = slots.sorted { $0.key < $1.key }.map { AnalyticsRecord.SlotCount(slot: $0.key, entries: $0.value) }
        record.topPosts = top
    }

    /// The figures an `analytics` document holds.
    init(_ record: AnalyticsRecord) {
        for slot in record.calendarSlots ?? [] where slot.entries != 0 { slots[slot.slot] = slot.entries }
        for platform in Platform.allCases {
            if let figures = record.metrics.platformBreakdown?[platform], figures.posts != 0 || figures.views != 0 {
                platforms[platform] = figures
            }
        }
        top = record.topPosts ?? []
    }
}
