import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage platform staff accounts.",
        subcommands: [Add.self, List.self, Passwd.self, Unlock.self, AllowIP.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a staff account; the password is asked for.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: "super_admin, admin, support or analyst.") var role: StaffRole
        @Option var first = ""
        @Option var last = ""

        func run() throws {
            let db = try store.open()
            let password = try PasswordPrompt.read("Password for \(email): ", confirm: true)
            let a = try StaffAdministration(store: db).add(email: email, password: password, role: role, firstName: first,
                                                           lastName: last, by: .localOperator())
            print("Created staff account \(SafeText.escapingControls(a.email)) (\(a.role.rawValue)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff accounts.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let db = try store.open()
            let now = Date()
            var rows = [["EMAIL", "ROLE", "STATUS", "2FA", "ALLOWED FROM", "LAST SIGN-IN"]]
            for a in try StaffAdministration(store: db).list(by: .localOperator()) {
                let status = !a.isActive ? "inactive" : (a.security.lockedUntil.map { $0 > now } ?? false) ? "locked" : "active"
                rows.append([a.email, a.role.rawValue, status, a.security.twoFactorEnabled ? "on" : "off",
                             a.security.ipWhitelist.isEmpty ? "anywhere" : a.security.ipWhitelist.joined(separator: ","),
                             a.security.lastLogin.map(ISODate.string(from:)) ?? "never"])
            }
            print(Table.render(rows))
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a staff member's password; the new one is asked for.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String

        func run() throws {
            let db = try store.open()
            let admin = StaffAdministration(store: db)
            let a = try admin.member(email: email, by: .localOperator())
            try admin.setPassword(a._id, to: try PasswordPrompt.read("New password for \(a.email): ", confirm: true), by: .localOperator())
            print("Password changed for \(SafeText.escapingControls(a.email)).")
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Clear a lockout after failed sign-ins.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String

        func run() throws {
            let db = try store.open()
            let admin = StaffAdministration(store: db)
            try admin.unlock(try admin.member(email: email, by: .localOperator())._id, by: .localOperator())
            print("Unlocked \(SafeText.escapingControls(email)).")
        }
    }

    struct AllowIP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allow-ip",
            abstract: "Set the addresses (or CIDR ranges) a staff member may sign in from; none allows any address.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Argument(help: "Addresses such as 203.0.113.7 or 10.0.0.0/8.") var addresses: [String] = []

        func run() throws {
            let db = try store.open()
            let admin = StaffAdministration(store: db)
            try admin.setAllowedAddresses(try admin.member(email: email, by: .localOperator())._id, addresses, by: .localOperator())
            print(addresses.isEmpty ? "\(SafeText.escapingControls(email)) may sign in from any address."
                  : "\(SafeText.escapingControls(email)) may sign in from \(addresses.map(SafeText.escapingControls).joined(separator: ", ")).")
        }
    }
}

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the key that encrypts tokens and two-factor secrets.", subcommands: [Rotate.self])

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rotate", abstract: "Re-encrypt every secret under a new key, then replace the key file.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let db = try store.open()
            let result = try KeyRotation(store: db).rotate(environment: ProcessInfo.processInfo.environment, by: .localOperator())
            print("Re-encrypted \(result.resealed) secrets; the key file now holds key \(result.newKeyID). Back it up.")
        }
    }
}
