import Foundation
import SocialdeckModel

/// What the content agent asks for, sent to every provider as JSON in the prompt (a
/// model reads it; the offline writer parses it): the topic, the organization's voice,
/// industry and audience, what people taught the agent, and each platform's limits.
public struct ContentBrief: Codable, Sendable, Equatable {
    public var topic: String
    public var keyPoints: [String] = []
    public var brandVoice: String?
    public var industry: String?
    public var audience: String?
    /// Learned from rejections and edits: what to steer clear of ("too salesy").
    public var avoid: [String] = []
    /// Learned from approvals and edits: what works for this organization.
    public var prefer: [String] = []
    /// Lines editors cut from earlier drafts: never written again.
    public var cut: [String] = []
    /// Lines editors added to earlier drafts: how the organization speaks.
    public var added: [String] = []
    /// What the agents remember that bears on the topic: insights, posts that did well.
    public var known: [String] = []
    public var platforms: [Target] = []

    public struct Target: Codable, Sendable, Equatable {
        public var platform: String
        public var limit: Int
        public var maxHashtags: Int?
        /// How the platform counts: "twitter-text weighted" or "UTF-16 code units".
        public var counting: String

        public init(_ platform: Platform) {
            let rules = PlatformRules.of(platform)
            self.platform = platform.rawValue
            limit = rules.textLimit
            maxHashtags = rules.hashtagLimit
            counting = rules.unit == .twitterWeighted ? "twitter-text weighted (URLs 23, emoji 2)" : "UTF-16 code units"
        }
    }

    public init(topic: String, platforms: [Platform]) {
        self.topic = topic
        self.platforms = platforms.map(Target.init)
    }

    static let schemaName = "content_drafts"
    /// One draft per platform, with its hashtags, a confidence and an image brief.
    static let schema = """
    {"type":"object","required":["drafts","imageBrief"],"additionalProperties":false,"properties":{
    "drafts":{"type":"array","minItems":1,"items":{"type":"object","required":["platform","text","confidence"],"properties":{
    "platform":{"type":"string","enum":["facebook","instagram","twitter","linkedin","tiktok"]},
    "text":{"type":"string","minLength":1,"maxLength":63206},
    "hashtags":{"type":"array","items":{"type":"string","maxLength":100}},
    "confidence":{"type":"number","minimum":0,"maximum":1}}}},
    "imageBrief":{"type":"string","maxLength":2000}}}
    """

    /// The brief as the prompt carries it.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
