import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel

/// `socialdeck gdpr export|erase|consent`: a customer's rights over their data. Export
/// writes everything held about them as one JSON document (relaxed Extended JSON),
/// secrets removed; erase is the right to be deleted; consent records theirs. Each is audited.
struct GDPRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gdpr", abstract: "A customer's personal data: export it, erase it, record their consent.",
        subcommands: [Export.self, Erase.self, Consent.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write everything held about a customer as one JSON document: account, posts, activity, tickets, notifications.")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: ArgumentHelp("Write to this file (owner-only) instead of standard output.", valueName: "file")) var output: String?

        func run() throws {
            let document = try PersonalDataExport(store: try store.open()).export(email: email, by: .localOperator())
            let text = ExtendedJSON.string(from: document) + "\n"
            guard let output else { return print(text, terminator: "") }
            guard !FileManager.default.fileExists(atPath: output) else { throw ValidationError("\(output) exists; name a new file") }
            guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("cannot write \(output)")
            }
            FileHandle.standardError.write(Data("Wrote \(document["posts"]?.arrayValue?.count ?? 0) posts and the rest of \(SafeText.escapingControls(email))'s data to \(output).\n".utf8))
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase", abstract: "Erase a customer's personal data for good (the right to be deleted); aggregates stay.",
            discussion: """
            Erases the account's personal fields, their tickets' words, their notifications, and (by destroying \
            their key) the personal parts of every audit entry about them. Their posts stay with their \
            organization; counts and totals stay the same. It cannot be undone: without --yes it asks you to \
            type the email again.
            """)
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Option(help: ArgumentHelp("Why, such as the request's reference; kept after the erasure, so it must not name the person.", valueName: "text"))
        var reason: String
        @Flag(help: "Do not ask for confirmation.") var yes = false

        func run() throws {
            if !yes {
                guard isatty(STDIN_FILENO) == 1 else { throw ValidationError("erasure cannot be undone: pass --yes to confirm without a terminal") }
                print("Erasing \(SafeText.escapingControls(email)) cannot be undone. Type the email again to confirm: ", terminator: "")
                guard readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() == email.lowercased() else {
                    throw ValidationError("not confirmed; nothing was erased")
                }
            }
            let receipt = try PersonalDataErasure(store: try store.open()).erase(email: email, reason: reason, by: .localOperator())
            print("Erased account \(receipt.userId.hex): \(receipt.ticketsErased) ticket\(receipt.ticketsErased == 1 ? "" : "s") emptied, "
                  + "\(receipt.notificationsDeleted) notification\(receipt.notificationsDeleted == 1 ? "" : "s") deleted, "
                  + "\(receipt.auditEntriesShredded) audit entr\(receipt.auditEntriesShredded == 1 ? "y" : "ies") made unreadable.")
            print(receipt.filesPurged ? "The store's files no longer hold the erased data."
                  : "The MongoDB server reclaims the freed space itself; run compact on users and support_tickets to hasten it.")
        }
    }

    struct Consent: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "consent", abstract: "Show a customer's consent, or record it given (on) or withdrawn (off).")
        @OptionGroup var store: StoreOptions
        @Argument var email: String
        @Argument(help: ArgumentHelp("on or off; leave out to show it.", valueName: "on|off")) var state: String?
        @Option(help: ArgumentHelp("How they gave or withdrew it (a form, an email).", valueName: "text")) var reason: String?

        func run() throws {
            let store = try store.open()
            let user = try UserAdministration(store: store).user(email: email, by: .localOperator())
            guard let state else { return print("consent \(ConsentRecord.State(user.gdpr).text)") }
            guard state == "on" || state == "off" else { throw ValidationError("say on or off") }
            let now = try ConsentRecord(store: store).set(user._id, given: state == "on", reason: reason, by: .localOperator())
            print("consent \(now.text)")
        }
    }
}
