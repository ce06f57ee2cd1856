import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

@main
struct SocialdeckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "socialdeck",
        abstract: "Run an AI-assisted social media operation from the terminal.",
        discussion: "With no subcommand, socialdeck opens the dashboard on the selected store.",
        subcommands: [SeedCommand.self, ExportCommand.self, ImportCommand.self, UserCommand.self, StaffCommand.self,
                      KeysCommand.self, DoctorCommand.self, WriteProbeCommand.self]
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Open a demo workspace, seeding it on first use.")
    var demo = false

    mutating func run() throws {
        var location = store.location
        if demo, store.data == nil, store.mongo == nil {
            location = .sqlite(directory: StoreLocation.defaultDataDirectory(environment: ProcessInfo.processInfo.environment) + "-demo")
        }
        let db = try location.open()
        if demo, try db.count(CollectionName.organizations.rawValue) == 0 {
            let (vault, _) = try SecretVault.load(environment: ProcessInfo.processInfo.environment)
            try SeedCommand.seed(into: db, options: DemoWorkspace.Options(), vault: vault)
            SeedCommand.printCredentials(organizations: try ModelCollection(db, Organization.self).find(limit: 1))
        } else if !demo, try FirstRun.isEmpty(db) {
            try FirstRun.offer(db)
        }
        let orgs = try db.count(CollectionName.organizations.rawValue)
        let posts = try db.count(CollectionName.content.rawValue)
        let pending = try db.count(CollectionName.content.rawValue, .eq("approval.status", ApprovalStatus.pending))
        print("socialdeck would open the dashboard on \(db.backend.rawValue) \(SafeText.escapingControls(db.location)):")
        print("  \(orgs) organizations, \(posts) posts, \(pending) drafts awaiting approval.")
        print("The terminal dashboard is not built yet; try `socialdeck doctor` or `socialdeck export content --limit 3`.")
    }

    /// Errors become one line on stderr and a non-zero exit, with any control characters escaped.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode { exit(withError: error) }
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("socialdeck: \(SafeText.escapingControls(message))\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory of the embedded SQLite store.", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Use MongoDB at this URI (also SOCIALDECK_MONGO_URI).", valueName: "uri"))
    var mongo: String?

    var location: StoreLocation {
        StoreLocation.resolve(data: data, mongo: mongo, environment: ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        if data != nil && mongo != nil { throw ValidationError("choose --data or --mongo, not both") }
    }
}
