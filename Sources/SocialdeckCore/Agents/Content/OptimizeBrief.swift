import Foundation
import SocialdeckModel

/// What the content agent hands its model to improve a post: its text, the platform's
/// limit and counting, and what people taught the agents about the organization.
struct OptimizeBrief: Codable, Equatable {
    var text: String
    var platform: String
    var limit: Int
    var maxHashtags: Int?
    var counting: String
    var avoid: [String]
    var cut: [String]
    var bestPosts: [String]

    static let schemaName = "optimized_post"
    static let schema = """
    {"type":"object","required":["text","changes","confidence"],"additionalProperties":false,"properties":{
    "text":{"type":"string","minLength":1,"maxLength":63206},
    "changes":{"type":"array","items":{"type":"string","maxLength":300}},
    "confidence":{"type":"number","minimum":0,"maximum":1}}}
    """

    static let salesLines = ["order today", "shop now", "buy today", "buy now", "get yours", "limited offer", "don't miss out", "while it lasts"]

    /// The offline writer's edit: lines editors cut and (after a "salesy" rejection) sales
    /// lines out, hashtags gathered at the end within the limit, a question to close when
    /// there is none, trimmed to the platform's limit; each change named.
    var offlineAnswer: [String: Any] {
        guard let platform = Platform(rawValue: platform) else { return ["text": text, "changes": [], "confidence": 0] }
        let rules = PlatformRules.of(platform)
        let avoids = avoid.joined(separator: " ").lowercased()
        let cutKeys = Set(cut.map(EditLesson.key))
        var changes: [String] = []
        var tags: [String] = []
        for tag in PlatformRules.hashtags(in: text).map({ "#" + $0 }) where !tags.contains(where: { $0.lowercased() == tag.lowercased() }) { tags.append(tag) }
        var lines = EditLesson.lines(text).filter { !EditLesson.isTags($0) }
            .map { line in line.split(separator: " ").filter { !$0.hasPrefix("#") }.joined(separator: " ") }.filter { !$0.isEmpty }
        let before = lines.count
        lines.removeAll { cutKeys.contains(EditLesson.key($0)) }
        if lines.count < before { changes.append("Took out \(before - lines.count) line(s) editors cut before") }
        if avoids.contains("sales") || avoids.contains("pushy") {
            let n = lines.count
            lines.removeAll { line in Self.salesLines.contains { line.lowercased().contains($0) } }
            if lines.count < n { changes.append("Dropped the sales line, since reviewers found drafts salesy") }
        }
        let cap = min(rules.hashtagLimit ?? 5, avoids.contains("hashtag") ? 1 : platform == .twitter ? 2 : 5)
        if tags.count > cap { changes.append("Kept \(cap) of \(tags.count) hashtags"); tags = Array(tags.prefix(cap)) }
        if !lines.contains(where: { $0.hasSuffix("?") }) {
            lines.append("What do you think?")
            changes.append("Closed with a question, which invites replies")
        }
        let separator = platform == .linkedin || platform == .instagram ? "\n\n" : " "
        var result = lines.joined(separator: separator) + (tags.isEmpty ? "" : separator + tags.joined(separator: " "))
        if rules.count(result) > limit {
            while rules.count(result) > limit, let space = result.lastIndex(of: " ") { result = String(result[..<space]) }
            changes.append("Trimmed to \(platform.displayName)'s \(limit)")
        }
        if !tags.isEmpty, text.contains(tags[0]), !text.hasSuffix(tags.joined(separator: " ")) && changes.isEmpty {
            changes.append("Gathered the hashtags at the end")
        }
        return ["text": result, "changes": changes, "confidence": changes.isEmpty ? 0.5 : 0.75]
    }
}
