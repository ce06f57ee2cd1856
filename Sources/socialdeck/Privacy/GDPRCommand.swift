import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel

/// `socialdeck gdpr export EMAIL`: everything held about a customer as one JSON
/// document (relaxed Extended JSON), secrets removed; audited.
struct GDPRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gdpr", abstract: "A customer's personal data: export everything held about them.",
        subcommands: [Export.self])

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
}
