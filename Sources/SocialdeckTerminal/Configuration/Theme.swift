/// A resolved theme: a style for every ``ThemeSlot``.
///
/// A theme file overrides only what it changes. Resolution starts from the
/// dark theme compiled into the binary (``builtIn``), applies the themes named
/// by `inherits` from the farthest ancestor down, then the theme itself: later
/// palette entries replace earlier ones, and each style field (`fg`, `bg`, each
/// attribute) replaces only that field. Palette names in styles are looked up
/// after all layers are applied, so a theme that changes `accent` under
/// `[colors]` recolours every slot its ancestors drew with `accent`.
public struct Theme: Sendable, Equatable {
    /// The theme's name: its file name without `.toml`.
    public var name: String
    /// The `name` the file gives itself, or `name`.
    public var displayName: String
    public var palette: [String: ThemeColor]
    public var styles: [ThemeSlot: ThemeStyle]

    public init(name: String, displayName: String? = nil, palette: [String: ThemeColor] = [:],
                styles: [ThemeSlot: ThemeStyle] = [:]) {
        self.name = name
        self.displayName = displayName ?? name
        self.palette = palette
        self.styles = styles
    }

    public subscript(slot: ThemeSlot) -> ThemeStyle {
        styles[slot] ?? .plain
    }

    /// The dark theme compiled into the binary: the default, the fallback when a
    /// theme file is broken, and the base every theme inherits from.
    public static let builtIn: Theme = {
        do {
            return try resolve([builtInBase], name: ThemeCatalog.defaultThemeName)
        } catch {
            // The tests check the embedded theme parses; this keeps a broken build drawable.
            return Theme(name: ThemeCatalog.defaultThemeName)
        }
    }()

    static let builtInBase: ThemeDefinition = {
        let name = ThemeCatalog.defaultThemeName
        return (try? ThemeDefinition.parse(BuiltInThemes.dark, name: name, file: "built-in \(name)"))
            ?? ThemeDefinition(name: name, file: "built-in \(name)")
    }()

    /// Applies `layers` in order (base first) and resolves palette names.
    static func resolve(_ layers: [ThemeDefinition], name: String) throws(ThemeProblem) -> Theme {
        struct Reference {
            var color: ThemeDefinition.ColorReference
            var layer: ThemeDefinition
            var line: Int
            var column: Int
        }
        var palette: [String: ThemeColor] = [:]
        var foregrounds: [ThemeSlot: Reference] = [:]
        var backgrounds: [ThemeSlot: Reference] = [:]
        var attributes: [ThemeSlot: ThemeAttributes] = [:]
        var displayName: String?

        for layer in layers {
            for (key, color) in layer.palette { palette[key] = color.value }
            for (slot, override) in layer.styles {
                if let fg = override.foreground {
                    foregrounds[slot] = Reference(color: fg.value, layer: layer, line: fg.line, column: fg.column)
                }
                if let bg = override.background {
                    backgrounds[slot] = Reference(color: bg.value, layer: layer, line: bg.line, column: bg.column)
                }
                for (attribute, on) in override.attributes {
                    if on { attributes[slot, default: []].insert(attribute) } else { attributes[slot, default: []].remove(attribute) }
                }
            }
        }
        if let last = layers.last, last.name == name { displayName = last.displayName }

        func color(_ reference: Reference?, slot: ThemeSlot, field: String) throws(ThemeProblem) -> ThemeColor {
            guard let reference else { return .default }
            switch reference.color {
            case .color(let c):
                return c
            case .palette(let key):
                if let c = palette[key] { return c }
                throw ThemeProblem(
                    theme: name, file: reference.layer.file, line: reference.line, column: reference.column,
                    message: "unknown colour '\(key)' for the \(field) of '\(slot.rawValue)'\(Suggestion.hint(for: key, in: palette.keys.sorted())); define it under [colors] or write \"#rrggbb\", 0–255, an ANSI colour name or \"default\"")
            }
        }

        var styles: [ThemeSlot: ThemeStyle] = [:]
        for slot in ThemeSlot.allCases {
            styles[slot] = ThemeStyle(foreground: try color(foregrounds[slot], slot: slot, field: "fg"),
                                      background: try color(backgrounds[slot], slot: slot, field: "bg"),
                                      attributes: attributes[slot] ?? [])
        }
        return Theme(name: name, displayName: displayName, palette: palette, styles: styles)
    }
}
