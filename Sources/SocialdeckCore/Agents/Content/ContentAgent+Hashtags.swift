import Foundation
import SocialdeckModel
import SocialdeckStorage

extension ContentAgent {
    public struct HashtagSuggestion: Sendable, Equatable {
        public var tag: String
        public var reason: String
    }

    /// Hashtags for a text on a platform, at most what the platform takes (Instagram 5),
    /// from the post's words and the organization's own tags' results.
    public func suggestHashtags(for text: String, on platform: Platform, organizationId: ObjectId,
                                by identity: Identity) throws -> (tags: [HashtagSuggestion], run: AgentRun) {
        try AccessControl.authorize(identity, .createContent, organizationId: organizationId)
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty, body.count <= 10_000 else { throw CoreError.invalid("give a text of 1 to 10,000 characters") }
        let limit = min(PlatformRules.of(platform).hashtagLimit ?? 5, platform == .twitter ? 3 : 5)
        let history = try PublishedHistory(store: store, organizationId: organizationId, since: clock().addingTimeInterval(-90 * 86_400))
        var tally: [String: [PublishedEntry]] = [:]
        var posts: [String: Int] = [:]
        for post in history.posts {
            for tag in Set(post.hashtags) { tally[tag, default: []] += post.entries; posts[tag, default: 0] += 1 }
        }
        let own = tally.map { HashtagBrief.OwnTag(tag: $0.key, posts: posts[$0.key] ?? 0, ratePercent: (PublishedHistory.rate($0.value) * 100).rounded(toPlaces: 2)) }
            .sorted { ($0.posts, $0.tag) > ($1.posts, $1.tag) }.prefix(40)
        let brief = HashtagBrief(text: body, platform: platform.rawValue, maxHashtags: limit,
                                 industry: try OrganizationAdmin.first(of: organizationId, in: store)?.profile.businessProfile?.industry,
                                 ownTags: Array(own), averageRatePercent: (PublishedHistory.rate(history.entries) * 100).rounded(toPlaces: 2))
        var tags: [HashtagSuggestion] = []
        let ask = ModelTask.Ask(agent: .content, task: "suggest_hashtags", organizationId: organizationId,
                                instruction: "Suggest up to \(limit) hashtags for this post on \(platform.displayName), each with its reason.",
                                brief: ModelTask.json(brief), schema: (HashtagBrief.schemaName, HashtagBrief.schema), needs: [.analyticsQuery],
                                input: ["platform": .string(platform.rawValue), "ownTags": .int32(Int32(own.count))])
        let run = try ModelTask(store: store, client: client, clock: clock).run(ask) { answer, _ in
            for item in (ModelTask.object(answer)["hashtags"] as? [[String: Any]]) ?? [] where tags.count < limit {
                guard let raw = ModelTask.clean(item["tag"], limit: 100) else { continue }
                let tag = raw.hasPrefix("#") ? raw : "#" + raw
                guard PlatformRules.hashtags(in: tag).map(String.init) == [String(tag.dropFirst())],
                      !tags.contains(where: { $0.tag.lowercased() == tag.lowercased() }) else { continue }
                tags.append(HashtagSuggestion(tag: tag, reason: ModelTask.clean(item["reason"], limit: 300) ?? ""))
            }
            return ["hashtags": .array(tags.map { .string($0.tag) })]
        }
        return (tags, run)
    }
}
