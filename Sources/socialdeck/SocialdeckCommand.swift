import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

@main
struct SocialdeckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "socialdeck",
        abstract: "Run an AI-assisted social media operation from the terminal.",
        discussion: "With no subcommand, socialdeck opens the dashboard on the selected store.",
        subcommands: [SeedCommand.self, ExportCommand.self, ImportCommand.self, UserCommand.self, InvitationsCommand.self, StaffCommand.self,
                      KeysCommand.self, DoctorCommand.self, WriteProbeCommand.self,
                      DaemonCommand.self, ScheduleCommand.self, RecurringCommand.self, SocialAccountsCommand.self, AgentsCommand.self, WorkflowCommand.self,
                      CommentsCommand.self, SubscriptionsCommand.self, OrgCommand.self, RevenueCommand.self,
                      CustomersCommand.self, TicketsCommand.self, MaintenanceCommand.self, HealthCommand.self, AuditCommand.self,
                      GDPRCommand.self]
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Open a demo workspace, seeding it on first use, signed in as its manager.")
    var demo = false

    @Option(name: .customLong("as"), help: ArgumentHelp("With --demo: sign in as the demo 'manager' or 'staff' (super_admin).", valueName: "who"))
    var demoAccount = "manager"

    @Option(help: ArgumentHelp("Colour theme: dark, light, high-contrast, colorblind or one of yours.", valueName: "name"))
    var theme: String?

    @Flag(help: "Let the mouse click tabs and scroll lists.")
    var mouse = false

    func validate() throws {
        if demo, !Self.demoAccounts.contains(demoAccount) {
            throw ValidationError("--as takes manager, admin, user, viewer or staff")
        }
    }

    mutating func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let (resolved, access) = try store.resolve()
        let location = demo && store.data == nil && store.mongo == nil
            ? .sqlite(directory: StoreLocation.defaultDataDirectory(environment: environment) + "-demo") : resolved
        let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        if terminal, !Self.isUncreated(location) {
            let demo = self.demo ? demoAccount : nil
            let ending = try dashboard(environment) { try Self.openForDashboard(location, access, demo: demo, environment: environment) }
            if ending == .quit { return }
        }
        // A new or empty store is set up on the plain terminal first: the first run's
        // questions, or the demo's seed and its sign-ins.
        let db = try location.open(access: access)
        var newAccount: String?
        if demo, try db.count(CollectionName.organizations.rawValue) == 0 {
            let (vault, _) = try SecretVault.load(environment: environment)
            try SeedCommand.seed(into: db, options: DemoWorkspace.Options(), vault: vault)
            SeedCommand.printCredentials(organizations: try ModelCollection(db, Organization.self).find(limit: 1))
        } else if !demo, try FirstRun.isEmpty(db) {
            newAccount = try FirstRun.offer(db)
        }
        guard terminal else {
            let orgs = try db.count(CollectionName.organizations.rawValue)
            let posts = try db.count(CollectionName.content.rawValue)
            let pending = try db.count(CollectionName.content.rawValue, .eq("approval.status", ApprovalStatus.pending))
            print("\(db.backend.rawValue) \(SafeText.escapingControls(db.location)): \(orgs) organizations, \(posts) posts, \(pending) drafts awaiting approval.")
            print("The dashboard needs a terminal; run socialdeck in one.")
            return
        }
        let (vault, _) = try SecretVault.load(environment: environment)
        let open = DashboardRuntime.OpenStore(store: db, vault: vault, autoSignIn: demo ? try Self.demoSignIn(demoAccount, db) : nil)
        try dashboard(environment, signInEmail: newAccount) { .ready(open) }
    }

    /// The dashboard on this terminal; `open` runs behind its sign-in form.
    @discardableResult
    func dashboard(_ environment: [String: String], signInEmail: String? = nil,
                   opening open: @escaping @Sendable () throws -> DashboardRuntime.StoreOpening) throws -> DashboardRuntime.Ending {
        let configuration = Configuration.load(environment: environment)
        var options = DashboardRuntime.Options(themeName: theme, mouse: mouse || configuration.mouse,
                                               refreshSeconds: Double(configuration.refreshSeconds), environment: environment)
        options.signInEmail = signInEmail
        return try DashboardRuntime(opening: open, configuration: configuration, options: options).run()
    }

    /// Errors become one line on stderr and a non-zero exit, with any control characters escaped.
    static func main() {
        // Before any thread starts: only the UI thread's ppoll takes SIGWINCH (see DashboardRuntime).
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        pthread_sigmask(SIG_BLOCK, &winch, nil)
        openLog(environment: ProcessInfo.processInfo.environment)
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

extension SocialdeckCommand {
    /// Points the storage layer's log at `$XDG_STATE_HOME/socialdeck/socialdeck.log`, at the
    /// level `SOCIALDECK_LOG_LEVEL` names (info by default). The file is created on first use.
    static func openLog(environment: [String: String]) {
        guard let path = LogFile.defaultPath(environment: environment) else { return }
        var level = LogFile.Level.info
        if let name = environment[LogFile.environmentVariable], !name.isEmpty {
            if let named = LogFile.Level(name: name) {
                level = named
            } else {
                let choices = LogFile.Level.allCases.map(\.description).joined(separator: ", ")
                FileHandle.standardError.write(Data("socialdeck: \(LogFile.environmentVariable) takes \(choices); using info\n".utf8))
            }
        }
        LogFile.shared = LogFile(path: path, level: level)
    }
}

struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory of the embedded SQLite store.", valueName: "dir"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Use MongoDB at this URI (also SOCIALDECK_MONGO_URI).", valueName: "uri"))
    var mongo: String?

    /// Where the store is and who may open its files, from the flags, the environment and
    /// `[store]` in config.toml. Warns on stderr when `--mongo` carries credentials.
    func resolve() throws -> (location: StoreLocation, access: SQLiteStore.FileAccess) {
        if let warning = StoreSettings.commandLineSecretWarning(mongo: mongo) {
            FileHandle.standardError.write(Data("socialdeck: \(warning)\n".utf8))
        }
        let environment = ProcessInfo.processInfo.environment
        let settings = Configuration.load(environment: environment).store
        return (try settings.location(data: data, mongo: mongo, environment: environment), try settings.fileAccess())
    }

    /// Opens the store as `resolve()` finds it, migrated and with the audit logs append-only.
    func open() throws -> any DocumentStore {
        let (location, access) = try resolve()
        return try location.open(access: access)
    }

    func validate() throws {
        if data != nil && mongo != nil { throw ValidationError("choose --data or --mongo, not both") }
    }
}
