import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal

/// How `agents run` prints what a task made. Everything an agent or a model wrote goes
/// through the sanitiser on its way to the terminal.
enum AgentsOutput {
    static func safe(_ text: String) -> String { SafeText.escapingControls(text) }

    static func batch(_ batch: ContentAgent.Batch, single: Bool) throws {
        if single, let failure = batch.failed.first, batch.made.isEmpty { throw CoreError.invalid(failure.error) }
        for made in batch.made { drafts(made) }
        for failure in batch.failed { print("Not drafted: \(safe(failure.topic)): \(safe(failure.error))") }
        if batch.stoppedAtLimit { print("Stopped: the plan's AI generations or posts for this month are used up.") }
        if batch.made.isEmpty && batch.failed.isEmpty && !batch.stoppedAtLimit { print("Nothing to draft: no planned post ahead is waiting for a draft.") }
        if !single && batch.made.count + batch.failed.count > 1 {
            print("\(batch.made.count) topic(s) drafted, \(batch.failed.count) failed.")
        }
    }

    static func drafts(_ made: ContentAgent.Drafts) {
        let tag = made.run.provider == "offline" ? " (offline writer)" : ""
        print("The content agent wrote \(made.posts.count) draft\(made.posts.count == 1 ? "" : "s") for approval with \(made.run.model ?? "?")\(tag):")
        for post in made.posts {
            let entry = post.platforms[0]
            let check = PostCheck(text: post.content.text, on: entry.platform)
            let first = post.content.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let when = entry.scheduledAt.map { " at " + ISODate.string(from: $0) } ?? ""
            print("  \(entry.platform.displayName) \(check.count)/\(check.limit)\(when)  \(safe(String(first.prefix(70))))")
        }
        for refusal in made.refused { print("  not saved: \(safe(refusal))") }
        if let image = made.image { print("  image: \(safe(image.url))") }
        if let why = made.imageError { print("  no image: \(safe(why))") }
        if let limit = made.generationsLimit { print("\(made.generationsUsed) of the plan's \(limit) AI generations used this month.") }
        cost(made.run)
    }

    static func cost(_ run: AgentRun) {
        print(String(format: "Run %@: %d tokens in, %d out, $%.6f, %.0f ms.", run._id.hex, run.promptTokens, run.completionTokens, run.cost, run.durationMs))
    }

    static func report(_ report: IntelligenceAgent.Report) {
        print(safe(report.summary))
        for insight in report.insights { print("  • \(safe(insight.title)): \(safe(insight.detail))") }
        if !report.recommendations.isEmpty { print("Recommendations:") }
        for r in report.recommendations { print("  - \(safe(r))") }
        cost(report.run)
    }

    static func strategy(_ strategy: Strategy) {
        print("Content strategy, version \(strategy.version):")
        print("  " + safe(strategy.strategy["summary"]?.stringValue ?? ""))
        var rows = [["PILLAR", "SHARE", "EXAMPLE TOPICS"]]
        if case .array(let pillars)? = strategy.strategy["pillars"] {
            for p in pillars.compactMap(\.documentValue) {
                let topics: [String] = { if case .array(let t)? = p["exampleTopics"] { return t.compactMap(\.stringValue) }; return [] }()
                rows.append([p["name"]?.stringValue ?? "", String(format: "%.0f%%", (p["share"]?.doubleValue ?? 0) * 100),
                             topics.prefix(2).joined(separator: "; ")])
            }
        }
        print(Table.render(rows.map { $0.map(safe) }))
        if case .array(let cadence)? = strategy.strategy["cadence"] {
            let parts = cadence.compactMap(\.documentValue).map { c in
                "\(c["platform"]?.stringValue.flatMap(Platform.init(rawValue:))?.displayName ?? "?") \(c["postsPerWeek"]?.doubleValue.map { Int($0) } ?? 0)"
            }
            print("Posts a week: " + parts.joined(separator: ", "))
        }
    }

    static func plan(_ plan: ContentCalendarPlan) {
        guard case .array(let entries)? = plan.calendar["entries"] else { return }
        print("Planned \(entries.count) posts over \(plan.period_days) days (\(plan.calendar["timezone"]?.stringValue ?? "UTC")):")
        var rows = [["DATE", "TIME", "PLATFORM", "PILLAR", "TOPIC"]]
        for e in entries.compactMap(\.documentValue) {
            rows.append(["date", "time", "platform", "pillar", "topic"].map { e[$0]?.stringValue ?? "" })
        }
        print(Table.render(rows.map { $0.map(safe) }))
    }
}
