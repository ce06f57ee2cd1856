import ArgumentParser
import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTerminal

extension Platform: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }

    public static var allValueStrings: [String] { allCases.map(\.configName) }
}

/// `socialdeck accounts`: the network accounts posts go out from, their tokens sealed in
/// the store. Tokens are never printed.
struct SocialAccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Connect, list and disconnect the social accounts posts go out from.",
        subcommands: [Connect.self, List.self, Disconnect.self, Live.self, Sandbox.self])

    struct Connect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "connect", abstract: "Connect an account: sign in at the platform in a browser, or paste a token.",
            discussion: """
            Prints an address to open; the platform sends the browser back to this machine on 127.0.0.1 (over SSH, \
            forward that port: ssh -L PORT:127.0.0.1:PORT). The app is set under [platforms.NAME] in config.toml. \
            New accounts publish through the sandbox until switched on with --live or `accounts live`.
            """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "facebook, instagram, x, linkedin or tiktok.") var platform: Platform
        @Option(help: ArgumentHelp("Whose account it is (needed when the store has more than one user).", valueName: "email")) var user: String?
        @Flag(help: "Paste a token instead: asked for without echo, or read from stdin (access token, then an optional refresh token).")
        var token = false
        @Option(help: ArgumentHelp("With --token: the account's id on the platform, if it cannot be asked.", valueName: "id")) var accountId: String?
        @Option(help: ArgumentHelp("The account to connect when the sign-in reaches several (a Page's name), or a name for a pasted token.",
                                   valueName: "name")) var account: String?
        @Option(help: ArgumentHelp("With --token: seconds until the token lapses.", valueName: "seconds")) var expiresIn: Double?
        @Flag(help: "Publish to the real platform at once (needs the right to publish).") var live = false
        @Option(help: ArgumentHelp("How long to wait for the browser.", valueName: "seconds")) var wait: Double = 300

        func validate() throws {
            if !token && (accountId != nil || expiresIn != nil) { throw ValidationError("--account-id and --expires-in go with --token") }
            guard wait > 0 && wait <= 3600 else { throw ValidationError("--wait takes 1 to 3600 seconds") }
        }

        func run() throws {
            let (db, vault, settings) = try SocialAccountsCommand.open(store)
            let owner = try SocialAccountsCommand.user(user, in: db)
            let connector = AccountConnector(store: db, vault: vault, settings: settings)
            let connected: AccountConnector.Connected
            if token {
                let access = try PasswordPrompt.read("\(platform.displayName) access token: ")
                let refresh = isatty(STDIN_FILENO) == 1 ? try PasswordPrompt.read("Refresh token (Enter for none): ")
                    : readLine(strippingNewline: true) ?? ""
                connected = try connector.connectPasted(platform, accessToken: access.trimmingCharacters(in: .whitespaces),
                                                        refreshToken: refresh.isEmpty ? nil : refresh, expiresIn: expiresIn,
                                                        accountId: accountId, accountName: account, userId: owner._id,
                                                        live: live ? true : nil, by: .localOperator())
            } else {
                let pending = try connector.begin(platform)
                SocialAccountsCommand.say("Open this address in a browser to connect \(platform.displayName):\n\n  \(pending.url)\n\n"
                    + "Waiting for the answer at 127.0.0.1 (Ctrl-C to give up)…")
                connected = try connector.finish(pending, waiting: wait, userId: owner._id, pick: account,
                                                 live: live ? true : nil, by: .localOperator())
            }
            let name = SafeText.escapingControls(connected.accountName)
            var lines = ["Connected \(platform.displayName) account \(name) for \(owner.email)"
                + (live ? "; it publishes live." : "; it publishes through the sandbox until `socialdeck accounts live \(platform.configName)`.")]
            if let expires = connected.expiresAt {
                lines.append("The token lapses \(ISODate.string(from: expires))" + (connected.renewable ? " and is renewed before then." : "; reconnect before then."))
            }
            if !connected.alternatives.isEmpty {
                lines.append("Also reachable: \(connected.alternatives.map(SafeText.escapingControls).joined(separator: ", ")) (connect one with --account NAME).")
            }
            SocialAccountsCommand.say(lines.joined(separator: "\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List connected accounts, their state and token expiry (never the tokens).")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Only this user's.", valueName: "email")) var user: String?
        @Option(help: ArgumentHelp("Only this organization's (its slug).", valueName: "slug")) var org: String?

        func run() throws {
            let db = try store.open()
            var filter: Filter = .exists("socialAccounts.0", true)
            if let user { filter = filter && .eq("email", try SocialAccountsCommand.user(user, in: db).email) }
            if let org { filter = filter && .eq("organizationId", try ScheduleCommand.organization(org, in: db)) }
            let now = Date()
            var rows = [["USER", "PLATFORM", "ACCOUNT", "ID", "MODE", "STATE", "TOKEN LAPSES", "CONNECTED"]]
            for person in try ModelCollection(db, User.self).find(filter, sort: [.asc("email")]) {
                for a in person.socialAccounts {
                    rows.append([person.email, a.platform.displayName, a.accountName, a.accountId, a.live == true ? "live" : "sandbox",
                                 SocialAccountsCommand.state(a, now: now), a.tokenExpiresAt.map(ISODate.string(from:)) ?? "—",
                                 ISODate.string(from: a.connectedAt)])
                }
            }
            print(rows.count == 1 ? "No accounts are connected." : Table.render(rows))
        }
    }

    struct Disconnect: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disconnect", abstract: "Remove a user's account on a platform, with its tokens.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "facebook, instagram, x, linkedin or tiktok.") var platform: Platform
        @Option(help: ArgumentHelp("Whose account it is.", valueName: "email")) var user: String?
        @Option(help: ArgumentHelp("Only this account (its id); otherwise all of the user's on the platform.", valueName: "id")) var accountId: String?

        func run() throws {
            let db = try store.open()
            let owner = try SocialAccountsCommand.user(user, in: db)
            let removed = try SocialAccountTokens(store: db, vault: SocialAccountsCommand.vault())
                .disconnect(userId: owner._id, platform: platform, accountId: accountId, at: Date(), by: .localOperator())
            print("Disconnected \(removed) \(platform.displayName) account\(removed == 1 ? "" : "s") of \(owner.email).")
        }
    }

    struct Live: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "live", abstract: "Publish an account's posts to the real platform.")
        @OptionGroup var mode: ModeOptions
        func run() throws { try mode.set(live: true) }
    }

    struct Sandbox: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sandbox", abstract: "Send an account's posts to the sandbox, which records them and publishes nothing.")
        @OptionGroup var mode: ModeOptions
        func run() throws { try mode.set(live: false) }
    }

    struct ModeOptions: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Argument(help: "facebook, instagram, x, linkedin or tiktok.") var platform: Platform
        @Option(help: ArgumentHelp("Whose account it is.", valueName: "email")) var user: String?
        @Option(help: ArgumentHelp("Only this account (its id).", valueName: "id")) var accountId: String?

        func set(live: Bool) throws {
            let db = try store.open()
            let owner = try SocialAccountsCommand.user(user, in: db)
            let changed = try SocialAccountTokens(store: db, vault: SocialAccountsCommand.vault())
                .setLive(live, userId: owner._id, platform: platform, accountId: accountId, at: Date(), by: .localOperator())
            print("\(changed) \(platform.displayName) account\(changed == 1 ? "" : "s") of \(owner.email) now publish\(changed == 1 ? "es" : "") "
                  + (live ? "live." : "through the sandbox."))
        }
    }
}

