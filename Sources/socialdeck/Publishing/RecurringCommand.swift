import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// `socialdeck recurring`: posts that come round again, and the agents' standard workflows.
struct RecurringCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recurring", abstract: "Repeat posts every N days or in weekly slots; list, pause, resume and remove schedules.",
        subcommands: [Add.self, List.self, Pause.self, Resume.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Repeat a post. Each run copies it as it is now, a day before its time; an approved post's runs are approved.",
            discussion: "Times are wall-clock times in --tz: a 09:00 Europe/Berlin slot stays 09:00 in Berlin across daylight saving.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The post's id.") var post: String
        @Option(help: ArgumentHelp("Weekly slots, such as \"mon 09:00, thu 17:30\".", valueName: "slots")) var weekly: String?
        @Option(help: ArgumentHelp("Every this many days (with --at).", valueName: "days")) var every: Int?
        @Option(help: ArgumentHelp("The time of day for --every, such as 09:00.", valueName: "time")) var at: String?
        @Option(help: ArgumentHelp("The first day for --every (default: today in --tz).", valueName: "yyyy-mm-dd")) var from: String?
        @Option(help: ArgumentHelp("IANA time zone (default: the post's author's).", valueName: "zone")) var tz: String?

        func validate() throws {
            guard (weekly == nil) != (every == nil) else { throw ValidationError("say --weekly SLOTS or --every DAYS --at TIME") }
            if every != nil && at == nil { throw ValidationError("--every needs --at, such as --at 09:00") }
            if let weekly, RecurrenceRule.slots(parsing: weekly) == nil {
                throw ValidationError("cannot read the slots '\(weekly)'; write them as \"mon 09:00, thu 17:30\"")
            }
            if let at, RecurrenceRule.LocalTime(parsing: at) == nil { throw ValidationError("cannot read the time '\(at)'; write it as 09:00") }
        }

        func run() throws {
            let db = try store.open()
            let id = try ScheduleCommand.objectId(post, what: "post")
            guard let content = try ModelCollection(db, Content.self).get(id) else { throw CoreError.notFound("post \(post)") }
            let zone = try tz ?? ModelCollection(db, User.self).get(content.userId)?.profile.timezone ?? "UTC"
            let rule: RecurrenceRule
            if let weekly {
                rule = .weekly(RecurrenceRule.slots(parsing: weekly)!, in: zone)
            } else {
                let today = DateFormatter()
                today.timeZone = TimeZone(identifier: zone)
                today.dateFormat = "yyyy-MM-dd"
                today.locale = Locale(identifier: "en_US_POSIX")
                rule = .every(every!, at: RecurrenceRule.LocalTime(parsing: at!)!, from: from ?? today.string(from: Date()), in: zone)
            }
            let schedule = try RecurringSchedules(store: db).repeatPost(id, rule: rule, by: .localOperator())
            print("Repeating “\(SafeText.escapingControls(schedule.name))” \(rule.summary), schedule \(schedule._id.hex); "
                  + "the first run is \(ISODate.string(from: schedule.nextRunAt))"
                  + (schedule.post?.approvedBy == nil ? "; each run waits for approval." : "."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List recurring schedules, soonest first.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Only this organization (its slug).", valueName: "slug")) var org: String?

        func run() throws {
            let db = try store.open()
            let orgId = try org.map { try ScheduleCommand.organization($0, in: db) }
            var rows = [["SCHEDULE", "KIND", "NAME", "WHEN", "NEXT (UTC)", "RUNS", "PASSED OVER", "STATE"]]
            for s in try RecurringSchedules(store: db).list(for: .localOperator(), organizationId: orgId) {
                rows.append([s._id.hex, s.kind == .post ? "post" : s.kind == .retention ? "data retention" : "workflow " + (s.workflow ?? ""), String(s.name.prefix(40)),
                             s.rule.summary, ISODate.string(from: s.nextRunAt), String(s.runs), String(s.skipped), s.active ? "active" : "paused"])
            }
            print(rows.count == 1 ? "Nothing recurs yet." : Table.render(rows))
        }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pause", abstract: "Stop a schedule's runs until it is resumed.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The schedule's id.") var schedule: String
        func run() throws {
            let s = try RecurringSchedules(store: try store.open()).setActive(false, try ScheduleCommand.objectId(schedule, what: "schedule", listedBy: "recurring list"), by: .localOperator())
            print("Paused “\(SafeText.escapingControls(s.name))”.")
        }
    }

    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "Start a paused schedule again from its next run after now.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The schedule's id.") var schedule: String
        func run() throws {
            let s = try RecurringSchedules(store: try store.open()).setActive(true, try ScheduleCommand.objectId(schedule, what: "schedule", listedBy: "recurring list"), by: .localOperator())
            print("Resumed “\(SafeText.escapingControls(s.name))”; the next run is \(ISODate.string(from: s.nextRunAt)).")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Delete a schedule; posts it already made stay.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The schedule's id.") var schedule: String
        func run() throws {
            try RecurringSchedules(store: try store.open()).remove(try ScheduleCommand.objectId(schedule, what: "schedule", listedBy: "recurring list"), by: .localOperator())
            print("Removed schedule \(schedule).")
        }
    }
}
