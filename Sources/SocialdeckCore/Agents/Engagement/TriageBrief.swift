import Foundation
import SocialdeckModel

/// What the engagement agent hands its model: the organization's voice, what reviewers
/// taught the agents, and the comments to sort, each with a suggested reply where one
/// is due.
struct TriageBrief: Codable, Equatable {
    struct Item: Codable, Equatable {
        var id: String
        var platform: String
        var kind: String
        var author: String
        var text: String
    }

    var organization: String
    var brandVoice: String?
    var avoid: [String]
    var cut: [String]
    var comments: [Item]

    static let schemaName = "comment_triage"
    static let schema = """
    {"type":"object","required":["items"],"additionalProperties":false,"properties":{
    "items":{"type":"array","items":{"type":"object","required":["id","category","priority","sentiment","needsReply","reply"],"properties":{
    "id":{"type":"string"},"category":{"type":"string","enum":["question","complaint","praise","feedback","spam","other"]},
    "priority":{"type":"integer","minimum":1,"maximum":3},"sentiment":{"type":"number","minimum":-1,"maximum":1},
    "needsReply":{"type":"boolean"},"reply":{"type":"string","maxLength":2000}}}}}}
    """

    static let complaintWords = ["broken", "refund", "terrible", "worst", "awful", "never arrived", "late", "cold", "rude", "disappointed",
                                 "angry", "waited", "wrong", "overcharged", "not working", "doesn't work", "horrible", "unacceptable"]
    static let praiseWords = ["love", "great", "amazing", "thank", "best", "delicious", "awesome", "perfect", "wonderful", "❤", "🔥", "😍"]
    static let spamWords = ["follow me", "promo", "crypto", "giveaway", "dm me", "check my", "click", "followers", "earn $", "bitcoin"]
    static let questionStarts = ["how", "when", "where", "what", "why", "can", "do ", "does", "is ", "are ", "will", "could", "which"]

    /// The offline writer's triage: by the words people use, and a short reply in the
    /// organization's manner for those that need one.
    var offlineAnswer: [String: Any] {
        ["items": comments.map { item -> [String: Any] in
            let (category, priority, sentiment) = Self.classify(item.text)
            let needsReply = category != .spam && category != .other
            return ["id": item.id, "category": category.rawValue, "priority": priority, "sentiment": sentiment, "needsReply": needsReply,
                    "reply": needsReply ? reply(to: item, category) : ""]
        }]
    }

    static func classify(_ text: String) -> (SocialComment.Category, Int, Double) {
        let lower = text.lowercased()
        let has = { (words: [String]) in words.contains { lower.contains($0) } }
        if has(spamWords) || (lower.contains("http") && lower.split(separator: " ").count < 8) { return (.spam, 3, 0) }
        if has(complaintWords) { return (.complaint, 1, -0.7) }
        if lower.contains("?") || questionStarts.contains(where: { lower.hasPrefix($0) }) { return (.question, 2, 0.1) }
        if has(praiseWords) { return (.praise, 3, 0.8) }
        return lower.count > 40 ? (.feedback, 2, 0) : (.other, 3, 0)
    }

    private func reply(to item: Item, _ category: SocialComment.Category) -> String {
        let formal = (brandVoice ?? "").lowercased().contains("formal") || (brandVoice ?? "").lowercased().contains("professional")
        let name = item.author.hasPrefix("@") ? item.author : item.author.split(separator: " ").first.map(String.init) ?? "there"
        let options: [String]
        switch category {
        case .complaint:
            options = ["\(name), we're sorry this happened. Please send us a direct message with your order details and we'll put it right today.",
                       "We're sorry, \(name). That isn't the experience we want for you; message us your details and we'll sort it out."]
        case .question:
            options = ["Thanks for asking, \(name). We've passed this to the team and will answer here with the details shortly.",
                       "Good question, \(name). Let us check and come back to you here today."]
        case .praise:
            options = formal ? ["Thank you, \(name). We appreciate you taking the time to say so."]
                : ["Thank you, \(name)! That made our day.", "So glad you enjoyed it, \(name). Thanks for telling us!"]
        default:
            options = ["Thanks for the thoughtful feedback, \(name). We've shared it with the team."]
        }
        let cutKeys = Set(cut.map(EditLesson.key))
        let allowed = options.filter { line in !EditLesson.lines(line).contains { cutKeys.contains(EditLesson.key($0)) } }
        let pool = allowed.isEmpty ? options : allowed
        var digest = FNV1a()
        digest.add(item.id.utf8)
        var text = pool[Int(digest.value % UInt64(pool.count))]
        if formal { text = text.replacingOccurrences(of: "!", with: ".") }
        return text
    }
}
