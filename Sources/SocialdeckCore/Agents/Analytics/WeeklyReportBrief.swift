import Foundation
import SocialdeckModel

/// What the analytics agent hands its model for a week's report: the week's figures
/// from the daily rollups, the week before's, each platform's, and the best posts.
struct WeeklyReportBrief: Codable, Equatable {
    struct PlatformWeek: Codable, Equatable {
        var platform: String
        var posts: Int
        var views: Int
        var engagement: Int
    }

    var organization: String
    /// "2026-11-23" to "2026-11-29", UTC days.
    var from: String
    var to: String
    var posts: Int
    var views: Int
    var engagement: Int
    var previousPosts: Int
    var previousEngagement: Int
    var platforms: [PlatformWeek]
    var bestPosts: [String]

    static let schemaName = "weekly_report"
    static let schema = """
    {"type":"object","required":["title","summary","highlights","nextWeek"],"additionalProperties":false,"properties":{
    "title":{"type":"string","minLength":1,"maxLength":200},"summary":{"type":"string","minLength":1,"maxLength":2000},
    "highlights":{"type":"array","maxItems":8,"items":{"type":"string","maxLength":300}},
    "nextWeek":{"type":"array","maxItems":5,"items":{"type":"string","maxLength":300}}}}
    """

    static func change(_ now: Int, _ before: Int) -> String {
        guard before > 0 else { return now > 0 ? "new this week" : "none either week" }
        let percent = Double(now - before) / Double(before) * 100
        return String(format: "%@%.0f%% on the week before", percent >= 0 ? "+" : "", percent)
    }

    /// The offline writer's report: the figures, the platform that engaged best, the best post.
    var offlineAnswer: [String: Any] {
        let rate = views > 0 ? Double(engagement) / Double(views) * 100 : 0
        var highlights = ["\(posts) posts published (\(Self.change(posts, previousPosts))).",
                          "\(engagement) engagements on \(views) views, \(String(format: "%.1f", rate))% per view (\(Self.change(engagement, previousEngagement)))."]
        let ranked = platforms.filter { $0.views > 0 }.sorted { Double($0.engagement) / Double($0.views) > Double($1.engagement) / Double($1.views) }
        if let best = ranked.first, let name = Platform(rawValue: best.platform)?.displayName {
            highlights.append("\(name) engaged best: \(String(format: "%.1f", Double(best.engagement) / Double(best.views) * 100))% per view over \(best.posts) posts.")
        }
        if let top = bestPosts.first { highlights.append("Best post: \(top).") }
        var next: [String] = []
        if let best = ranked.first, let name = Platform(rawValue: best.platform)?.displayName { next.append("Give \(name) one more post.") }
        if posts < previousPosts { next.append("Post as often as the week before; fewer posts meant fewer engagements.") }
        if posts == 0 { next = ["Publish a few posts; next week's report compares with them."] }
        return ["title": "\(organization): week of \(from)",
                "summary": posts == 0 ? "Nothing was published from \(from) to \(to)." : "\(posts) posts from \(from) to \(to) drew \(engagement) engagements.",
                "highlights": posts == 0 ? [] : highlights, "nextWeek": next]
    }
}
