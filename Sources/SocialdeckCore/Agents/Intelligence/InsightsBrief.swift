import Foundation

/// What the intelligence agent hands its model: the task, the organization, and the
/// findings computed from its figures. The answer words them as insights with
/// recommendations; it may not add numbers the findings do not hold.
struct InsightsBrief: Codable, Equatable {
    var task: String
    var organization: String
    var periodDays: Int
    var findings: [Finding]

    static let schemaName = "insights"
    static let schema = """
    {"type":"object","required":["summary","insights","recommendations"],"additionalProperties":false,"properties":{
    "summary":{"type":"string","minLength":1,"maxLength":1000},
    "insights":{"type":"array","items":{"type":"object","required":["title","detail","confidence"],"properties":{
    "title":{"type":"string","minLength":1,"maxLength":200},"detail":{"type":"string","maxLength":1000},
    "confidence":{"type":"number","minimum":0,"maximum":1}}}},
    "recommendations":{"type":"array","items":{"type":"string","maxLength":500}}}}
    """

    /// The offline writer's answer: the findings, strongest first, as they are.
    var offlineAnswer: [String: Any] {
        let ranked = findings.sorted { $0.weight > $1.weight }
        var recommendations: [String] = []
        for r in ranked.compactMap(\.recommendation) where !recommendations.contains(r) { recommendations.append(r) }
        let summary = ranked.first.map { "\(organization), last \(periodDays) days: \($0.detail)" + (ranked.count > 1 ? " \(ranked.count - 1) more finding\(ranked.count == 2 ? "" : "s") below." : "") }
            ?? "\(organization), last \(periodDays) days: too few published posts with metrics to say anything yet."
        return ["summary": summary,
                "insights": ranked.map { ["title": $0.title, "detail": $0.detail, "confidence": $0.weight] as [String: Any] },
                "recommendations": recommendations]
    }
}
