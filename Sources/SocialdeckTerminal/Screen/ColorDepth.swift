/// How many colours a terminal can show.
public enum ColorDepth: Int, Sendable, Hashable, Comparable, CaseIterable {
    case monochrome = 0
    case ansi8 = 8
    case ansi16 = 16
    case indexed256 = 256
    case trueColor = 16_777_216

    /// The depth for a terminal reporting `colors` colours. `noColor` (the `NO_COLOR`
    /// convention) wins over everything; `trueColor` (from `COLORTERM`) needs a terminal
    /// that already does 256 colours.
    public init(colors: Int, trueColor: Bool = false, noColor: Bool = false) {
        switch colors {
        case _ where noColor: self = .monochrome
        case 256... where trueColor: self = .trueColor
        case 256...: self = .indexed256
        case 16...: self = .ansi16
        case 8...: self = .ansi8
        default: self = .monochrome
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Color {
    /// This colour as a terminal of `depth` can show it; nil in monochrome.
    ///
    /// RGB becomes the nearest xterm-256 cube colour or grey; 256-colour indices and RGB
    /// become the nearest of the sixteen ANSI colours; 16 becomes 8 by dropping brightness.
    public func degraded(to depth: ColorDepth) -> Color? {
        switch depth {
        case .trueColor:
            return self
        case .indexed256:
            guard case .rgb(let red, let green, let blue) = self else { return self }
            return .indexed(XtermPalette.nearestIndex(red: red, green: green, blue: blue))
        case .ansi16:
            return .ansi(nearestANSI)
        case .ansi8:
            return .ansi(nearestANSI.withoutBrightness)
        case .monochrome:
            return nil
        }
    }

    private var nearestANSI: ANSIColor {
        switch self {
        case .ansi(let color):
            return color
        case .indexed(let index) where index < 16:
            return ANSIColor(rawValue: index)!
        default:
            let (red, green, blue) = approximateRGB
            return XtermPalette.nearestANSI(red: red, green: green, blue: blue)
        }
    }
}

extension Style {
    /// This style as a terminal of `depth` can show it. Monochrome drops both colours but
    /// keeps the attributes, and turns `selected` into `reverse`.
    public func degraded(to depth: ColorDepth) -> Style {
        guard depth != .monochrome else {
            var attributes = attributes
            if attributes.contains(.selected) { attributes.insert(.reverse) }
            return Style(attributes: attributes)
        }
        return Style(foreground: foreground?.degraded(to: depth),
                     background: background?.degraded(to: depth),
                     attributes: attributes)
    }
}
