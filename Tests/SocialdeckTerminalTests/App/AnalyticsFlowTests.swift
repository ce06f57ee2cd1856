import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// The analytics pane agrees with itself in every range (issue #10, item 11): what it
/// shows adds up, comes from the posts published within the range, and each top post
/// shows when it was published.
@Suite("Analytics flow in-process")
struct AnalyticsFlowTests {
    struct TopRow {
        var title: String
        var platform: String
        var day: String
        var engagement: Int
    }

    /// The top posts table as drawn: "#  eng.  rate platform  published Top posts".
    func topRows(_ screen: String) throws -> [TopRow] {
        let lines = screen.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.contains("Top posts") && $0.contains("eng.") })
        #expect(lines[header].contains("published"), "the top posts show their date")
        return lines[(header + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.compactMap { line in
            guard let m = line.firstMatch(of: /^\s*\d+\s+([\d,]+)\s+[\d.]+%\s(Facebook|Instagram|X|LinkedIn|TikTok)\s+(\d{1,2} [A-Z][a-z]{2})\s+(.+?)\s*$/)
            else { return nil }
            return TopRow(title: String(m.4), platform: String(m.2), day: String(m.3), engagement: Int(m.1.filter(\.isNumber)) ?? -1)
        }
    }

    /// "Engagements   56,147" beside the charts.
    func shownTotal(_ screen: String) throws -> Int {
        let m = try #require(screen.firstMatch(of: /Engagements\s+([\d,]+)/))
        return Int(m.1.filter(\.isNumber)) ?? -1
    }

    func report(_ app: AppHarness) throws -> AnalyticsReport {
        guard case .dashboard(let model) = app.runtime.screen else { throw FixtureError("not on the dashboard") }
        return try #require(model.analytics.report)
    }

    /// Engagement straight from the posts: the organization's entries published within the range.
    func engagementInStore(_ app: AppHarness, organizationId: ObjectId, rangeDays: Int) throws -> (total: Int, byPlatform: [Platform: Int]) {
        let today = Int(app.now.timeIntervalSince1970) / 86_400
        let start = Date(timeIntervalSince1970: TimeInterval((today - rangeDays + 1) * 86_400))
        var byPlatform: [Platform: Int] = [:]
        for post in try ModelCollection(app.store, Content.self).find(.eq("organizationId", organizationId)) {
            for entry in post.platforms where entry.status == .published {
                guard let at = entry.publishedAt, at >= start, at <= app.now else { continue }
                byPlatform[entry.platform, default: 0] += entry.metrics?.engagement ?? 0
            }
        }
        return (byPlatform.values.reduce(0, +), byPlatform)
    }

    @Test func everyFigureInEveryRangeComesFromTheSamePostsAndAddsUp() throws {
        let app = try AppHarness(width: 160, height: 48, posts: 240)
        try app.signIn()
        let manager = try #require(try ModelCollection(app.store, User.self).first(.eq("email", "manager@acme.example")))
        try app.press("3")
        for (key, rangeDays) in [(nil, 30), ("[", 7), ("]", 30), ("]", 90)] as [(String?, Int)] {
            if let key { try app.press(key) }
            app.refresh()
            let screen = app.screen
            #expect(screen.contains("Last \(rangeDays) days"))
            let report = try report(app)
            let truth = try engagementInStore(app, organizationId: manager.organizationId, rangeDays: rangeDays)

            #expect(try shownTotal(screen) == truth.total, "\(rangeDays) days: the total is the posts' own")
            #expect(Int(report.days.reduce(0) { $0 + $1.engagement }) == truth.total, "\(rangeDays) days: the days add up")
            for figures in report.platforms {
                #expect(Int(figures.engagement) == truth.byPlatform[figures.platform] ?? 0, "\(rangeDays) days: \(figures.platform)")
                let bar = try #require(screen.components(separatedBy: "\n").first { $0.contains("\(figures.platform.displayName)│") })
                #expect(bar.contains(Figures.compact(figures.engagement)), "\(rangeDays) days: the bar shows the report's figure")
            }

            let rows = try topRows(screen)
            #expect(!rows.isEmpty, "\(rangeDays) days: top posts are listed")
            let days = Set(report.days.map { Figures.day($0.date) })
            for row in rows {
                let platform = try #require(Platform.allCases.first { $0.displayName == row.platform })
                #expect(row.engagement <= truth.byPlatform[platform] ?? 0,
                        "\(rangeDays) days: \(row.title) shows \(row.engagement) on \(row.platform), more than the platform's total")
                #expect(days.contains(row.day), "\(rangeDays) days: \(row.title) was published \(row.day), outside the range")
            }
            #expect(rows.reduce(0) { $0 + $1.engagement } <= truth.total, "\(rangeDays) days: the top posts fit in the total")
        }
    }
}
