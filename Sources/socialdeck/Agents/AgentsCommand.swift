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
        case bestTimes = "best-times"
        case scheduleApproved = "schedule-approved"
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Run one agent task for an organization.",
            discussion: """
            generate-content writes one draft per platform for --topic into the approval queue. best-times scores each weekday \
            and hour from the organization's published posts (every organization's when it has too few) and keeps the result \
            as its posting schedule. schedule-approved places approved posts without a time into the best free slots.
            """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The task: generate-content.") var task: Task
        @Option(help: ArgumentHelp("The organization (its slug).", valueName: "slug")) var org: String
        @Option(help: "What the posts are about (generate-content).") var topic: String?
        @Option(name: .customLong("point"), help: ArgumentHelp("A point the posts should make (repeatable).", valueName: "text"))
        var points: [String] = []
        @Option(help: ArgumentHelp("Comma-separated: facebook, instagram, x, linkedin, tiktok.", valueName: "list"))
        var platforms = "x,linkedin,facebook"
        @Option(help: ArgumentHelp("best-times: one platform only.", valueName: "platform")) var platform: Platform?
        @Option(help: ArgumentHelp("best-times: the time zone the hours are in (default: the organization admin's).", valueName: "zone"))
        var tz: String?

        func validate() throws {
            if task == .generateContent && topic == nil { throw ValidationError("generate-content needs --topic") }
            if let tz, TimeZone(identifier: tz) == nil { throw ValidationError("unknown time zone \(tz)") }
        }

        func run() throws {
            if task == .bestTimes { return try bestTimes() }
            if task == .scheduleApproved { return try scheduleApproved() }
            let chosen = try platforms.split(separator: ",").map { name -> Platform in
                guard let p = Platform(argument: String(name).trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("unknown platform '\(name)'; use facebook, instagram, x, linkedin or tiktok")
                }
                return p
            }
            let configuration = Configuration.load(environment: ProcessInfo.processInfo.environment)
            for problem in configuration.problems { FileHandle.standardError.write(Data("config: \(problem)\n".utf8)) }
            let db = try store.open()
            let orgId = try ScheduleCommand.organization(org, in: db)
            let client = try configuration.llm.client(environment: ProcessInfo.processInfo.environment)
            let made = try ContentAgent(store: db, client: client).draft(topic: topic ?? "", keyPoints: points, platforms: chosen,
                                                                          organizationId: orgId, by: .localOperator())
            let tag = made.run.provider == "offline" ? " (offline writer)" : ""
            print("The content agent wrote \(made.posts.count) draft\(made.posts.count == 1 ? "" : "s") for approval with \(made.run.model ?? "?")\(tag):")
            for post in made.posts {
                let platform = post.platforms[0].platform
                let check = PostCheck(text: post.content.text, on: platform)
                let first = post.content.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                print("  \(platform.displayName) \(check.count)/\(check.limit)  \(SafeText.escapingControls(String(first.prefix(70))))")
            }
            for refusal in made.refused { print("  not saved: \(SafeText.escapingControls(refusal))") }
            if let limit = made.generationsLimit { print("\(made.generationsUsed) of the plan's \(limit) AI generations used this month.") }
            print(String(format: "Run %@: %d tokens in, %d out, $%.6f, %.0f ms.", made.run._id.hex, made.run.promptTokens,
                         made.run.completionTokens, made.run.cost, made.run.durationMs))
        }

        /// The organization, and `--tz` or else its admin's zone.
        func organizationAndZone(in db: any DocumentStore) throws -> (ObjectId, TimeZone) {
            let orgId = try ScheduleCommand.organization(org, in: db)
            return (orgId, try tz.flatMap(TimeZone.init(identifier:)) ?? OrganizationAdmin.timeZone(of: orgId, in: db))
        }

        func scheduleApproved() throws {
            let db = try store.open()
            let (orgId, zone) = try organizationAndZone(in: db)
            let placed = try SlotPlacement(store: db).place(for: orgId, timeZone: zone, by: .localOperator())
            print(placed.isEmpty ? "No approved post is waiting for a time (or no free slot in the next two weeks)."
                  : "Placed \(placed.count) approved post\(placed.count == 1 ? "" : "s"):")
            for p in placed { print("  \(p.platform.displayName)  \(ISODate.string(from: p.at))  \(p.postId.hex)") }
        }

        func bestTimes() throws {
            let db = try store.open()
            let (orgId, zone) = try organizationAndZone(in: db)
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
