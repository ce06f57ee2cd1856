import Foundation

/// The `:` palette's content: what has been typed, and the pane's and the global
/// actions (from ``KeyBindings/paletteEntries(scope:)``) and the typed commands
/// ("theme NAME", "org SLUG", …) that match it, best first. After "org " it lists
/// the organizations the person may narrow to, so a slug need not be remembered.
public struct PaletteModel: Sendable, Equatable {
    /// A command typed with arguments rather than bound to a key.
    public struct Command: Sendable, Equatable {
        public var name: String
        public var description: String
        /// The whole line a completion stands for ("org acme"), which Enter runs and Tab
        /// fills in; nil for a template such as "theme NAME", which needs typing.
        public var line: String?
        public init(name: String, description: String, line: String? = nil) {
            self.name = name
            self.description = description
            self.line = line
        }
        /// "theme" of "theme NAME".
        public var word: String { String(name.split(separator: " ").first ?? "") }
    }

    public enum Match: Sendable, Equatable {
        case binding(KeyHint)
        case command(Command)

        public var name: String {
            switch self {
            case .binding(let hint): return hint.label
            case .command(let command): return command.name
            }
        }
    }

    /// The commands every session has.
    public static let standardCommands: [Command] = [
        Command(name: "theme NAME", description: "Switch to another colour theme"),
        Command(name: "org SLUG", description: "Show one organization only; org all shows every one"),
        Command(name: "goto YYYY-MM-DD", description: "Show that day in the calendar"),
        Command(name: "range 7|30|90", description: "Show the last 7, 30 or 90 days in analytics"),
        Command(name: "refresh", description: "Reload from the store now"),
        Command(name: "quit", description: "Quit socialdeck"),
    ]

    public var text: String
    /// The cursor in the typed text, in characters; nil for its end.
    public var cursor: Int?
    public var scope: KeyScope
    public var bindings: KeyBindings
    public var commands: [Command]
    /// Organizations `org` completes to: slug and name.
    public var organizations: [(slug: String, name: String)]
    /// Which match Enter runs.
    public var selected: Int

    public init(text: String = "", cursor: Int? = nil, scope: KeyScope, bindings: KeyBindings = .defaults,
                commands: [Command] = PaletteModel.standardCommands, organizations: [(slug: String, name: String)] = [],
                selected: Int = 0) {
        self.text = text
        self.cursor = cursor
        self.scope = scope
        self.bindings = bindings
        self.commands = commands
        self.organizations = organizations
        self.selected = selected
    }

    public static func == (a: PaletteModel, b: PaletteModel) -> Bool {
        a.text == b.text && a.cursor == b.cursor && a.scope == b.scope && a.bindings == b.bindings && a.commands == b.commands
            && a.organizations.map(\.slug) == b.organizations.map(\.slug) && a.selected == b.selected
    }

    /// Every match the palette could list with nothing typed.
    public var total: Int { bindings.paletteEntries(scope: scope).count + commands.count }

    /// What the typed text matches, best first: a label, action or command word that
    /// starts with it, then one that contains it, then a description that does.
    /// A command matches by its first word ("th" and "theme dark" find "theme NAME").
    public var matches: [Match] {
        let query = text.trimmingCharacters(in: .whitespaces).lowercased()
        let head = String(query.split(separator: " ").first ?? "")
        if head == "org", query != "org" || text.hasSuffix(" "), !organizations.isEmpty {
            return organizationMatches(String(query.dropFirst(3)).trimmingCharacters(in: .whitespaces))
        }
        let hints = bindings.paletteEntries(scope: scope)
        let labels = Set(hints.map(\.label))
        let candidates = hints.map(Match.binding) + commands.filter { !labels.contains($0.name) }.map(Match.command)
        guard !query.isEmpty else { return candidates }
        func rank(_ match: Match) -> Int? {
            switch match {
            case .command(let command):
                if query.contains(" ") { return command.word == head ? 0 : nil }
                if command.word.hasPrefix(query) { return 0 }
                return command.description.lowercased().contains(query) ? 2 : nil
            case .binding(let hint):
                guard !query.contains(" ") || hint.label.contains(" ") else { return nil }
                let names = [hint.label.lowercased(), hint.action.rawValue]
                if names.contains(where: { $0.hasPrefix(query) }) { return 0 }
                if names.contains(where: { $0.contains(query) }) { return 1 }
                return hint.description.lowercased().contains(query) ? 2 : nil
            }
        }
        let ranked = candidates.enumerated().compactMap { index, match in rank(match).map { ($0, index, match) } }
        return ranked.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// "org " and what follows: the organizations whose slug or name contains it, as
    /// complete commands, and "org all".
    private func organizationMatches(_ typed: String) -> [Match] {
        let everyone = Command(name: "org all", description: "Show every organization", line: "org all")
        let found = organizations.filter { typed.isEmpty || $0.slug.lowercased().contains(typed) || $0.name.lowercased().contains(typed) }
            .sorted { ($0.slug.lowercased().hasPrefix(typed) ? 0 : 1, $0.slug) < ($1.slug.lowercased().hasPrefix(typed) ? 0 : 1, $1.slug) }
            .map { Match.command(Command(name: "org \($0.slug)", description: $0.name, line: "org \($0.slug)")) }
        return found + ("all".hasPrefix(typed) ? [.command(everyone)] : [])
    }

    /// The selected match's completion, when it is one ("org ac" selects "org acme").
    public var selectedCompletion: String? {
        let matches = self.matches
        guard matches.indices.contains(selected), case .command(let command) = matches[selected] else { return nil }
        return command.line
    }

    /// The line Enter runs: the selected completion, else the typed text.
    public var commandLine: String { selectedCompletion ?? text }
}
