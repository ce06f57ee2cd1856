/// Text attributes a style may turn on.
public struct ThemeAttributes: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = ThemeAttributes(rawValue: 1 << 0)
    public static let dim = ThemeAttributes(rawValue: 1 << 1)
    public static let italic = ThemeAttributes(rawValue: 1 << 2)
    public static let underline = ThemeAttributes(rawValue: 1 << 3)
    public static let reverse = ThemeAttributes(rawValue: 1 << 4)

    /// The attributes with the names theme files use, in a fixed order.
    public static let named: [(name: String, attribute: ThemeAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline), ("reverse", .reverse),
    ]

    public static func named(_ name: String) -> ThemeAttributes? {
        named.first { $0.name == name }?.attribute
    }

    /// "bold underline", or "none".
    public var description: String {
        let names = Self.named.filter { contains($0.attribute) }.map(\.name)
        return names.isEmpty ? "none" : names.joined(separator: " ")
    }
}

/// How one slot of the dashboard is drawn: foreground, background and attributes.
public struct ThemeStyle: Sendable, Hashable, CustomStringConvertible {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: ThemeAttributes

    public init(foreground: ThemeColor = .default, background: ThemeColor = .default,
                attributes: ThemeAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's own colours, no attributes.
    public static let plain = ThemeStyle()

    /// `{ fg = "#c9d1d9", bg = "default", bold = true }`, as a theme file would write it.
    public var description: String {
        var parts = ["fg = \"\(foreground)\"", "bg = \"\(background)\""]
        parts += ThemeAttributes.named.filter { attributes.contains($0.attribute) }.map { "\($0.name) = true" }
        return "{ " + parts.joined(separator: ", ") + " }"
    }
}
