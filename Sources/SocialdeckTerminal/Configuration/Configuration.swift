public import SocialdeckViewModels
public import Foundation
public import SocialdeckCore

/// Something wrong in `config.toml`, to show the user. The setting it concerns keeps its default.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String?, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// "/home/ana/.config/socialdeck/config.toml line 4: unknown action 'aprove'; did you mean 'approve'?"
    public var description: String {
        var place = file ?? "config.toml"
        if let line { place += " line \(line)" }
        return place + ": " + message
    }
}

/// The user's settings from `$XDG_CONFIG_HOME/socialdeck/config.toml` (or
/// `~/.config/socialdeck/config.toml`); every setting is optional.
///
/// ```toml
/// [keys]                  # action = key, or [keys…]; applies in every scope that has the action
/// approve = "A"
/// quit = ["q", "ctrl+c"]
/// [keys.approvals]        # only in one scope: global, calendar, approvals, analytics, agents, revenue
/// reject = "N"
/// [ui]
/// theme = "light"         # overridden by --theme
/// refresh_seconds = 2     # 1–3600
/// mouse = true
/// ```
///
/// Loading never fails: a missing file means the defaults; a broken file, an
/// unknown action, a bad key name or a key bound twice in one scope is a
/// ``ConfigurationProblem`` with its line, and that setting keeps its default.
public struct Configuration: Sendable, Equatable {
    public static let defaultRefreshSeconds = 2
    public static let refreshRange = 1...3600
    static let sections = ["keys", "ui", "store", "publishing", "platforms", "llm", "email"]
    static let uiKeys = ["theme", "refresh_seconds", "mouse"]

    public var keyBindings = KeyBindings.defaults
    /// The theme `[ui] theme` names; `--theme` wins over it.
    public var theme = ThemeCatalog.defaultThemeName
    public var refreshSeconds = Configuration.defaultRefreshSeconds
    public var mouse = false
    /// `[store]`: the SQLite store's group and the MongoDB URI file.
    public var store = StoreSettings()
    /// `[publishing]`: retries and the missed window.
    public var publishing = PublishPolicy()
    /// `[platforms]`: the networks' addresses and socialdeck's app on each.
    public var platforms = PlatformSettings()
    /// `[llm]`: the agents' model provider.
    public var llm = LLMSettings()
    /// `[email]`: the SMTP relay for notification emails.
    public var email = EmailSettings()
    /// The file read, if there was one.
    public var file: String?
    public var problems: [ConfigurationProblem] = []

    public init() {}

    /// Reads `config.toml` from the configuration directory `environment` points at.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> Configuration {
        var configuration = read(environment: environment)
        configuration.applyPlatformSecrets(from: environment)
        configuration.applyLLMEnvironment(environment)
        return configuration
    }

    private static func read(environment: [String: String]) -> Configuration {
        guard let path = ConfigurationPaths(environment: environment).configFile else { return Configuration() }
        switch ConfigurationFile.read(path) {
        case .missing:
            return Configuration()
        case .unreadable(let why):
            var configuration = Configuration()
            configuration.file = path
            configuration.problems = [ConfigurationProblem(file: path, line: nil, message: "the file is ignored: \(why)")]
            return configuration
        case .contents(let bytes):
            let document: TOMLDocument
            do { document = try TOMLDocument(parsing: bytes) } catch {
                return broken(file: path, error)
            }
            return parse(document, file: path)
        }
    }

    /// Reads configuration text; `file` is only for messages.
    public static func parse(_ text: String, file: String? = nil) -> Configuration {
        do {
            return parse(try TOMLDocument(parsing: text), file: file)
        } catch {
            return broken(file: file, error)
        }
    }

    private static func broken(file: String?, _ error: TOMLError) -> Configuration {
        var configuration = Configuration()
        configuration.file = file
        configuration.problems = [ConfigurationProblem(file: file, line: error.line, column: error.column,
                                                       message: error.message + "; the file is ignored")]
        return configuration
    }

    static func parse(_ document: TOMLDocument, file: String?) -> Configuration {
        var configuration = Configuration()
        configuration.file = file
        for entry in document.root.entries {
            switch (entry.key, entry.value) {
            case ("keys", .table(let table)):
                configuration.applyKeys(table)
            case ("ui", .table(let table)):
                configuration.applyUI(table)
            case ("store", .table(let table)):
                configuration.applyStore(table)
            case ("publishing", .table(let table)):
                configuration.applyPublishing(table)
            case ("platforms", .table(let table)):
                configuration.applyPlatforms(table)
            case ("llm", .table(let table)):
                configuration.applyLLM(table)
            case ("email", .table(let table)):
                configuration.applyEmail(table)
            case ("keys", _), ("ui", _), ("store", _), ("publishing", _), ("platforms", _), ("llm", _), ("email", _):
                configuration.report(entry.keyPosition, "'\(entry.key)' must be a table: [\(entry.key)]")
            default:
                let otherwise = uiKeys.contains(entry.key) ? "it belongs under [ui]" : "config.toml has [keys], [ui], [store], [publishing], [platforms], [llm] and [email]"
                configuration.report(entry.keyPosition, Suggestion.message("unknown setting '\(entry.key)'", for: entry.key,
                                                                           in: sections, otherwise: otherwise))
            }
        }
        configuration.problems.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return configuration
    }

    mutating func report(_ position: TOMLPosition, _ message: String) {
        problems.append(ConfigurationProblem(file: file, line: position.line, column: position.column, message: message))
    }

    private mutating func applyUI(_ table: TOMLTable) {
        for entry in table.entries {
            let at = entry.valuePosition
            switch entry.key {
            case "theme":
                guard let name = entry.value.stringValue, ThemeCatalog.isValidName(name) else {
                    report(at, "theme must be a theme name such as \"light\" (letters, digits, '.', '_' and '-')")
                    continue
                }
                theme = name
            case "refresh_seconds":
                guard let seconds = entry.value.integerValue, Self.refreshRange.contains(Int(clamping: seconds)) else {
                    report(at, "refresh_seconds must be a whole number of seconds from \(Self.refreshRange.lowerBound) to \(Self.refreshRange.upperBound)")
                    continue
                }
                refreshSeconds = Int(seconds)
            case "mouse":
                guard let on = entry.value.boolValue else {
                    report(at, "mouse must be true or false")
                    continue
                }
                mouse = on
            default:
                report(entry.keyPosition, Suggestion.message("unknown setting '\(entry.key)' in [ui]", for: entry.key, in: Self.uiKeys,
                                                             otherwise: "[ui] has \(Self.uiKeys.joined(separator: ", "))"))
            }
        }
    }
}
