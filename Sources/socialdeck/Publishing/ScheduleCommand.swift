import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

extension PublishJobState: ExpressibleByArgument {}

/// `socialdeck schedule`: the publish jobs, and the switch that pauses them all.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "See and settle publish jobs; pause or resume all publishing.",
        subcommands: [List.self, Retry.self, Cancel.self, Check.self, Pause.self, Resume.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List publish jobs, soonest first.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Only this organization (its slug).", valueName: "slug")) var org: String?
        @Option(help: "Only jobs in this state: queued, publishing, published, failed, needs_check, missed, expired or cancelled.")
        var state: [PublishJobState] = []
        @Option(help: "At most this many.") var limit = 100

        func run() throws {
            let db = try store.open()
            let orgId = try org.map { try ScheduleCommand.organization($0, in: db) }
            let jobs = try PublishJobs(store: db).list(for: .localOperator(), organizationId: orgId, states: Set(state), limit: limit)
            var rows = [["JOB", "DUE (UTC)", "PLATFORM", "ACCOUNT", "STATE", "TRIES", "DETAIL"]]
            for job in jobs {
                let account = job.account.map { ($0.live ? "" : "sandbox ") + $0.accountName } ?? "none"
                let detail = job.state == .published ? (job.permalink ?? job.platformPostId ?? "")
                    : job.state == .queued && job.nextAttemptAt > job.dueAt ? "next try \(ISODate.string(from: job.nextAttemptAt))"
                    : job.lastError ?? ""
                rows.append([job._id.hex, ISODate.string(from: job.dueAt), job.platform.displayName, account,
                             job.state.rawValue, String(job.attempts), String(detail.prefix(120))])
            }
            print(Table.render(rows))
            let paused = try PublishingSwitch(store: db).state()
            if paused.paused { print("Publishing is paused: \(SafeText.escapingControls(paused.reason ?? "")).") }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "retry", abstract: "Send a failed, missed, expired or cancelled job again, now.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The job's id, as `schedule list` shows it.") var job: String

        func run() throws {
            let db = try store.open()
            let done = try PublishJobs(store: db).retry(try ScheduleCommand.jobId(job), by: .localOperator())
            print("Queued \(done.platform.displayName) job \(done._id.hex) to go out now.")
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Stop a job from being sent; its post goes back to draft there.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The job's id, as `schedule list` shows it.") var job: String

        func run() throws {
            let db = try store.open()
            let done = try PublishJobs(store: db).cancel(try ScheduleCommand.jobId(job), by: .localOperator())
            print("Cancelled \(done.platform.displayName) job \(done._id.hex).")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "Settle a needs_check job once you have looked at the platform.",
            discussion: "Say --published if the post is there (with --permalink when you have its address), or --not-published to send it again now.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The job's id, as `schedule list` shows it.") var job: String
        @Flag(name: .customLong("published"), help: "The post is on the platform.") var published = false
        @Flag(name: .customLong("not-published"), help: "The post is not there: send it again.") var notPublished = false
        @Option(help: ArgumentHelp("The post's https:// address on the platform.", valueName: "url")) var permalink: String?

        func validate() throws {
            guard published != notPublished else { throw ValidationError("say --published or --not-published") }
            if permalink != nil && !published { throw ValidationError("--permalink goes with --published") }
        }

        func run() throws {
            let db = try store.open()
            let done = try PublishJobs(store: db).check(try ScheduleCommand.jobId(job), published: published, permalink: permalink,
                                                        by: .localOperator())
            print(published ? "Marked \(done._id.hex) published." : "Queued \(done._id.hex) to go out again now.")
        }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause all publishing (maintenance); every dashboard shows it.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Why, shown in every dashboard's header.") var reason: String

        func run() throws {
            try PublishingSwitch(store: try store.open()).set(paused: true, reason: reason, by: .localOperator())
            print("Publishing is paused. `socialdeck schedule resume` starts it again.")
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume publishing after a pause.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            try PublishingSwitch(store: try store.open()).set(paused: false, reason: nil, by: .localOperator())
            print("Publishing resumed; posts more than the missed window late are not sent.")
        }
    }

    static func jobId(_ text: String) throws -> ObjectId {
        try objectId(text, what: "job", listedBy: "schedule list")
    }

    static func objectId(_ text: String, what: String, listedBy list: String? = nil) throws -> ObjectId {
        guard let id = ObjectId(hex: text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("a \(what) id is 24 hexadecimal characters" + (list.map { ", as `socialdeck \($0)` shows" } ?? ""))
        }
        return id
    }

    static func organization(_ slug: String, in db: any DocumentStore) throws -> ObjectId {
        guard let org = try ModelCollection(db, Organization.self).first(.eq("slug", slug)) else {
            throw CoreError.notFound("organization \(slug)")
        }
        return org._id
    }
}
