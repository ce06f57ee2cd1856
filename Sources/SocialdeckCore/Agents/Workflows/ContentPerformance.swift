import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The intelligence agent's look at how an organization's content did over the last
/// 30 days: engagement per view on each platform and the best posts. Computed from the
/// store; the summary is kept as an `insight` in the agents' memory for later prompts.
struct ContentPerformance: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    struct Summary: Sendable {
        var posts = 0
        /// Engagement per view, by platform.
        var rates: [Platform: Double] = [:]
        /// The best posts' titles with their rate.
        var best: [(String, Double)] = []

        var sentence: String {
            guard posts > 0 else { return "No published post with metrics in the last 30 days." }
            let platforms = rates.sorted { $0.value > $1.value }
                .map { "\($0.key.displayName) \(String(format: "%.1f", $0.value * 100))%" }.joined(separator: ", ")
            let top = best.prefix(3).map { "“\($0.0)”" }.joined(separator: ", ")
            return "\(posts) posts in 30 days; engagement per view: \(platforms). Best: \(top)."
        }
    }

    func summary(_ organizationId: ObjectId) throws -> Summary {
        let since = clock().addingTimeInterval(-30 * 86_400)
        let docs = try store.find(Content.collection.rawValue,
                                  .eq("organizationId", organizationId)
                                      && .elemMatch("platforms", .eq("status", PostStatus.published) && .gte("publishedAt", since)),
                                  limit: 5_000, projection: .include(["title", "platforms"]))
        var summary = Summary()
        var totals: [Platform: (engagement: Double, views: Double)] = [:]
        var perPost: [(String, Double)] = []
        for doc in docs {
            var engagement = 0.0, views = 0.0
            for entry in PublishedEntry.of(doc, since: since) {
                totals[entry.platform, default: (0, 0)].engagement += entry.engagement
                totals[entry.platform, default: (0, 0)].views += entry.views
                engagement += entry.engagement
                views += entry.views
            }
            guard views > 0 else { continue }
            summary.posts += 1
            perPost.append((doc["title"]?.stringValue ?? "untitled", engagement / views))
        }
        summary.rates = totals.mapValues { $0.engagement / $0.views }
        summary.best = Array(perPost.sorted { $0.1 > $1.1 }.prefix(5))
        return summary
    }
}
