import Foundation
import SocialdeckModel

/// One thing the intelligence agent found in an organization's own figures: computed
/// here, so a model (or the offline writer) words it and never has to invent a number.
struct Finding: Codable, Equatable, Sendable {
    var title: String
    var detail: String
    /// 0…1: how much the finding rests on (more posts, bigger gaps: more).
    var weight: Double
    var recommendation: String?

    /// By ISO weekday, Monday first.
    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func percent(_ rate: Double) -> String { String(format: "%.1f%%", rate * 100) }

    /// Engagement per view by platform, by weekday and by time of day, in the organization's zone.
    static func behaviour(_ history: PublishedHistory, timeZone: TimeZone) -> [Finding] {
        let entries = history.entries
        guard entries.count >= 3 else { return [] }
        let overall = PublishedHistory.rate(entries)
        var findings: [Finding] = []
        let byPlatform = Dictionary(grouping: entries, by: \.platform).filter { $0.value.count >= 2 }
        if let best = byPlatform.max(by: { PublishedHistory.rate($0.value) < PublishedHistory.rate($1.value) }), byPlatform.count > 1 {
            let rate = PublishedHistory.rate(best.value)
            findings.append(Finding(title: "\(best.key.displayName) engages best",
                                    detail: "\(best.key.displayName) drew \(percent(rate)) engagement per view over \(best.value.count) posts, against \(percent(overall)) overall.",
                                    weight: weight(best.value.count, gap: rate / max(overall, 0.0001)),
                                    recommendation: "Give \(best.key.displayName) more of the week's posts."))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let byDay = Dictionary(grouping: entries) { calendar.isoWeekday(of: $0.publishedAt) }.filter { $0.value.count >= 2 }
        if let best = byDay.max(by: { PublishedHistory.rate($0.value) < PublishedHistory.rate($1.value) }), byDay.count > 1 {
            let name = Self.dayNames[best.key - 1]
            let rate = PublishedHistory.rate(best.value)
            findings.append(Finding(title: "\(name)s are the strongest day",
                                    detail: "Posts on \(name)s drew \(percent(rate)) per view (\(best.value.count) posts), against \(percent(overall)) on average.",
                                    weight: weight(best.value.count, gap: rate / max(overall, 0.0001)),
                                    recommendation: "Keep the most important post of the week for a \(name)."))
        }
        let bands = [(0..<12, "mornings (before noon)"), (12..<17, "afternoons (noon to 5 pm)"), (17..<24, "evenings (after 5 pm)")]
        let byBand = Dictionary(grouping: entries) { e in bands.firstIndex { $0.0.contains(calendar.component(.hour, from: e.publishedAt)) } ?? 0 }
            .filter { $0.value.count >= 2 }
        if byBand.count > 1, let best = byBand.max(by: { PublishedHistory.rate($0.value) < PublishedHistory.rate($1.value) }),
           let worst = byBand.min(by: { PublishedHistory.rate($0.value) < PublishedHistory.rate($1.value) }) {
            let (b, w) = (PublishedHistory.rate(best.value), PublishedHistory.rate(worst.value))
            findings.append(Finding(title: "The audience is most active in the \(bands[best.key].1.split(separator: " ")[0])",
                                    detail: "\(bands[best.key].1.capitalized) drew \(percent(b)) per view, \(bands[worst.key].1) \(percent(w)).",
                                    weight: weight(best.value.count, gap: b / max(w, 0.0001)),
                                    recommendation: "Move posts from \(bands[worst.key].1) to \(bands[best.key].1)."))
        }
        return findings
    }

    /// The best posts, and how the agents' drafts do next to people's.
    static func performance(_ history: PublishedHistory) -> [Finding] {
        guard !history.posts.isEmpty else {
            return [Finding(title: "Nothing to learn from yet", detail: "No published post has metrics in the period.", weight: 0.1,
                            recommendation: "Publish a few posts; the agents learn from their results.")]
        }
        var findings: [Finding] = []
        let sorted = history.posts.sorted { $0.rate > $1.rate }
        let top = sorted.prefix(3).map { "“\($0.title)” \(percent($0.rate))" }.joined(separator: ", ")
        findings.append(Finding(title: "Best posts", detail: "\(history.posts.count) posts published; the best: \(top).",
                                weight: weight(history.posts.count, gap: 1.5),
                                recommendation: "Write more on the subjects of the best posts."))
        let ai = history.posts.filter(\.aiGenerated), people = history.posts.filter { !$0.aiGenerated }
        if ai.count >= 2 && people.count >= 2 {
            let (a, h) = (PublishedHistory.rate(ai.flatMap(\.entries)), PublishedHistory.rate(people.flatMap(\.entries)))
            findings.append(Finding(title: a >= h ? "Agent drafts hold up" : "People's posts do better",
                                    detail: "Approved agent drafts drew \(percent(a)) per view over \(ai.count) posts; posts people wrote \(percent(h)) over \(people.count).",
                                    weight: weight(min(ai.count, people.count), gap: max(a, h) / max(min(a, h), 0.0001)),
                                    recommendation: a >= h ? nil : "Edit agent drafts closer to what people write; the edits teach the agents."))
        }
        return findings
    }

    /// Hashtags used more, and doing better, in `recent` than in `earlier`.
    static func trends(recent: PublishedHistory, earlier: PublishedHistory) -> [Finding] {
        func tally(_ h: PublishedHistory) -> [String: (posts: Int, entries: [PublishedEntry])] {
            var t: [String: (posts: Int, entries: [PublishedEntry])] = [:]
            for post in h.posts { for tag in Set(post.hashtags) { t[tag, default: (0, [])].posts += 1; t[tag, default: (0, [])].entries += post.entries } }
            return t
        }
        let now = tally(recent), before = tally(earlier)
        let overall = PublishedHistory.rate(recent.entries)
        let rising = now.filter { $0.value.posts >= 2 && $0.value.posts > (before[$0.key]?.posts ?? 0) }
            .sorted { ($0.value.posts - (before[$0.key]?.posts ?? 0), $0.key) > ($1.value.posts - (before[$1.key]?.posts ?? 0), $1.key) }
        var findings = rising.prefix(3).map { tag, value in
            let rate = PublishedHistory.rate(value.entries)
            let was = before[tag]?.posts ?? 0
            return Finding(title: "\(tag) is rising", detail: "\(tag): \(value.posts) posts in the period, \(was) in the one before; \(percent(rate)) per view against \(percent(overall)) overall.",
                           weight: weight(value.posts, gap: rate / max(overall, 0.0001)),
                           recommendation: rate >= overall ? "Keep using \(tag) while it draws." : nil)
        }
        let fading = before.filter { $0.value.posts >= 2 && (now[$0.key]?.posts ?? 0) == 0 }.keys.sorted().prefix(2)
        if !fading.isEmpty {
            findings.append(Finding(title: "Fading tags", detail: "Not used this period after \(fading.count == 1 ? "regular use" : "regular use each"): \(fading.joined(separator: ", ")).",
                                    weight: 0.3, recommendation: nil))
        }
        return findings
    }

    /// More posts and a bigger gap make a finding weigh more.
    static func weight(_ posts: Int, gap: Double) -> Double {
        let support = min(1, Double(posts) / 20)
        let size = min(1, abs(gap - 1))
        return (0.2 + 0.5 * support + 0.3 * size).rounded(toPlaces: 2)
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
