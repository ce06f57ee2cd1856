import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The analytics report agrees with itself (issue #10, item 11): every figure is summed
/// from the same rows, the platform entries published within the period, so the parts
/// add up to the whole and a top post is one of the rows its platform's total counts.
@Suite("Analytics report")
struct AnalyticsReportTests {
    /// Late in the day, so posts published today count and the range's first day is partial history.
    static let now = date("2026-11-29T20:00:00Z")
    let store: any DocumentStore
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
        store = try SeededWorkspace(organizations: 4, users: 12, posts: 400, days: 90, now: Self.now).sqliteStore(in: directory.path)
    }

    /// An independent count straight from the posts: each published entry within the
    /// period, by platform.
    private func expected(organizationId: ObjectId?, in period: DateInterval) throws
        -> (views: [Platform: Int], engagement: [Platform: Int], entries: [(id: ObjectId, platform: Platform, engagement: Int)]) {
        var views: [Platform: Int] = [:], engagement: [Platform: Int] = [:]
        var entries: [(id: ObjectId, platform: Platform, engagement: Int)] = []
        for post in try ModelCollection(store, Content.self).find() where organizationId == nil || post.organizationId == organizationId {
            for entry in post.platforms where entry.status == .published {
                guard let at = entry.publishedAt, period.contains(at) else { continue }
                views[entry.platform, default: 0] += entry.metrics?.views ?? 0
                engagement[entry.platform, default: 0] += entry.metrics?.engagement ?? 0
                entries.append((post._id, entry.platform, entry.metrics?.engagement ?? 0))
            }
        }
        return (views, engagement, entries)
    }

    @Test("For 7, 30 and 90 days, for every organization and for all of them, the parts add up to the whole",
          arguments: [7, 30, 90])
    func partsAddUpToTheWhole(rangeDays: Int) throws {
        let staff = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let organizations = try ModelCollection(store, Organization.self).find().map(\._id)
        let period = AnalyticsReport.period(rangeDays: rangeDays, now: Self.now)
        #expect(period.start == date("2026-11-29").addingTimeInterval(-Double(rangeDays - 1) * 86_400))
        for organizationId in [nil] + organizations.map(Optional.some) {
            let report = try AnalyticsReport.build(store: store, for: staff, organizationId: organizationId, rangeDays: rangeDays, now: Self.now)
            let truth = try expected(organizationId: organizationId, in: period)
            let label = "\(rangeDays) days, organization \(organizationId?.hex ?? "all")"

            for figures in report.platforms {
                #expect(figures.engagement == Double(truth.engagement[figures.platform] ?? 0), "\(label): \(figures.platform)")
                #expect(figures.views == Double(truth.views[figures.platform] ?? 0), "\(label): \(figures.platform)")
            }
            #expect(report.days.count == rangeDays)
            #expect(report.days.reduce(0) { $0 + $1.engagement } == report.totalEngagement, "\(label): the days add up")
            #expect(report.days.reduce(0) { $0 + $1.posts } == Double(truth.entries.count), "\(label): every entry counted once")
            #expect(report.topPosts.reduce(0) { $0 + Double($1.engagement) } <= report.totalEngagement, "\(label)")

            let content = ModelCollection(store, Content.self)
            for top in report.topPosts {
                let platform: Platform? = top.platform
                let total = report.platforms.first { $0.platform == platform }?.engagement ?? 0
                #expect(Double(top.engagement) <= total, "\(label): \(top.title) on \(String(describing: platform))")
                let entry = try #require(try content.get(top.id)?.platforms.first { $0.platform == platform })
                #expect(entry.publishedAt.map(period.contains) == true, "\(label): \(top.title) was published within the period")
                #expect(entry.metrics?.engagement == top.engagement, "\(label): the figure is the entry's own")
            }
            let best = truth.entries.map(\.engagement).filter { $0 > 0 }.sorted(by: >).prefix(AnalyticsReport.topPostLimit)
            #expect(report.topPosts.map(\.engagement) == Array(best), "\(label): the top posts are the period's best entries")
        }
    }

    @Test("Rows are summed exactly: a post on two platforms is two rows, and entries outside the period are left out")
    func summingRows() {
        let period = AnalyticsReport.period(rangeDays: 7, now: date("2026-11-29T12:00:00Z"))
        let a = ObjectId(), b = ObjectId()
        let rows = [
            AnalyticsReport.Publication(postId: a, title: "Launch", platform: .tiktok, publishedAt: date("2026-11-29T09:00:00Z"),
                                        views: 40_000, engagement: 3_519),
            .init(postId: a, title: "Launch", platform: .twitter, publishedAt: date("2026-11-29T09:01:00Z"), views: 900, engagement: 40),
            .init(postId: b, title: "Old", platform: .tiktok, publishedAt: date("2026-11-22T23:59:00Z"), views: 1, engagement: 9_999),
            .init(postId: b, title: "Quiet", platform: .linkedin, publishedAt: date("2026-11-23T00:00:00Z"), views: 50, engagement: 0),
        ]
        let report = AnalyticsReport(period: period, rangeDays: 7, publications: rows)
        #expect(report.platforms.first { $0.platform == .tiktok }?.engagement == 3_519)
        #expect(report.platforms.first { $0.platform == .tiktok }?.views == 40_000)
        #expect(report.platforms.first { $0.platform == .linkedin }?.views == 50)
        #expect(report.totalEngagement == 3_559)
        #expect(report.days.first?.date == date("2026-11-23"))
        #expect(report.days.first?.posts == 1)
        #expect(report.days.last?.engagement == 3_559)
        #expect(report.topPosts.map(\.title) == ["Launch", "Launch"])
        #expect(report.topPosts.map(\.platform) == [.tiktok, .twitter])
        #expect(report.topPosts.first?.publishedAt == date("2026-11-29T09:00:00Z"))
    }

    @Test("Only published entries with a time inside the period count; every entry with a time stands on the calendar")
    func publicationsOfPosts() throws {
        let period = DateInterval(start: date("2026-11-23"), end: date("2026-11-29T12:00:00Z"))
        var post = Content()
        post.title = "Mixed"
        var published = Content.PlatformPost(platform: .instagram, status: .published)
        published.publishedAt = date("2026-11-25T10:00:00Z")
        var metrics = Content.Metrics()
        metrics.views = 100
        metrics.engagement = 7
        published.metrics = metrics
        var failed = Content.PlatformPost(platform: .facebook, status: .failed)
        failed.publishedAt = date("2026-11-25T10:00:00Z")
        var later = published
        later.platform = .linkedin
        later.publishedAt = date("2026-11-30T13:00:00Z")
        post.platforms = [published, failed, later, Content.PlatformPost(platform: .twitter, status: .scheduled)]
        let days = DayFigures.contributions(of: try DocumentEncoder().encode(post))
        let report = AnalyticsReport(period: period, rangeDays: 7, days: days)
        #expect(report.topPosts.map(\.title) == ["Mixed"])
        #expect(report.topPosts.first?.platform == .instagram)
        #expect(report.platforms.filter { $0.views > 0 }.map(\.platform) == [.instagram])
        #expect(report.days.map(\.posts) == [0, 0, 1, 0, 0, 0, 0], "the failed entry and the one published after the period count nowhere")
        // The failed entry still stands on the calendar, at its time; the one without a time does not.
        let day = RollupKey.day(of: date("2026-11-25"))
        #expect(days[day]?.slots == [40: 2])
        #expect(days[RollupKey.day(of: date("2026-11-30"))]?.slots == [52: 1])
    }

    @Test("An entry published late, days after its planned time, counts on the day it was published")
    func latePublication() throws {
        let staff = Identity.localOperator(context: ConnectionContext(ipAddress: "127.0.0.1", userAgent: "test"))
        let period = AnalyticsReport.period(rangeDays: 7, now: Self.now)
        let org = try #require(try ModelCollection(store, Organization.self).first(.all))
        let before = try AnalyticsReport.build(store: store, for: staff, organizationId: org._id, rangeDays: 7, now: Self.now)
        var post = Content()
        post.organizationId = org._id
        post.title = "Published after an outage"
        var entry = Content.PlatformPost(platform: .linkedin, status: .published,
                                         scheduledAt: period.start.addingTimeInterval(-10 * 86_400))
        entry.publishedAt = period.start.addingTimeInterval(3_600)
        var metrics = Content.Metrics()
        metrics.views = 10
        metrics.engagement = 99_999
        entry.metrics = metrics
        post.platforms = [entry]
        try insertPosts([post], into: store, now: Self.now)
        let after = try AnalyticsReport.build(store: store, for: staff, organizationId: org._id, rangeDays: 7, now: Self.now)
        #expect(after.totalEngagement == before.totalEngagement + 99_999)
        #expect(after.days.first?.engagement == (before.days.first?.engagement ?? 0) + 99_999)
        #expect(after.topPosts.first?.title == "Published after an outage")
    }
}
