import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

/// `socialdeck agents run TASK --org SLUG`: one agent task now. Drafts are written with
/// the model `[llm]` names (the offline writer by default) and wait in the approval queue.
struct AgentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents", abstract: "Run the AI agents' tasks and manage the agents.",
        subcommands: [Run.self, List.self, Costs.self, Configure.self, Enable.self, Disable.self, Restart.self, Org.self])

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case generateContent = "generate-content"
        case draftPlanned = "draft-planned"
        case suggestHashtags = "suggest-hashtags"
        case optimize
        case analyzeUserBehavior = "analyze-user-behavior"
        case analyzeContentPerformance = "analyze-content-performance"
        case identifyTrends = "identify-trends"
        case generateInsights = "generate-insights"
        case writeStrategy = "write-strategy"
        case reviseStrategy = "revise-strategy"
        case planCalendar = "plan-calendar"
        case bestTimes = "best-times"
        case triageComments = "triage-comments"
        case buildRollups = "build-rollups"
        case weeklyReport = "weekly-report"
        case scheduleApproved = "schedule-approved"
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Run one agent task for an organization.",
            discussion: """
            Content: generate-content writes one draft per platform for each --topic (several make a batch) into the approval \
            queue; draft-planned drafts the next --count posts of the content calendar plan at their planned times; \
            suggest-hashtags suggests tags for --text on --platform; optimize writes an improved copy of --post for approval.
            Intelligence: analyze-user-behavior, analyze-content-performance, identify-trends and generate-insights read the \
            organization's published posts over --days and keep their summary in the agents' memory.
            Strategy: write-strategy and revise-strategy (from the newest insights) keep a versioned content strategy; \
            plan-calendar plans the next --days days from it; best-times scores each weekday and hour and keeps the result \
            as the posting schedule. Engagement: triage-comments sorts new comments (see `socialdeck comments`) and drafts \
            replies for approval. Execution: schedule-approved places approved posts without a time into the best free slots.
            """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The task.") var task: Task
        @Option(help: ArgumentHelp("The organization (its slug).", valueName: "slug")) var org: String
        @Option(name: .customLong("topic"), help: "What the posts are about (generate-content; repeat for a batch).") var topics: [String] = []
        @Option(name: .customLong("point"), help: ArgumentHelp("A point the posts should make (repeatable).", valueName: "text"))
        var points: [String] = []
        @Option(help: ArgumentHelp("Comma-separated: facebook, instagram, x, linkedin, tiktok.", valueName: "list"))
        var platforms = "x,linkedin,facebook"
        @Option(help: ArgumentHelp("One platform (best-times, suggest-hashtags, optimize).", valueName: "platform")) var platform: Platform?
        @Option(help: ArgumentHelp("best-times: the time zone the hours are in (default: the organization admin's).", valueName: "zone"))
        var tz: String?
        @Option(help: "suggest-hashtags: the post's text.") var text: String?
        @Option(help: ArgumentHelp("optimize: the post's id.", valueName: "id")) var post: String?
        @Option(help: "Days to look back (intelligence, default 30) or to plan (plan-calendar, default 14).") var days: Int?
        @Option(help: "draft-planned: how many planned posts.") var count = 5

        func validate() throws {
            if task == .generateContent && topics.isEmpty { throw ValidationError("generate-content needs --topic") }
            if task == .suggestHashtags && (text == nil || platform == nil) { throw ValidationError("suggest-hashtags needs --text and --platform") }
            if task == .optimize && post.flatMap(ObjectId.init(hex:)) == nil { throw ValidationError("optimize needs --post and a post id") }
            if let tz, TimeZone(identifier: tz) == nil { throw ValidationError("unknown time zone \(tz)") }
        }

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let configuration = Configuration.load(environment: environment)
            for problem in configuration.problems { FileHandle.standardError.write(Data("config: \(problem)\n".utf8)) }
            let db = try store.open()
            let orgId = try ScheduleCommand.organization(org, in: db)
            let client = try configuration.llm.client(environment: environment, store: db)
            let me = Identity.localOperator()
            switch task {
            case .generateContent:
                let batch = try ContentAgent(store: db, client: client).batch(topics: topics, platforms: try chosenPlatforms(), organizationId: orgId, by: me)
                try AgentsOutput.batch(batch, single: topics.count == 1)
            case .draftPlanned:
                try AgentsOutput.batch(try ContentAgent(store: db, client: client).draftPlanned(organizationId: orgId, count: count, by: me), single: false)
            case .suggestHashtags:
                let (tags, run) = try ContentAgent(store: db, client: client).suggestHashtags(for: text ?? "", on: platform ?? .instagram, organizationId: orgId, by: me)
                print(tags.isEmpty ? "No hashtag to suggest." : Table.render([["TAG", "WHY"]] + tags.map { [$0.tag, $0.reason] }))
                AgentsOutput.cost(run)
            case .optimize:
                let made = try ContentAgent(store: db, client: client).optimize(ObjectId(hex: post ?? "")!, platform: platform, by: me)
                if let copy = made.post {
                    print("An improved copy waits for approval (\(copy._id.hex)):")
                    print(SafeText.escapingControls(copy.content.text).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
                } else {
                    print("Nothing to improve.")
                }
                for change in made.changes { print("  - \(SafeText.escapingControls(change))") }
                AgentsOutput.cost(made.run)
            case .analyzeUserBehavior, .analyzeContentPerformance, .identifyTrends, .generateInsights:
                let kind = IntelligenceAgent.Task(rawValue: task.rawValue.replacingOccurrences(of: "-", with: "_"))!
                AgentsOutput.report(try IntelligenceAgent(store: db, client: client).run(kind, organizationId: orgId, days: days ?? 30, by: me))
            case .writeStrategy, .reviseStrategy:
                let strategy = try StrategyAgent(store: db, client: client).writeStrategy(for: orgId, revise: task == .reviseStrategy, by: me)
                AgentsOutput.strategy(strategy)
            case .planCalendar:
                AgentsOutput.plan(try StrategyAgent(store: db, client: client).planCalendar(for: orgId, days: days ?? 14, by: me))
            case .triageComments:
                let outcome = try EngagementAgent(store: db, client: client).triage(orgId, by: me)
                let counts = Dictionary(grouping: outcome.triaged.values, by: { $0 }).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
                print(outcome.triaged.isEmpty ? "No new comment to sort." : "Sorted \(outcome.triaged.count) comment(s): \(counts.joined(separator: ", ")); "
                      + "\(outcome.replies.count) repl\(outcome.replies.count == 1 ? "y waits" : "ies wait") for approval; \(outcome.waiting) still new.")
                if let run = outcome.run { AgentsOutput.cost(run) }
            case .buildRollups:
                let changed = try AnalyticsAgent(store: db, client: client).buildDailyRollups(for: orgId, days: days ?? 2, by: me)
                print("Recounted the last \(days ?? 2) days' rollups; \(changed) had changed.")
            case .weeklyReport:
                guard let record = try AnalyticsAgent(store: db, client: client).weeklyReport(for: orgId, by: me), let words = record.report else {
                    print("Last week's report is already written.")
                    return
                }
                print(AgentsOutput.safe(words.title))
                print(AgentsOutput.safe(words.summary))
                for h in words.highlights { print("  • \(AgentsOutput.safe(h))") }
                for n in words.nextWeek { print("  → \(AgentsOutput.safe(n))") }
            case .bestTimes:
                try bestTimes(db, orgId)
            case .scheduleApproved:
                try scheduleApproved(db, orgId)
            }
        }

        func chosenPlatforms() throws -> [Platform] {
            try platforms.split(separator: ",").map { name -> Platform in
                guard let p = Platform(argument: String(name).trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("unknown platform '\(name)'; use facebook, instagram, x, linkedin or tiktok")
                }
                return p
            }
        }

        /// `--tz`, or else the organization admin's zone.
        func zone(of orgId: ObjectId, in db: any DocumentStore) throws -> TimeZone {
            try tz.flatMap(TimeZone.init(identifier:)) ?? OrganizationAdmin.timeZone(of: orgId, in: db)
        }

        func scheduleApproved(_ db: any DocumentStore, _ orgId: ObjectId) throws {
            let zone = try zone(of: orgId, in: db)
            let placed = try SlotPlacement(store: db).place(for: orgId, timeZone: zone, by: .localOperator())
            print(placed.isEmpty ? "No approved post is waiting for a time (or no free slot in the next two weeks)."
                  : "Placed \(placed.count) approved post\(placed.count == 1 ? "" : "s"):")
            for p in placed { print("  \(p.platform.displayName)  \(ISODate.string(from: p.at))  \(p.postId.hex)") }
        }

        func bestTimes(_ db: any DocumentStore, _ orgId: ObjectId) throws {
            let zone = try zone(of: orgId, in: db)
            let result = try PostingTimes(store: db).plan(for: orgId, platform: platform, timeZone: zone, by: .localOperator())
            let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            var rows = [["WHEN (\(zone.identifier))", "SCORE", "POSTS"]]
            for slot in result.slots {
                rows.append(["\(days[slot.weekday - 1]) \(String(format: "%02d:00", slot.hour))", String(format: "%.2f%%", slot.score * 100), String(slot.posts)])
            }
            print(result.slots.isEmpty ? "No published post has metrics yet; nothing to score." : Table.render(rows))
            print(result.ownHistory ? "From \(result.basis) of the organization's published posts." : "Note: \(result.note ?? "").")
        }
    }
}
