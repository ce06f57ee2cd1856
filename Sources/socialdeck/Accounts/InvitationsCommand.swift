import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckTerminal

/// `socialdeck invitations new|list|revoke|accept`: people join an organization by an
/// emailed one-time code, choosing their own password.
struct InvitationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invitations", abstract: "Invite people into an organization by email; accept an invitation.",
        subcommands: [New.self, List.self, Revoke.self, Accept.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new", abstract: "Invite someone: they are emailed a code that makes their account.",
            discussion: "The daemon or an open dashboard sends the email ([email] in config.toml). Without email, --print-code shows the code once, to hand over yourself.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: ArgumentHelp("The organization's slug.", valueName: "slug")) var org: String
        @Option(help: "admin, manager, user or viewer.") var role: UserRole = .user
        @Flag(help: "Show the code here too (it is a credential: hand it over privately).") var printCode = false

        func run() throws {
            let db = try store.open()
            let email = Configuration.load(environment: ProcessInfo.processInfo.environment).email
            guard email.isConfigured || printCode else {
                throw ValidationError("email is not configured ([email] in config.toml), so the code would reach nobody; pass --print-code to hand it over yourself")
            }
            let (vault, _) = try SecretVault.load(environment: ProcessInfo.processInfo.environment)
            let id = try OrgCommand.organization(org, in: db)
            let (invitation, code) = try Invitations(store: db, vault: vault).invite(self.email, role: role, to: id, by: .localOperator())
            print(SafeText.escapingControls("Invited \(invitation.email) to \(org) as \(role.rawValue), until \(ISODate.string(from: invitation.expiresAt))."))
            print(email.isConfigured ? "The email goes out with the daemon's or a dashboard's next pass." : "Email is not configured: nothing is sent.")
            if printCode { print("Code (works once): \(code)\nThey run: socialdeck invitations accept") }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "An organization's invitations of the last 30 days.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The organization's slug.") var org: String

        func run() throws {
            let db = try store.open()
            let now = Date()
            var rows = [["EMAIL", "ROLE", "STATE", "EMAIL SENT", "INVITED", "EXPIRES"]]
            for i in try Invitations(store: db).list(try OrgCommand.organization(org, in: db), by: .localOperator()) {
                rows.append([i.email, i.role.rawValue, i.state(at: now).rawValue, i.delivery?.state.rawValue ?? "-",
                             ISODate.string(from: i.createdAt), ISODate.string(from: i.expiresAt)])
            }
            print(Table.render(rows))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Take back a pending invitation: its code stops working.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: ArgumentHelp("The organization's slug.", valueName: "slug")) var org: String

        func run() throws {
            let db = try store.open()
            let invitations = Invitations(store: db)
            let wanted = email.lowercased()
            guard let open = try invitations.list(try OrgCommand.organization(org, in: db), by: .localOperator())
                .first(where: { $0.email == wanted && $0.state(at: Date()) == .pending }) else {
                throw CoreError.notFound("a pending invitation of \(wanted) to \(org)")
            }
            try invitations.revoke(open._id, by: .localOperator())
            print(SafeText.escapingControls("Revoked the invitation of \(open.email)."))
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept", abstract: "Accept an invitation: the code from the email is asked for, then your new password.")
        @OptionGroup var store: StoreOptions
        @Option var first = ""
        @Option var last = ""
        @Option(help: ArgumentHelp("IANA time zone.", valueName: "zone")) var tz = TimeZone.current.identifier

        func run() throws {
            let db = try store.open()
            guard let code = PasswordPrompt.ask("Invitation code: "), !code.isEmpty else { throw ValidationError("no code entered") }
            let password = try PasswordPrompt.read("Choose a password: ", confirm: true)
            let user = try Invitations(store: db).accept(code: code, password: password, firstName: first, lastName: last, timezone: tz, context: .current())
            print(SafeText.escapingControls("Welcome, \(user.email). Sign in with `socialdeck` as \(user.role.rawValue)."))
        }
    }
}
