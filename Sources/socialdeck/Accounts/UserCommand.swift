import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel

extension UserRole: ExpressibleByArgument {}
extension StaffRole: ExpressibleByArgument {}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage customer accounts.",
        subcommands: [Add.self, List.self, Passwd.self, Suspend.self, Activate.self, Unlock.self, Role.self, Delete.self, Restore.self,
                      TwoFactorCommand.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a user in an organization; the password is asked for.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: ArgumentHelp("The organization's slug.", valueName: "slug")) var org: String
        @Option(help: "admin, manager, user or viewer.") var role: UserRole
        @Option var first = ""
        @Option var last = ""
        @Option(help: ArgumentHelp("IANA time zone.", valueName: "zone")) var tz = "UTC"

        func run() throws {
            let db = try store.open()
            let password = try PasswordPrompt.read("Password for \(email): ", confirm: true)
            let user = try UserAdministration(store: db).add(
                .init(email: email, password: password, organizationSlug: org, role: role, firstName: first, lastName: last, timezone: tz),
                by: .localOperator())
            print("Created \(SafeText.escapingControls(user.email)) (\(user.role.rawValue)) in \(SafeText.escapingControls(org)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List users, optionally of one organization.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("The organization's slug.", valueName: "slug")) var org: String?

        func run() throws {
            let db = try store.open()
            let now = Date()
            var rows = [["EMAIL", "ROLE", "ORGANIZATION", "STATUS", "2FA", "LAST SIGN-IN"]]
            for (u, slug) in try UserAdministration(store: db).list(organizationSlug: org, by: .localOperator()) {
                rows.append([u.email, u.role.rawValue, slug, CustomerMatch.Status(u, at: now).rawValue,
                             u.authentication.twoFactorEnabled ? "on" : "off",
                             u.authentication.lastLogin.map(ISODate.string(from:)) ?? "never"])
            }
            print(Table.render(rows))
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password; the new one is asked for.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String

        func run() throws {
            let db = try store.open()
            let admin = UserAdministration(store: db)
            let user = try admin.user(email: email, by: .localOperator())
            try admin.setPassword(user._id, to: try PasswordPrompt.read("New password for \(user.email): ", confirm: true), by: .localOperator())
            print("Password changed for \(SafeText.escapingControls(user.email)).")
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Stop a user from signing in.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: "Why, for the audit trail.") var reason: String

        func run() throws {
            let db = try store.open()
            let admin = UserAdministration(store: db)
            try admin.suspend(try admin.user(email: email, by: .localOperator())._id, reason: reason, by: .localOperator())
            print("Suspended \(SafeText.escapingControls(email)).")
        }
    }

    struct Activate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "activate", abstract: "Let a suspended user sign in again.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: "Why, for the audit trail.") var reason: String?

        func run() throws {
            let db = try store.open()
            let admin = UserAdministration(store: db)
            try admin.activate(try admin.user(email: email, by: .localOperator())._id, reason: reason, by: .localOperator())
            print("Activated \(SafeText.escapingControls(email)).")
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Clear a lockout after failed sign-ins.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String

        func run() throws {
            let db = try store.open()
            let admin = UserAdministration(store: db)
            try admin.unlock(try admin.user(email: email, by: .localOperator())._id, by: .localOperator())
            print("Unlocked \(SafeText.escapingControls(email)).")
        }
    }
}

extension UserCommand {
    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Give a user another role.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Argument(help: "admin, manager, user or viewer.") var role: UserRole
        @Option(help: "Why, for the audit trail.") var reason: String?

        func run() throws {
            let db = try store.open()
            let admin = UserAdministration(store: db)
            try admin.changeRole(try admin.user(email: email, by: .localOperator())._id, to: role, reason: reason, by: .localOperator())
            print("\(SafeText.escapingControls(email)) is now \(role.rawValue).")
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Take a user's account away; restore brings it back.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: "Why, for the audit trail.") var reason: String

        func run() throws {
            let db = try store.open()
            let admin = UserAdministration(store: db)
            try admin.delete(try admin.user(email: email, by: .localOperator())._id, reason: reason, by: .localOperator())
            print("Deleted \(SafeText.escapingControls(email)).")
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "restore", abstract: "Bring a deleted user's account back.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: "Why, for the audit trail.") var reason: String?

        func run() throws {
            let db = try store.open()
            let admin = UserAdministration(store: db)
            try admin.restore(try admin.user(email: email, includeDeleted: true, by: .localOperator())._id, reason: reason, by: .localOperator())
            print("Restored \(SafeText.escapingControls(email)).")
        }
    }
}

/// Plain aligned columns, every cell escaped.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        let safe = rows.map { $0.map(SafeText.escapingControls) }
        let widths = (0..<(safe.first?.count ?? 0)).map { c in safe.map { $0[c].count }.max() ?? 0 }
        return safe.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
