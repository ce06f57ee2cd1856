import Foundation
import SocialdeckModel

/// What the content agent hands its model to suggest hashtags for a post: its text, the
/// platform and its limit, the organization's field, and how its own tags did (posts,
/// percent engagement per view).
struct HashtagBrief: Codable, Equatable {
    struct OwnTag: Codable, Equatable {
        var tag: String
        var posts: Int
        var ratePercent: Double
    }

    var text: String
    var platform: String
    var maxHashtags: Int
    var industry: String?
    var ownTags: [OwnTag]
    var averageRatePercent: Double

    static let schemaName = "hashtags"
    static let schema = """
    {"type":"object","required":["hashtags"],"additionalProperties":false,"properties":{
    "hashtags":{"type":"array","maxItems":30,"items":{"type":"object","required":["tag","reason"],"properties":{
    "tag":{"type":"string","minLength":2,"maxLength":100},"reason":{"type":"string","maxLength":300}}}}}}
    """

    /// The offline writer's suggestions: the organization's own tags that match the post's
    /// words or beat its average, then tags made of the post's own words.
    var offlineAnswer: [String: Any] {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() }
            .filter { $0.count > 3 && !OfflineDrafts.stopwords.contains($0) }
        var picked: [[String: String]] = []
        func add(_ tag: String, _ reason: String) {
            guard picked.count < maxHashtags, !picked.contains(where: { $0["tag"]?.lowercased() == tag.lowercased() }) else { return }
            picked.append(["tag": tag, "reason": reason])
        }
        let ranked = ownTags.sorted { ($0.ratePercent, $0.posts) > ($1.ratePercent, $1.posts) }
        for own in ranked where words.contains(String(own.tag.dropFirst()).lowercased()) {
            add(own.tag, "in the post's words; \(own.posts) of your posts used it, \(String(format: "%.1f", own.ratePercent))% per view")
        }
        for own in ranked where own.ratePercent > averageRatePercent && own.posts >= 2 {
            add(own.tag, "one of your best tags: \(String(format: "%.1f", own.ratePercent))% per view against \(String(format: "%.1f", averageRatePercent))%")
        }
        for word in words.sorted(by: { ($0.count, $1) > ($1.count, $0) }) { add("#" + word, "from the post's own words") }
        if let industry, let word = industry.split(separator: " ").first { add("#" + word.lowercased(), "your field") }
        return ["hashtags": picked]
    }
}
