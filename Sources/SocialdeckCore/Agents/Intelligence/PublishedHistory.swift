import Foundation
import SocialdeckModel
import SocialdeckStorage

/// An organization's published posts over a window, as the intelligence agent reads
/// them: title, hashtags, whether an agent wrote it, and each platform entry's metrics.
struct PublishedHistory {
    struct Post {
        let id: ObjectId
        let title: String
        /// The text's first line, at most 200 characters.
        let opening: String
        let hashtags: [String]
        let aiGenerated: Bool
        let entries: [PublishedEntry]

        var views: Double { entries.reduce(0) { $0 + $1.views } }
        var engagement: Double { entries.reduce(0) { $0 + $1.engagement } }
        var rate: Double { views > 0 ? engagement / views : 0 }
    }

    let posts: [Post]

    /// Posts with at least one entry published in `since..<until` and seen.
    init(store: any DocumentStore, organizationId: ObjectId, since: Date, until: Date = .distantFuture) throws {
        let docs = try store.find(Content.collection.rawValue,
                                  .eq("organizationId", organizationId)
                                      && .elemMatch("platforms", .eq("status", PostStatus.published) && .gte("publishedAt", since)),
                                  limit: 5_000, projection: .include(["title", "platforms", "content.hashtags", "content.text", "aiGenerated.isAiGenerated"]))
        posts = docs.compactMap { doc in
            let entries = PublishedEntry.of(doc, since: since).filter { $0.publishedAt < until }
            guard !entries.isEmpty else { return nil }
            var tags: [String] = []
            if case .array(let values)? = doc.value(at: "content.hashtags") {
                tags = values.compactMap(\.stringValue).map { ($0.hasPrefix("#") ? $0 : "#" + $0).lowercased() }
            }
            let text = doc.value(at: "content.text")?.stringValue ?? ""
            return Post(id: doc["_id"]?.objectIdValue ?? ObjectId(high: 0, low: 0), title: doc["title"]?.stringValue ?? "untitled",
                        opening: String((text.split(whereSeparator: \.isNewline).first ?? "").prefix(200)), hashtags: tags,
                        aiGenerated: doc.value(at: "aiGenerated.isAiGenerated")?.boolValue ?? false, entries: entries)
        }
    }

    var entries: [PublishedEntry] { posts.flatMap(\.entries) }

    /// Engagement per view over a set of entries.
    static func rate(_ entries: [PublishedEntry]) -> Double {
        let views = entries.reduce(0) { $0 + $1.views }
        return views > 0 ? entries.reduce(0) { $0 + $1.engagement } / views : 0
    }
}