extension SocialAccountsCommand {
    static func open(_ store: StoreOptions) throws -> (any DocumentStore, SecretVault, PlatformSettings) {
        let configuration = Configuration.load(environment: ProcessInfo.processInfo.environment)
        for problem in configuration.problems { FileHandle.standardError.write(Data("config: \(problem)\n".utf8)) }
        return (try store.open(), try vault(), configuration.platforms)
    }

    static func vault() throws -> SecretVault {
        try SecretVault.load(environment: ProcessInfo.processInfo.environment).0
    }

    /// The named user, or the store's only one.
    static func user(_ email: String?, in db: any DocumentStore) throws -> User {
        let users = ModelCollection(db, User.self)
        if let email {
            guard let found = try users.first(.eq("email", email.trimmingCharacters(in: .whitespaces).lowercased())) else {
                throw ValidationError("no user \(SafeText.escapingControls(email))")
            }
            return found
        }
        let some = try users.find(.all, limit: 2)
        guard some.count == 1 else { throw ValidationError("say whose account it is: --user EMAIL") }
        return some[0]
    }

    static func state(_ account: User.SocialAccount, now: Date) -> String {
        if !account.isActive { return "inactive" }
        if account.accessToken == nil { return "no token" }
        if let lapses = account.tokenExpiresAt, lapses <= now { return account.refreshToken == nil ? "expired" : "expired, renewable" }
        return "connected"
    }

    /// Printed at once, so a script waiting on the address sees it before the wait.
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
