/// The sixteen named ANSI colours, numbered as terminals number them.
public enum ANSIColor: UInt8, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    public var isBright: Bool { rawValue >= 8 }

    /// The same hue among the first eight colours.
    public var withoutBrightness: ANSIColor { ANSIColor(rawValue: rawValue & 7)! }
}

/// A terminal colour at any depth; `Color.degraded(to:)` brings it down to what a
/// terminal can show. "No colour" (the terminal's default) is `nil` wherever a
/// `Color?` is taken.
public enum Color: Sendable, Hashable {
    case ansi(ANSIColor)
    /// An xterm-256 palette index: 0–15 are the ANSI colours, 16–231 the 6×6×6 cube,
    /// 232–255 the grey ramp.
    case indexed(UInt8)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The colour's components; ANSI and indexed colours as xterm's default palette shows them.
    public var approximateRGB: (red: UInt8, green: UInt8, blue: UInt8) {
        switch self {
        case .ansi(let color): return XtermPalette.rgb(ofIndex: color.rawValue)
        case .indexed(let index): return XtermPalette.rgb(ofIndex: index)
        case .rgb(let red, let green, let blue): return (red, green, blue)
        }
    }
}

/// xterm's default palette and the nearest-colour searches over it.
enum XtermPalette {
    /// xterm's defaults for the sixteen ANSI colours.
    private static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six component levels of the colour cube.
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndex index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        switch index {
        case 0..<16:
            return ansi[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[cube / 6 % 6]), UInt8(cubeLevels[cube % 6]))
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return (grey, grey, grey)
        }
    }

    /// The nearest colour among indices 16–255: the closest cube colour or the closest
    /// grey, whichever is nearer. Indices 0–15 are left out because terminals remap them.
    static func nearestIndex(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let (r, g, b) = (Int(red), Int(green), Int(blue))
        let (qr, qg, qb) = (cubeStep(r), cubeStep(g), cubeStep(b))
        let cube = (cubeLevels[qr], cubeLevels[qg], cubeLevels[qb])
        let cubeIndex = 16 + 36 * qr + 6 * qg + qb
        if cube == (r, g, b) { return UInt8(cubeIndex) }

        let average = (r + g + b) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 8 + 10 * greyStep
        let greyDistance = distance((r, g, b), (grey, grey, grey))
        return greyDistance < distance((r, g, b), cube) ? UInt8(232 + greyStep) : UInt8(cubeIndex)
    }

    /// The nearest of the sixteen ANSI colours by squared RGB distance.
    static func nearestANSI(red: UInt8, green: UInt8, blue: UInt8) -> ANSIColor {
        let target = (Int(red), Int(green), Int(blue))
        var best = 0
        var bestDistance = Int.max
        for (index, candidate) in ansi.enumerated() {
            let d = distance(target, (Int(candidate.0), Int(candidate.1), Int(candidate.2)))
            if d < bestDistance { (best, bestDistance) = (index, d) }
        }
        return ANSIColor(rawValue: UInt8(best))!
    }

    /// The cube step nearest to a component; levels are 0, 95, then every 40.
    private static func cubeStep(_ component: Int) -> Int {
        if component < 48 { return 0 }
        if component < 115 { return 1 }
        return (component - 35) / 40
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
