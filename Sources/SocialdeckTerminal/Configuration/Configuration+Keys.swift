import SocialdeckViewModels
/// `[keys]` and `[keys.SCOPE]` of `config.toml`: remaps of the binding table.
///
/// `[keys]` names an action and changes it in every scope that has it
/// (`edit` is in the calendar and the approvals); `[keys.SCOPE]` changes it in
/// that scope only and wins over `[keys]`. A remap replaces all the action's
/// keys. After all remaps, any key bound twice in one scope (a pane's keys and
/// the global keys count together) is a conflict: the remap written last gives
/// way, its action keeps its default keys, and the line is reported.
extension Configuration {
    struct KeyRemap {
        var binding: KeyBindings.Binding
        var keys: [Key]
        var position: TOMLPosition
    }

    mutating func applyKeys(_ table: TOMLTable) {
        var remaps: [KeyBindings.Binding: KeyRemap] = [:]
        var scoped: [KeyRemap] = []
        for entry in table.entries {
            if case .table(let scopeTable) = entry.value {
                guard let scope = KeyScope(name: entry.key) else {
                    let scopes = KeyScope.allCases.map(\.name)
                    report(entry.keyPosition, Suggestion.message("unknown scope [keys.\(entry.key)]", for: entry.key, in: scopes,
                                                                 otherwise: "the scopes are \(scopes.joined(separator: ", "))"))
                    continue
                }
                for item in scopeTable.entries {
                    guard let action = action(named: item) else { continue }
                    guard KeyBindingDefinition.definition(action, in: scope) != nil else {
                        let own = KeyBindingDefinition.table.filter { $0.scope == scope }.map(\.action.rawValue)
                        report(item.keyPosition, "'\(action)' is not an action of \(scope == .global ? "the global scope" : "the \(scope) pane"); its actions are \(own.joined(separator: ", "))")
                        continue
                    }
                    if let keys = keys(of: item, action: action) {
                        scoped.append(KeyRemap(binding: .init(action, scope), keys: keys, position: item.keyPosition))
                    }
                }
            } else {
                guard let action = action(named: entry), let keys = keys(of: entry, action: action) else { continue }
                for scope in KeyBindingDefinition.scopes(of: action) {
                    remaps[.init(action, scope)] = KeyRemap(binding: .init(action, scope), keys: keys, position: entry.keyPosition)
                }
            }
        }
        for remap in scoped { remaps[remap.binding] = remap }

        var bindings = keyBindings
        for remap in remaps.values { bindings.rebind(remap.binding.action, in: remap.binding.scope, to: remap.keys) }
        // Undo the latest remap involved in each conflict until none is left; the defaults have none.
        while let conflict = bindings.conflicts().first(where: { $0.bindings.contains { remaps[$0] != nil } }) {
            let victim = conflict.bindings.filter { remaps[$0] != nil }
                .max { remaps[$0]!.position < remaps[$1]!.position }!
            let remap = remaps.removeValue(forKey: victim)!
            let others = conflict.bindings.filter { $0 != victim }.map { "'\($0)'" }.joined(separator: " and ")
            let defaults = KeyBindingDefinition.definition(victim.action, in: victim.scope)!.defaultKeys
            bindings.rebind(victim.action, in: victim.scope, to: defaults)
            // One remap in [keys] can cover several scopes; undo it in all of them, reported once.
            for (binding, sibling) in remaps where binding.action == victim.action && sibling.position == remap.position {
                remaps.removeValue(forKey: binding)
                bindings.rebind(binding.action, in: binding.scope,
                                to: KeyBindingDefinition.definition(binding.action, in: binding.scope)!.defaultKeys)
            }
            report(remap.position, "\(conflict.key) for '\(victim)' is already bound to \(others); \(victim.action) keeps \(defaults.map(\.description).joined(separator: ", "))")
        }
        keyBindings = bindings
    }

    private mutating func action(named entry: TOMLTable.Entry) -> KeyAction? {
        if let action = KeyAction(rawValue: entry.key) { return action }
        report(entry.keyPosition, Suggestion.message("unknown action '\(entry.key)'", for: entry.key, in: KeyAction.allCases.map(\.rawValue),
                                                     otherwise: "the help overlay (?) lists the actions"))
        return nil
    }

    /// A key or an array of keys; nil after reporting what is wrong.
    private mutating func keys(of entry: TOMLTable.Entry, action: KeyAction) -> [Key]? {
        let values: [(TOMLValue, TOMLPosition)]
        switch entry.value {
        case .string:
            values = [(entry.value, entry.valuePosition)]
        case .array(let items) where !items.isEmpty:
            values = Array(zip(items, entry.elementPositions))
        case .array:
            report(entry.valuePosition, "\(action) needs at least one key")
            return nil
        default:
            report(entry.valuePosition, "\(action) must be a key such as \"y\" or a list such as [\"q\", \"ctrl+c\"], not \(entry.value.kindDescription)")
            return nil
        }
        var keys: [Key] = []
        for (value, position) in values {
            guard let text = value.stringValue else {
                report(position, "keys are written as strings, such as \"ctrl+d\"")
                return nil
            }
            do {
                keys.append(try Key(parsing: text))
            } catch {
                report(position, "\(error.message) (for \(action))")
                return nil
            }
        }
        return keys
    }
}
