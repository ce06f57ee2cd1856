import Foundation
import SocialdeckModel

/// What the strategy agent hands its model to plan a content calendar: the days to fill
/// (dates in the organization's zone), the strategy's pillars and cadence, and the best
/// hours to post. The answer is one entry per planned post.
struct CalendarBrief: Codable, Equatable {
    struct Slot: Codable, Equatable {
        var weekday: Int
        var hour: Int
    }

    var organization: String
    /// The days, "YYYY-MM-DD", first to last.
    var dates: [String]
    /// ISO weekday of each date.
    var weekdays: [Int]
    var timeZone: String
    var pillars: [StrategyBrief.Pillar]
    var cadence: [StrategyBrief.Cadence]
    var bestSlots: [Slot]

    static let schemaName = "content_calendar"
    static let schema = """
    {"type":"object","required":["entries"],"additionalProperties":false,"properties":{
    "entries":{"type":"array","maxItems":300,"items":{"type":"object","required":["date","time","platform","pillar","topic"],"properties":{
    "date":{"type":"string","minLength":10,"maxLength":10},"time":{"type":"string","minLength":5,"maxLength":5},
    "platform":{"type":"string","enum":["facebook","instagram","twitter","linkedin","tiktok"]},
    "pillar":{"type":"string","maxLength":80},"topic":{"type":"string","minLength":1,"maxLength":200}}}}}}
    """

    /// The offline writer's plan: each platform's posts a week spread evenly over the
    /// days, at the best hour known for that weekday (else mid-morning), pillars taken in
    /// proportion to their shares and their example topics in turn.
    var offlineAnswer: [String: Any] {
        var entries: [[String: Any]] = []
        let weeks = Double(dates.count) / 7
        var pillarTurns = pillars.flatMap { p in Array(repeating: p, count: max(1, Int((p.share * 20).rounded()))) }
        if pillarTurns.isEmpty { pillarTurns = [StrategyBrief.Pillar(name: "General", share: 1, description: "", exampleTopics: ["News from \(organization)"])] }
        var turn = 0
        var topicTurn: [String: Int] = [:]
        for (index, c) in cadence.enumerated() where c.postsPerWeek > 0 {
            let count = max(1, Int((Double(c.postsPerWeek) * weeks).rounded()))
            for n in 0..<min(count, dates.count) {
                let day = Int(Double(n) * Double(dates.count) / Double(count) + Double(index) * 0.37) % dates.count
                let hour = bestSlots.first { $0.weekday == weekdays[day] }?.hour ?? bestSlots.first?.hour ?? 10
                let pillar = pillarTurns[(turn * 7) % pillarTurns.count]
                turn += 1
                let topics = pillar.exampleTopics.isEmpty ? [pillar.name] : pillar.exampleTopics
                let t = topicTurn[pillar.name, default: 0]
                topicTurn[pillar.name] = t + 1
                entries.append(["date": dates[day], "time": String(format: "%02d:00", hour), "platform": c.platform,
                                "pillar": pillar.name, "topic": topics[t % topics.count]])
            }
        }
        entries.sort { ($0["date"] as! String, $0["time"] as! String, $0["platform"] as! String) < ($1["date"] as! String, $1["time"] as! String, $1["platform"] as! String) }
        return ["entries": entries]
    }
}
