import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

extension SocialComment.Status: ExpressibleByArgument {}

/// `socialdeck comments import|list|dismiss`: the comments and mentions the engagement
/// agent sorts (`agents run triage-comments`), and their replies.
struct CommentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments", abstract: "Import and list the comments and mentions the engagement agent answers.",
        subcommands: [Import.self, Fetch.self, List.self, Dismiss.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import comments from a JSON file.",
            discussion: """
            The file is a JSON array of objects: platform (facebook, instagram, x, linkedin, tiktok), id (the platform's), \\
            author, text, receivedAt (ISO 8601), and optionally post (the socialdeck post it is on) and kind (comment or mention). \\
            A comment already imported is not added again; a bad record is named and the others are kept.
            """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The JSON file, or - for standard input.") var file: String
        @Option(help: ArgumentHelp("The organization (its slug).", valueName: "slug")) var org: String

        func run() throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let read = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
                data = read
            }
            let db = try store.open()
            let result = try CommentInbox(store: db).importComments(data, organizationId: try ScheduleCommand.organization(org, in: db), by: .localOperator())
            print("Imported \(result.added) comment(s); \(result.alreadyThere) were already there; \(result.refused.count) refused.")
            for why in result.refused { print("  \(SafeText.escapingControls(why))") }
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fetch", abstract: "Fetch new comments through the organization's live accounts.",
            discussion: "Facebook and Instagram comments on the posts of the last two weeks, and the X account's mentions. LinkedIn and TikTok comments are imported.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("The organization (its slug).", valueName: "slug")) var org: String

        func run() throws {
            let (db, vault, settings) = try SocialAccountsCommand.open(store)
            let fetcher = CommentFetcher(store: db, refresher: TokenRefresher(store: db, vault: vault, clients: settings.oauth), endpoints: settings.endpoints)
            let outcome = try fetcher.fetch(try ScheduleCommand.organization(org, in: db), by: .localOperator())
            print("Fetched \(outcome.added) new comment(s); \(outcome.alreadyThere) were already there.")
            for failure in outcome.failures { print("  not fetched: \(SafeText.escapingControls(failure))") }
            if !outcome.failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The organization's comments, newest first, with their triage and reply.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("The organization (its slug).", valueName: "slug")) var org: String
        @Option(help: "Only new, triaged or dismissed ones.") var status: SocialComment.Status?

        func run() throws {
            let db = try store.open()
            let entries = try CommentInbox(store: db).list(try ScheduleCommand.organization(org, in: db), status: status, by: .localOperator())
            var rows = [["COMMENT", "PLATFORM", "AUTHOR", "STATE", "KIND", "PRIORITY", "REPLY", "TEXT"]]
            for e in entries {
                let c = e.comment
                rows.append([c._id.hex, c.platform.displayName, String(c.author.prefix(20)), c.status.rawValue, c.triage?.category.rawValue ?? "",
                             c.triage.map { String($0.priority) } ?? "", e.replyState ?? "", String(c.text.prefix(50))])
            }
            print(entries.isEmpty ? "No comments." : Table.render(rows.map { $0.map(SafeText.escapingControls) }))
        }
    }

    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "dismiss", abstract: "Set a comment aside without a reply.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The comment's id, as `comments list` shows it.") var comment: String

        func run() throws {
            let id = try ScheduleCommand.objectId(comment, what: "comment", listedBy: "comments list")
            try CommentInbox(store: try store.open()).setStatus(id, to: .dismissed, by: .localOperator())
            print("Set aside.")
        }
    }
}
