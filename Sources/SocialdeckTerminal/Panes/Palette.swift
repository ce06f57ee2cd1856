public import SocialdeckModel

/// A theme resolved for one terminal: each slot's style, brought down to the
/// terminal's colour depth. Panes draw with `palette[.slot]`.
public struct Palette: Sendable {
    public let depth: ColorDepth
    private let styles: [ThemeSlot: Style]

    public init(theme: Theme, depth: ColorDepth) {
        self.depth = depth
        var out: [ThemeSlot: Style] = [:]
        for slot in ThemeSlot.allCases {
            let t = theme[slot]
            var attributes: Style.Attributes = []
            if t.attributes.contains(.bold) { attributes.insert(.bold) }
            if t.attributes.contains(.dim) { attributes.insert(.dim) }
            if t.attributes.contains(.italic) { attributes.insert(.italic) }
            if t.attributes.contains(.underline) { attributes.insert(.underline) }
            if t.attributes.contains(.reverse) { attributes.insert(.reverse) }
            if slot == .selection || slot == .tabsActive { attributes.insert(.selected) }
            out[slot] = Style(foreground: Self.color(t.foreground), background: Self.color(t.background), attributes: attributes)
                .degraded(to: depth)
        }
        styles = out
    }

    public subscript(slot: ThemeSlot) -> Style { styles[slot] ?? .plain }

    static func color(_ c: ThemeColor) -> Color? {
        switch c {
        case .default: return nil
        case .ansi(let a): return .ansi(ANSIColor(rawValue: UInt8(a.rawValue))!)
        case .indexed(let i): return .indexed(i)
        case .rgb(let r, let g, let b): return .rgb(red: r, green: g, blue: b)
        }
    }

    /// The chart colour of a platform (chart.1 … chart.5 in the spec's platform order).
    public func chart(_ platform: Platform) -> Style {
        let slots: [ThemeSlot] = [.chart1, .chart2, .chart3, .chart4, .chart5]
        return self[slots[Platform.allCases.firstIndex(of: platform)!]]
    }

    public func status(_ status: PostStatus) -> Style {
        switch status {
        case .draft: return self[.statusDraft]
        case .scheduled, .queued: return self[.statusScheduled]
        case .publishing: return self[.statusPublishing]
        case .published: return self[.statusPublished]
        case .failed: return self[.statusFailed]
        case .needsCheck: return self[.statusNeedsCheck]
        case .missed, .expired: return self[.statusMissed]
        }
    }
}
