/// A key to show with what it does: one footer entry, one help line, one palette row.
public struct KeyHint: Sendable, Equatable {
    public var action: KeyAction
    public var scope: KeyScope
    /// The keys bound now (after any remap); the footer shows the first.
    public var keys: [Key]
    public var label: String
    public var description: String

    /// "k/up", for help.
    public var keysText: String { keys.map(\.description).joined(separator: "/") }
    /// "a approve", for the footer.
    public var footerText: String { "\(keys.first?.description ?? "") \(label)" }
}

/// One block of the help overlay: the global keys, or one pane's.
public struct HelpSection: Sendable, Equatable {
    public var scope: KeyScope
    public var title: String
    public var entries: [KeyHint]
}

/// The bindings in effect: the table of ``KeyBindingDefinition`` with any
/// remaps from `config.toml` applied. The footer, the `?` overlay and the `:`
/// palette are all generated from it, so a remap shows everywhere at once.
///
/// In a pane, the pane's bindings and the global ones are active together; a
/// key may do only one thing there.
public struct KeyBindings: Sendable, Equatable {
    public struct Binding: Sendable, Hashable, CustomStringConvertible {
        public var action: KeyAction
        public var scope: KeyScope
        public init(_ action: KeyAction, _ scope: KeyScope) {
            self.action = action
            self.scope = scope
        }
        /// "approve in approvals", "quit".
        public var description: String { scope == .global ? action.rawValue : "\(action.rawValue) in \(scope)" }
    }

    private var keysByBinding: [Binding: [Key]]

    /// The defaults of ``KeyBindingDefinition/table``.
    public init() {
        keysByBinding = [:]
        for definition in KeyBindingDefinition.table {
            keysByBinding[Binding(definition.action, definition.scope)] = definition.defaultKeys
        }
    }

    public static let defaults = KeyBindings()

    /// The keys of an action in a scope; a global action's keys from any scope.
    public func keys(for action: KeyAction, in scope: KeyScope = .global) -> [Key] {
        keysByBinding[Binding(action, scope)] ?? keysByBinding[Binding(action, .global)] ?? []
    }

    /// What a key does in a scope: the pane's binding, else the global one.
    public func action(for key: Key, in scope: KeyScope) -> KeyAction? {
        let active = KeyBindingDefinition.table.filter { $0.scope == scope }
            + (scope == .global ? [] : KeyBindingDefinition.table.filter { $0.scope == .global })
        return active.first { keysByBinding[Binding($0.action, $0.scope)]?.contains(key) == true }?.action
    }

    /// Replaces the keys of a binding the table defines; returns false for one it does not.
    @discardableResult
    public mutating func rebind(_ action: KeyAction, in scope: KeyScope, to keys: [Key]) -> Bool {
        let binding = Binding(action, scope)
        guard keysByBinding[binding] != nil else { return false }
        var unique: [Key] = []
        for key in keys where !unique.contains(key) { unique.append(key) }
        keysByBinding[binding] = unique
        return true
    }

    /// A key bound to more than one thing in the same scope.
    public struct Conflict: Sendable, Equatable, CustomStringConvertible {
        public var key: Key
        /// In table order; global bindings count in every pane.
        public var bindings: [Binding]
        public var description: String {
            "\(key) is bound to " + bindings.map(\.description).joined(separator: " and ")
        }
    }

    /// Keys bound to more than one thing in the same scope: in a pane, its own
    /// bindings and the global ones count together.
    public func conflicts() -> [Conflict] {
        var found: [Conflict] = []
        var seen: Set<Set<Binding>> = []
        for scope in KeyScope.allCases {
            var owners: [Key: [Binding]] = [:]
            var order: [Key] = []
            for definition in KeyBindingDefinition.table where definition.scope == scope || definition.scope == .global {
                let binding = Binding(definition.action, definition.scope)
                for key in keysByBinding[binding] ?? [] {
                    if owners[key] == nil { order.append(key) }
                    owners[key, default: []].append(binding)
                }
            }
            for key in order where owners[key]!.count > 1 {
                let bindings = owners[key]!
                if seen.insert(Set(bindings)).inserted { found.append(Conflict(key: key, bindings: bindings)) }
            }
        }
        return found
    }

    // MARK: What the UI shows

    private func hint(_ definition: KeyBindingDefinition) -> KeyHint {
        KeyHint(action: definition.action, scope: definition.scope,
                keys: keysByBinding[Binding(definition.action, definition.scope)] ?? [],
                label: definition.label, description: definition.description)
    }

    /// The footer of a pane: its own actions, then the global ones worth a reminder.
    public func footerEntries(scope: KeyScope) -> [KeyHint] {
        let own = KeyBindingDefinition.table.filter { $0.scope == scope && scope != .global && $0.inFooter }
        let global = KeyBindingDefinition.table.filter { $0.scope == .global && $0.inFooter }
        return (own + global).map(hint).filter { !$0.keys.isEmpty }
    }

    /// The `?` overlay: every binding, the global ones first, then each pane's.
    public func helpSections() -> [HelpSection] {
        KeyScope.allCases.map { scope in
            HelpSection(scope: scope, title: scope == .global ? "Everywhere" : scope.title,
                        entries: KeyBindingDefinition.table.filter { $0.scope == scope }.map(hint))
        }
    }

    /// The `:` palette in a pane: the pane's actions, then the global ones, with their keys.
    public func paletteEntries(scope: KeyScope) -> [KeyHint] {
        let own = KeyBindingDefinition.table.filter { $0.scope == scope && scope != .global }
        let global = KeyBindingDefinition.table.filter { $0.scope == .global }
        return (own + global).map(hint)
    }
}
