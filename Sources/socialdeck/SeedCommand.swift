import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed", abstract: "Fill an empty store with a realistic demo workspace.")

    @OptionGroup var store: StoreOptions
    // `.unconditional` so that `--posts -5` reaches validation instead of reading as a flag.
    @Option(parsing: .unconditional, help: "Organizations to create.") var orgs = 6
    @Option(parsing: .unconditional, help: "Customer users, spread over the organizations.") var users = 30
    @Option(parsing: .unconditional, help: "Posts, from past published ones to drafts awaiting approval.") var posts = 800
    @Option(parsing: .unconditional, help: "Days of history.") var days = 90
    @Option(help: "Random seed; the same seed gives the same workspace.") var seed: UInt64 = 42
    @Option(help: ArgumentHelp("Build the workspace around this date instead of today.", valueName: "yyyy-mm-dd"))
    var now: String?

    func validate() throws {
        if orgs < 1 { throw ValidationError("--orgs must be at least 1") }
        if users < orgs { throw ValidationError("--users must be at least --orgs") }
        if posts < 0 { throw ValidationError("--posts cannot be negative") }
        if days < 1 || days > 3650 { throw ValidationError("--days must be between 1 and 3650") }
        if let now, ISODate.date(from: now) == nil { throw ValidationError("--now must be a date like 2026-12-01") }
    }

    func run() throws {
        var options = DemoWorkspace.Options()
        options.organizations = orgs
        options.users = users
        options.posts = posts
        options.days = days
        options.seed = seed
        if let now { options.now = ISODate.date(from: now)! }
        let db = try store.open()
        guard try db.count(CollectionName.organizations.rawValue, .all, includeDeleted: true) == 0 else {
            throw ExchangeError("the store at \(db.location) already holds a workspace; seed an empty one (for example --data NEW_DIR)")
        }
        let started = Date()
        let (vault, _) = try SecretVault.load(environment: ProcessInfo.processInfo.environment)
        let summary = try Self.seed(into: db, options: options, vault: vault)
        let total = summary.counts.values.reduce(0, +)
        let seconds = Date().timeIntervalSince(started)
        print("Seeded \(total) documents into \(db.backend.rawValue) \(db.location) in \(String(format: "%.1f", seconds)) s:")
        for name in CollectionName.allCases where summary.counts[name] != nil {
            print("  \(name.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) \(summary.counts[name]!)")
        }
        Self.printCredentials(organizations: try ModelCollection(db, Organization.self).find(limit: 1))
    }

    /// The demo sign-ins, printed once after seeding (they are in the README too).
    static func printCredentials(organizations: [Organization]) {
        let slug = organizations.first?.slug ?? "acme"
        print("\nDemo sign-ins, all with the password \(DemoWorkspace.demoPassword):")
        print("  customers  admin@\(slug).example  manager@\(slug).example  user@\(slug).example  viewer@\(slug).example")
        print("  staff      super-admin@socialdeck.example  admin@socialdeck.example  support@socialdeck.example  analyst@socialdeck.example")
    }

    @discardableResult
    static func seed(into db: any DocumentStore, options: DemoWorkspace.Options, vault: SecretVault) throws -> DemoWorkspace.Summary {
        let bar = ProgressBar(label: "Seeding")
        defer { bar.finish() }
        return try DemoWorkspace(options: options).seed(into: db, vault: vault) { done, total in bar.update(done, of: total) }
    }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastPercent = -1

    init(label: String) { self.label = label }

    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30, filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%".utf8))
    }

    func finish() {
        if enabled && lastPercent >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
