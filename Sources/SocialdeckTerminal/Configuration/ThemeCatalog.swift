public import Foundation

/// Something wrong with a theme, to show the user: which file, which line, what.
public struct ThemeProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The theme that was asked for (the broken file may be one it inherits).
    public var theme: String
    /// The file at fault: a path, "built-in NAME", or nil when no file is involved (an unknown name).
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(theme: String, file: String?, line: Int? = nil, column: Int? = nil, message: String) {
        self.theme = theme
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// "/home/ana/.config/socialdeck/themes/mine.toml line 12: unknown style slot 'headr'".
    public var description: String {
        var place = file ?? "theme '\(theme)'"
        if let line { place += " line \(line)" }
        return place + ": " + message
    }
}

/// What ``ThemeCatalog/theme(named:)`` gives the dashboard: the theme to draw
/// with, and when the one asked for could not be used, why (the theme is then the built-in default).
public struct ThemeSelection: Sendable, Equatable {
    public var theme: Theme
    public var problem: ThemeProblem?
}

/// The themes socialdeck can use: the four shipped in `Themes/` (compiled into
/// the binary, so no files are needed) and the user's, from
/// `$XDG_CONFIG_HOME/socialdeck/themes/NAME.toml` (or `~/.config/…`). A theme's
/// name is its file name without `.toml`; a user theme may shadow a shipped one,
/// and a user theme that inherits its own name builds on the shipped theme of that name.
///
/// User files are read each time a theme is asked for, so `:theme NAME` picks up edits.
public struct ThemeCatalog: Sendable {
    public static let defaultThemeName = "dark"
    /// The shipped themes, in the order `:theme` lists them.
    public static let builtInNames = ["dark", "light", "high-contrast", "colorblind"]
    /// How many themes one `inherits` chain may pass through.
    public static let maximumInheritance = 16

    public var userDirectory: String?

    public init(userDirectory: String?) {
        self.userDirectory = userDirectory
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(userDirectory: ConfigurationPaths(environment: environment).themesDirectory)
    }

    /// A name that can be a file stem: letters, digits, '.', '_' and '-', not starting with '.'.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
    }

    /// The text of a shipped theme, as in `Themes/NAME.toml`: a starting point for a user theme.
    public static func builtInSource(named name: String) -> String? {
        BuiltInThemes.text(named: name)
    }

    /// Every theme name: the shipped ones first, then the user's own, sorted.
    public func names() -> [String] {
        let user = userDirectory.map(ConfigurationFile.tomlFiles(in:)) ?? [:]
        return Self.builtInNames + user.keys.filter { !Self.builtInNames.contains($0) }.sorted()
    }

    /// The theme called `name`; or, when it is unknown or it (or a theme it
    /// inherits) is broken, the built-in default and the problem to report.
    public func theme(named name: String) -> ThemeSelection {
        do {
            return ThemeSelection(theme: try resolve(named: name), problem: nil)
        } catch {
            return ThemeSelection(theme: .builtIn, problem: error)
        }
    }

    /// The theme called `name`, or the first problem found on the way.
    public func resolve(named name: String) throws(ThemeProblem) -> Theme {
        guard Self.isValidName(name) else {
            throw ThemeProblem(theme: name, file: nil, message: "'\(name)' is not a theme name; names are letters, digits, '.', '_' and '-'")
        }
        let userFiles = userDirectory.map(ConfigurationFile.tomlFiles(in:)) ?? [:]
        var layers: [ThemeDefinition] = []
        var visited: [(name: String, user: Bool)] = []
        var next = name
        var skipUser = false
        var child: (definition: ThemeDefinition, inherits: ThemeDefinition.Located<String>)?

        while true {
            let path = skipUser ? nil : userFiles[next]
            let isUser = path != nil
            let selfReference = skipUser && BuiltInThemes.text(named: next) == nil
            guard selfReference || isUser || BuiltInThemes.text(named: next) != nil else {
                let known = names()
                guard let child else {
                    throw ThemeProblem(theme: name, file: nil, message: Suggestion.message("no theme named '\(name)'", for: name, in: known,
                                                                              otherwise: "the themes are \(known.joined(separator: ", "))"))
                }
                throw ThemeProblem(theme: name, file: child.definition.file, line: child.inherits.line, column: child.inherits.column,
                                   message: "'\(child.definition.name)' inherits '\(next)', which does not exist\(Suggestion.hint(for: next, in: known))")
            }
            if selfReference || visited.contains(where: { $0.name == next && $0.user == isUser })
                || visited.count >= Self.maximumInheritance {
                let chain = (visited.map(\.name) + [next]).joined(separator: " → ")
                let why = visited.count >= Self.maximumInheritance
                    ? "more than \(Self.maximumInheritance) themes inherit one from another" : "'inherits' makes a cycle"
                throw ThemeProblem(theme: name, file: child?.definition.file, line: child?.inherits.line,
                                   column: child?.inherits.column, message: "\(why): \(chain)")
            }
            visited.append((next, isUser))
            let definition = try load(next, userPath: path, requested: name)
            layers.insert(definition, at: 0)
            guard let parent = definition.inherits else { break }
            // A user theme that inherits its own name builds on the shipped theme it shadows.
            skipUser = isUser && parent.value == next
            child = (definition, parent)
            next = parent.value
        }
        return try Theme.resolve([Theme.builtInBase] + layers, name: name)
    }

    private func load(_ name: String, userPath: String?, requested: String) throws(ThemeProblem) -> ThemeDefinition {
        do throws(ThemeProblem) {
            guard let userPath else {
                return try ThemeDefinition.parse(BuiltInThemes.text(named: name)!, name: name, file: "built-in \(name)")
            }
            switch ConfigurationFile.read(userPath) {
            case .contents(let bytes):
                return try ThemeDefinition.parse(bytes, name: name, file: userPath)
            case .missing:
                throw ThemeProblem(theme: name, file: userPath, message: "the file has disappeared")
            case .unreadable(let why):
                throw ThemeProblem(theme: name, file: userPath, message: "the theme cannot be used: \(why)")
            }
        } catch {
            var problem = error
            problem.theme = requested
            throw problem
        }
    }
}
