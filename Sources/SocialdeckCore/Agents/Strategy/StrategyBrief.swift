import Foundation
import SocialdeckModel

/// What the strategy agent hands its model to write or revise a content strategy: the
/// organization, what it sounds like and whom it speaks to, the newest insights, each
/// platform's engagement per view, its best posts, the strategy in force (when revising)
/// and what reviewers turned down.
struct StrategyBrief: Codable, Equatable {
    struct Pillar: Codable, Equatable {
        var name: String
        var share: Double
        var description: String
        var exampleTopics: [String]
    }

    struct Cadence: Codable, Equatable {
        var platform: String
        var postsPerWeek: Int
    }

    struct Plan: Codable, Equatable {
        var summary: String
        var pillars: [Pillar]
        var cadence: [Cadence]
        var goals: [String]
    }

    var task: String
    var organization: String
    var industry: String?
    var brandVoice: String?
    var audience: String?
    var insights: [String] = []
    /// Percent engagement per view, by platform name.
    var platformRates: [String: Double] = [:]
    var platforms: [String] = []
    var bestPosts: [String] = []
    var avoid: [String] = []
    var current: Plan?

    static let schemaName = "content_strategy"
    static let schema = """
    {"type":"object","required":["summary","pillars","cadence","goals"],"additionalProperties":false,"properties":{
    "summary":{"type":"string","minLength":1,"maxLength":1500},
    "pillars":{"type":"array","minItems":1,"maxItems":8,"items":{"type":"object","required":["name","share","description","exampleTopics"],"properties":{
    "name":{"type":"string","minLength":1,"maxLength":80},"share":{"type":"number","minimum":0,"maximum":1},
    "description":{"type":"string","maxLength":500},"exampleTopics":{"type":"array","items":{"type":"string","maxLength":200}}}}},
    "cadence":{"type":"array","items":{"type":"object","required":["platform","postsPerWeek"],"properties":{
    "platform":{"type":"string","enum":["facebook","instagram","twitter","linkedin","tiktok"]},
    "postsPerWeek":{"type":"integer","minimum":0,"maximum":35}}}},
    "goals":{"type":"array","items":{"type":"string","maxLength":300}}}}
    """

    /// The offline writer's strategy: four pillars from the organization's field and its
    /// best posts (no offers pillar when reviewers found drafts salesy), and a cadence
    /// that gives the best-engaging platforms the most posts.
    var offlineAnswer: [String: Any] {
        let field = industry ?? "your field"
        let salesy = avoid.joined(separator: " ").lowercased().contains("sales")
        var pillars = [
            Pillar(name: "Know-how", share: 0.35, description: "Useful, practical posts about \(field) that people save and share.",
                   exampleTopics: ["How we choose what we use", "Three mistakes people make with \(field)", "A question customers ask us often"]),
            Pillar(name: "Behind the scenes", share: 0.25, description: "The people and the work behind \(organization).",
                   exampleTopics: ["A morning with the team", "How a new product comes together", "The tools we rely on"]),
            Pillar(name: "Community", share: 0.25, description: "Customers, neighbours and partners, in their words.",
                   exampleTopics: ["A customer's story", "Thank you to our regulars", "What you told us this month"]),
        ]
        if !bestPosts.isEmpty { pillars[0].exampleTopics = Array((bestPosts.prefix(2) + pillars[0].exampleTopics).prefix(4)) }
        if !salesy {
            pillars.append(Pillar(name: "News and offers", share: 0.15, description: "What is new at \(organization), and the occasional offer.",
                                  exampleTopics: ["This month's news", "A seasonal offer"]))
        } else {
            pillars = pillars.map { var p = $0; p.share = ($0.share / 0.85).rounded(toPlaces: 2); return p }
        }
        let targets = platforms.isEmpty ? Platform.allCases.map(\.rawValue) : platforms
        let ranked = targets.sorted { (platformRates[$0] ?? 0, $1) > (platformRates[$1] ?? 0, $0) }
        let cadence = ranked.enumerated().map { i, p in ["platform": p, "postsPerWeek": i == 0 ? 5 : i < 3 ? 3 : 2] as [String: Any] }
        let lead = ranked.first.flatMap(Platform.init(rawValue:))?.displayName ?? "the best platform"
        var summary = current == nil ? "A strategy for \(organization) in four parts" : "\(organization)'s strategy, revised"
        summary += salesy ? " without a sales pillar, since reviewers found drafts salesy" : ""
        summary += "; \(lead) gets the most posts" + (platformRates.isEmpty ? "." : " as it engages best.")
        if let first = insights.first { summary += " From the newest insight: \(first)" }
        return ["summary": summary,
                "pillars": pillars.map { ["name": $0.name, "share": $0.share, "description": $0.description, "exampleTopics": $0.exampleTopics] },
                "cadence": cadence,
                "goals": ["Raise engagement per view on \(lead)", "Post on a steady rhythm every week", "Learn from every reviewed draft"]]
    }
}
