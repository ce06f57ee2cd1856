import Foundation
import SocialdeckModel

/// The offline writer's drafts for one brief: a hook, the key points, a close, and
/// hashtags, chosen by a hash of the brief so that the same brief gives the same words
/// and different briefs read differently. What people taught the agent steers it: a
/// rejection for being salesy drops every sales line, "too long" keeps posts short, "no
/// emoji" drops them, "fewer hashtags" keeps one; a line an editor cut is never written
/// again; preferred phrases are worked in.
struct OfflineDrafts {
    let brief: ContentBrief
    private var seed: UInt64

    init(_ brief: ContentBrief) {
        self.brief = brief
        var digest = FNV1a()
        digest.add(brief.json.utf8)
        seed = digest.value
    }

    private var avoids: String { brief.avoid.joined(separator: " ").lowercased() }
    private var noSales: Bool { ["sales", "salesy", "pushy", "promotional", "hard sell"].contains { avoids.contains($0) } }
    private var short: Bool { ["too long", "wordy", "shorter", "concise"].contains { avoids.contains($0) } }
    private var noEmoji: Bool { ["emoji"].contains { avoids.contains($0) } }
    private var fewerTags: Bool { ["fewer hashtags", "hashtag"].contains { avoids.contains($0) } }
    private var cutKeys: Set<String> { Set(brief.cut.map(EditLesson.key)) }

    /// Whether an editor cut the line, or a sentence of it.
    private func wasCut(_ line: String) -> Bool {
        let cut = cutKeys
        return !cut.isEmpty && ([line] + EditLesson.lines(line)).contains { cut.contains(EditLesson.key($0)) }
    }
    private var formal: Bool { (brief.brandVoice ?? "").lowercased().contains("formal") || (brief.brandVoice ?? "").lowercased().contains("professional") }

    /// The JSON answer the schema asks for.
    var answer: String {
        var drafts: [[String: Any]] = []
        for target in brief.platforms {
            guard let platform = Platform(rawValue: target.platform) else { continue }
            let (text, tags) = draft(for: platform, limit: target.limit, maxHashtags: target.maxHashtags)
            drafts.append(["platform": platform.rawValue, "text": text, "hashtags": tags, "confidence": confidence(for: platform)])
        }
        let answer: [String: Any] = ["drafts": drafts, "imageBrief": imageBrief]
        let data = (try? JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// One of the lines no editor cut, by the brief's hash; nil when editors cut them all.
    private func pick(_ options: [String], _ salt: UInt64) -> String? {
        let allowed = options.filter { !wasCut($0) }
        guard !allowed.isEmpty else { return nil }
        return allowed[Int((seed ^ (salt &* 0x9E37_79B9_7F4A_7C15)) % UInt64(allowed.count))]
    }

    private var topic: String { brief.topic.trimmingCharacters(in: .whitespacesAndNewlines) }

    private var hook: String {
        let plain = ["\(topic): what you should know.", "A closer look at \(topic).", "Three things we learned about \(topic).",
                     "Here is how we think about \(topic).", "\(topic), explained in a minute.", "Why \(topic) matters this season."]
        let lively = ["Big news: \(topic)!", "Say hello to \(topic) ✨", "You asked, we listened: \(topic).", "Guess what is new? \(topic) 👀"]
        let voice = (brief.brandVoice ?? "").lowercased()
        let playful = voice.contains("playful") || voice.contains("fun") || voice.contains("friendly") || voice.contains("warm")
        return pick(playful && !formal && !noEmoji ? lively + plain : plain, 1) ?? "\(topic)."
    }

    private var points: [String] {
        if !brief.keyPoints.isEmpty { return brief.keyPoints.map { Self.sentence($0) } }
        var lines = ["Made with care for \(brief.audience ?? "people who care about the details").",
                     "Built on what \(brief.industry.map { "the \($0) community" } ?? "our community") told us."]
        lines += [pick(["Small details make the difference.", "Quality you can notice from the first try.",
                        "Thoughtful choices, start to finish.", "Honest work, done properly."], 2)].compactMap { $0 }
        return lines.filter { !wasCut($0) }
    }

    private var close: String? {
        let soft = ["What would you add?", "Tell us what you think.", "Questions? Ask us below.", "Share it with someone who would like it."]
        let sales = ["Order today.", "Shop now while it lasts.", "Don't miss out: get yours now.", "Limited offer: buy today."]
        return pick(noSales ? soft : soft + sales, 3)
    }

    private var preferred: String? {
        brief.prefer.first.map { Self.sentence($0) }
    }

    /// Words that make no tag.
    static let stopwords: Set<String> = ["the", "and", "for", "with", "our", "new", "your", "you", "are", "this", "that", "from",
                                         "into", "about", "what", "how", "why", "its", "all", "more", "most", "now", "just", "get",
                                         "without", "every", "single", "their", "there", "which", "when", "will", "have", "been"]

    private func hashtags(limit: Int?) -> [String] {
        func words(_ text: String) -> [String] {
            text.split { !$0.isLetter && !$0.isNumber }.map { $0.lowercased() }.filter { $0.count > 2 && !Self.stopwords.contains($0) }
        }
        let subject = words(topic)
        var tags: [String] = []
        if subject.count > 1 { tags.append("#" + subject.prefix(2).map(\.capitalized).joined()) }
        for word in subject + words(brief.industry ?? "") where !tags.contains("#" + word) { tags.append("#" + word) }
        return Array(tags.prefix(min(limit ?? 4, fewerTags ? 1 : short ? 2 : 4)))
    }

    private func draft(for platform: Platform, limit: Int, maxHashtags: Int?) -> (String, [String]) {
        let tags = hashtags(limit: maxHashtags)
        var body = [hook]
        switch platform {
        case .twitter, .tiktok: body += points.prefix(short ? 0 : 1)
        case .instagram, .facebook: body += points.prefix(short ? 1 : 2)
        case .linkedin: body += short ? Array(points.prefix(1)) : points
        }
        if let preferred { body.append(preferred) }
        if let close { body.append(close) }
        var parts = body
        let rules = PlatformRules.of(platform)
        let separator = platform == .linkedin || platform == .instagram ? "\n\n" : " "
        func compose() -> String { parts.joined(separator: separator) + (tags.isEmpty ? "" : separator + tags.joined(separator: " ")) }
        var text = compose()
        // Fit the platform's limit in its own counting: drop middle lines first, then trim words.
        while rules.count(text) > limit, parts.count > 2 {
            parts.remove(at: parts.count - 2)
            text = compose()
        }
        while rules.count(text) > limit, let space = text.lastIndex(of: " ") {
            text = String(text[..<space])
        }
        if noEmoji { text = String(text.unicodeScalars.filter { !$0.properties.isEmojiPresentation }.map(Character.init)) }
        return (text, tags)
    }

    private func confidence(for platform: Platform) -> Double {
        let base = 0.62 + Double(seed % 17) / 100
        return min(0.95, base + (brief.keyPoints.isEmpty ? 0 : 0.1) + (brief.avoid.isEmpty ? 0 : 0.03))
    }

    private var imageBrief: String {
        let mood = formal ? "clean, well lit, neutral background" : "warm natural light, candid, close up"
        return "A photo about \(topic)\(brief.industry.map { " for a \($0) brand" } ?? ""): \(mood); no text in the image."
    }

    static func sentence(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = t.last else { return t }
        return ".!?".contains(last) ? t : t + "."
    }
}
