/// One theme file as written, before inheritance: the palette entries and
/// style fields it sets, each with its line, so that resolving it against the
/// themes it inherits can point at the line at fault.
///
/// ```toml
/// name = "light"                 # optional, for display; the file name is the theme's name
/// inherits = "dark"              # optional; without it, the built-in dark theme
/// [colors]                       # palette: name = "#rrggbb" | "#rgb" | 0–255 | ANSI name | "default"
/// accent = "#0969da"
/// [styles]                       # slot = { fg, bg, bold, dim, italic, underline, reverse }
/// header = { fg = "accent", bg = "default", bold = true }
/// "status.failed" = { fg = "red", bold = true }
/// ```
struct ThemeDefinition: Sendable {
    struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
        var value: Value
        var line: Int
        var column: Int
    }

    enum ColorReference: Sendable, Equatable {
        case color(ThemeColor)
        /// A name from some `[colors]` palette in the inheritance chain.
        case palette(String)
    }

    /// The fields of one slot this file sets; anything nil is inherited.
    struct StyleOverride: Sendable {
        var foreground: Located<ColorReference>?
        var background: Located<ColorReference>?
        /// Attributes switched on (true) or off (false).
        var attributes: [(attribute: ThemeAttributes, on: Bool)] = []
        var line: Int
    }

    static let styleFields = Set(["fg", "bg"] + ThemeAttributes.named.map(\.name))
    static let topLevelKeys = ["name", "description", "inherits", "colors", "styles"]

    var name: String
    /// Where the theme came from, for messages: a path, or "built-in light".
    var file: String
    var displayName: String?
    var summary: String?
    var inherits: Located<String>?
    var palette: [String: Located<ThemeColor>] = [:]
    var styles: [ThemeSlot: StyleOverride] = [:]

    init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    static func parse(_ text: String, name: String, file: String) throws(ThemeProblem) -> ThemeDefinition {
        let document: TOMLDocument
        do { document = try TOMLDocument(parsing: text) } catch {
            throw ThemeProblem(theme: name, file: file, line: error.line, column: error.column, message: error.message)
        }
        return try parse(document, name: name, file: file)
    }

    static func parse(_ bytes: [UInt8], name: String, file: String) throws(ThemeProblem) -> ThemeDefinition {
        let document: TOMLDocument
        do { document = try TOMLDocument(parsing: bytes) } catch {
            throw ThemeProblem(theme: name, file: file, line: error.line, column: error.column, message: error.message)
        }
        return try parse(document, name: name, file: file)
    }

    static func parse(_ document: TOMLDocument, name: String, file: String) throws(ThemeProblem) -> ThemeDefinition {
        var theme = ThemeDefinition(name: name, file: file)
        func fail(_ at: TOMLPosition, _ message: String) -> ThemeProblem {
            ThemeProblem(theme: name, file: file, line: at.line, column: at.column, message: message)
        }
        for entry in document.root.entries {
            let at = entry.keyPosition
            switch entry.key {
            case "name", "description", "inherits":
                guard let text = entry.value.stringValue else {
                    throw fail(entry.valuePosition, "'\(entry.key)' must be a string, not \(entry.value.kindDescription)")
                }
                if entry.key == "name" { theme.displayName = text }
                if entry.key == "description" { theme.summary = text }
                if entry.key == "inherits" {
                    theme.inherits = Located(value: text, line: entry.valuePosition.line, column: entry.valuePosition.column)
                }
            case "colors":
                guard let table = entry.value.tableValue else { throw fail(at, "'colors' must be a table: [colors]") }
                for color in table.entries {
                    guard ThemeColor.isValidPaletteName(color.key) else {
                        throw fail(color.keyPosition, "'\(color.key)' cannot name a palette colour: use letters, digits, '_' and '-', and not an ANSI colour name or 'default'")
                    }
                    guard case .color(let value)? = colorReference(color.value) else {
                        throw fail(color.valuePosition, "palette colour '\(color.key)' must be \"#rrggbb\", \"#rgb\", 0–255, an ANSI colour name or \"default\"")
                    }
                    theme.palette[color.key] = Located(value: value, line: color.keyPosition.line, column: color.keyPosition.column)
                }
            case "styles":
                guard let table = entry.value.tableValue else { throw fail(at, "'styles' must be a table: [styles]") }
                try collectStyles(table, path: [], into: &theme, fail: fail)
            default:
                throw fail(at, Suggestion.message("unknown key '\(entry.key)'", for: entry.key, in: topLevelKeys,
                                                  otherwise: "a theme has name, description, inherits, [colors] and [styles]"))
            }
        }
        return theme
    }

    /// Walks `[styles]`: `header = {…}`, `"status.failed" = {…}`, `status.failed = {…}` and
    /// `[styles.status]` all name slots; the style fields found at a path make its override.
    private static func collectStyles(_ table: TOMLTable, path: [String], into theme: inout ThemeDefinition,
                                      fail: (TOMLPosition, String) -> ThemeProblem) throws(ThemeProblem) {
        let slotName = path.joined(separator: ".")
        var override: StyleOverride?
        for entry in table.entries {
            let key = entry.key
            if !path.isEmpty && styleFields.contains(key) {
                var o = override ?? StyleOverride(line: entry.keyPosition.line)
                let at = entry.valuePosition
                if key == "fg" || key == "bg" {
                    guard let reference = colorReference(entry.value) else {
                        throw fail(at, "'\(key)' of '\(slotName)' must be a colour: \"#rrggbb\", \"#rgb\", 0–255, an ANSI colour name, \"default\" or a name from [colors]")
                    }
                    let located = Located(value: reference, line: at.line, column: at.column)
                    if key == "fg" { o.foreground = located } else { o.background = located }
                } else {
                    guard let on = entry.value.boolValue else {
                        throw fail(at, "'\(key)' of '\(slotName)' must be true or false")
                    }
                    o.attributes.append((ThemeAttributes.named(key)!, on))
                }
                override = o
            } else if let nested = entry.value.tableValue {
                let childPath = path + [key]
                let childName = childPath.joined(separator: ".")
                let isSlot = ThemeSlot(rawValue: childName) != nil
                let isPrefix = ThemeSlot.allCases.contains { $0.rawValue.hasPrefix(childName + ".") }
                guard isSlot || isPrefix else {
                    throw fail(entry.keyPosition, "unknown style slot '\(childName)'\(Suggestion.hint(for: childName, in: ThemeSlot.allCases.map(\.rawValue)))")
                }
                try collectStyles(nested, path: childPath, into: &theme, fail: fail)
            } else if path.isEmpty {
                throw fail(entry.valuePosition, "'\(key)' must be a style such as { fg = \"red\", bold = true }")
            } else {
                throw fail(entry.keyPosition, "unknown style field '\(key)' in '\(slotName)'; the fields are fg, bg, bold, dim, italic, underline and reverse")
            }
        }
        if let override {
            guard let slot = ThemeSlot(rawValue: slotName) else {
                throw fail(TOMLPosition(line: override.line, column: 1), "unknown style slot '\(slotName)'\(Suggestion.hint(for: slotName, in: ThemeSlot.allCases.map(\.rawValue)))")
            }
            if let first = theme.styles[slot] {
                throw fail(TOMLPosition(line: override.line, column: 1), "style '\(slotName)' is set twice (first on line \(first.line))")
            }
            theme.styles[slot] = override
        }
    }

    /// A colour literal, or a palette name to look up once the chain is known.
    static func colorReference(_ value: TOMLValue) -> ColorReference? {
        switch value {
        case .integer(let i):
            return ThemeColor(index: Int(clamping: i)).map { .color($0) }
        case .string(let s):
            if let color = ThemeColor(parsing: s) { return .color(color) }
            if !s.hasPrefix("#") && ThemeColor.isValidPaletteName(s) { return .palette(s) }
            return nil
        default:
            return nil
        }
    }
}
