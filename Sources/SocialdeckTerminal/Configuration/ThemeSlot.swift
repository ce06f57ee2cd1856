/// The named places of the dashboard a theme styles. A theme file names them
/// by `rawValue` under `[styles]`: `header`, `"status.failed"`, `"chart.3"`.
public enum ThemeSlot: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case header
    case headerAccent = "header.accent"
    case tabsActive = "tabs.active"
    case tabsInactive = "tabs.inactive"
    case footer
    case footerKey = "footer.key"
    case text
    case textDim = "text.dim"
    case border
    case borderFocus = "border.focus"
    case selection
    case statusDraft = "status.draft"
    case statusScheduled = "status.scheduled"
    case statusPublishing = "status.publishing"
    case statusPublished = "status.published"
    case statusFailed = "status.failed"
    case statusNeedsCheck = "status.needs_check"
    case statusMissed = "status.missed"
    case approvalPending = "approval.pending"
    case approvalApproved = "approval.approved"
    case approvalRejected = "approval.rejected"
    case warning
    case error
    case success
    case chart1 = "chart.1"
    case chart2 = "chart.2"
    case chart3 = "chart.3"
    case chart4 = "chart.4"
    case chart5 = "chart.5"
    case chartAxis = "chart.axis"
    case sparkline
    case overlimit
    case dialog
    case dialogBorder = "dialog.border"
    case input

    public var description: String { rawValue }

    public static func < (a: ThemeSlot, b: ThemeSlot) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// What the slot is used for, for documentation and `socialdeck` help.
    public var purpose: String {
        switch self {
        case .header: return "the top bar"
        case .headerAccent: return "the organization and user in the top bar"
        case .tabsActive: return "the selected pane's tab"
        case .tabsInactive: return "the other tabs"
        case .footer: return "the bottom bar"
        case .footerKey: return "key names in the bottom bar"
        case .text: return "body text and pane backgrounds"
        case .textDim: return "secondary text: times, counts, hints"
        case .border: return "pane borders"
        case .borderFocus: return "the focused pane's border"
        case .selection: return "the selected row"
        case .statusDraft, .statusScheduled, .statusPublishing, .statusPublished,
             .statusFailed, .statusNeedsCheck, .statusMissed:
            return "a post whose status is \(rawValue.dropFirst("status.".count).replacingUnderscores)"
        case .approvalPending, .approvalApproved, .approvalRejected:
            return "a draft whose approval is \(rawValue.dropFirst("approval.".count))"
        case .warning: return "warnings"
        case .error: return "errors"
        case .success: return "confirmations"
        case .chart1, .chart2, .chart3, .chart4, .chart5:
            return "\(Self.chartPlatforms[Int(rawValue.suffix(1))! - 1]) in charts"
        case .chartAxis: return "chart axes and labels"
        case .sparkline: return "sparklines"
        case .overlimit: return "text past a platform's length limit"
        case .dialog: return "dialogs and overlays"
        case .dialogBorder: return "their borders"
        case .input: return "text being typed: filter, command palette, editor"
        }
    }

    /// The platforms the chart slots stand for, in order: `chart.1` is Facebook.
    public static let chartPlatforms = ["Facebook", "Instagram", "X", "LinkedIn", "TikTok"]

    /// The chart slot of a platform, by its name as stored ("facebook", "x" or "twitter", …).
    public static func chart(platform: String) -> ThemeSlot? {
        switch platform.lowercased() {
        case "facebook": return .chart1
        case "instagram": return .chart2
        case "x", "twitter": return .chart3
        case "linkedin": return .chart4
        case "tiktok": return .chart5
        default: return nil
        }
    }
}

private extension Substring {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
