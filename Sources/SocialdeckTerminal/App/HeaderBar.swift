import Foundation
import SocialdeckCore
import SocialdeckViewModels

/// The two top rows: who and where (organization, user and role, the store, the
/// connection, the time in the user's zone), then the pane tabs.
enum HeaderBar {
    static func render(_ model: DashboardModel, width: Int, into buffer: inout CellBuffer, palette: Palette, now: Date) {
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: palette[.header])
        var x = buffer.put(" socialdeck ", x: 0, y: 0, style: palette[.headerAccent])
        if let reason = model.publishingPaused {
            let notice = " ⏸ maintenance: publishing and agents paused" + (reason.isEmpty ? "" : ": " + PaneDrawing.clean(reason)) + " "
            x = buffer.put(PaneDrawing.fitWords(notice, max(0, min(DisplayWidth.of(notice), width - x - 34))), x: x, y: 0,
                           style: palette[.warning])
        }
        // "⚠ posts 27/30": what the plan will soon refuse, or refuses now.
        for meter in model.planWarnings where x < width - 40 {
            let text = " ⚠ \(meter.resource.shortLabel) \(meter.used)/\(meter.limit ?? 0) "
            x = buffer.put(text, x: x, y: 0, style: palette[meter.isReached ? .error : .warning])
        }
        // "✉ 3": unread notifications, opened with `!`.
        if model.unreadNotifications > 0, x < width - 40 {
            x = buffer.put(" ✉ \(model.unreadNotifications) ", x: x, y: 0, style: palette[.warning])
        }
        var facts: [String] = []
        if let org = model.organizationInView { facts.append(org) }
        facts.append("\(model.userName) (\(model.roleName))")
        facts.append(model.storeLocation)
        // The facts shorten at a word, with an ellipsis, to leave the connection and the clock their room.
        let room = max(0, width - x - 34)
        if room > 1 {
            x = buffer.put(" " + PaneDrawing.fitWords(facts.joined(separator: " · "), room - 1), x: x, y: 0, style: palette[.header])
        }
        let (state, slot) = connection(model.connection, now: now)
        let clock = model.clockText(now)
        let right = "● \(state)  \(clock) "
        let start = max(x + 1, width - DisplayWidth.of(right))
        let afterDot = buffer.put("●", x: start, y: 0, style: palette[slot])
        buffer.put(" \(state)  \(clock) ", x: afterDot, y: 0, style: palette[.header])
    }

    static func connection(_ c: DashboardModel.Connection, now: Date) -> (String, ThemeSlot) {
        switch c {
        case .connecting: return ("connecting…", .warning)
        case .connected: return ("live", .success)
        case .slow(_, let seconds): return (String(format: "slow (%.1f s)", seconds), .warning)
        case .unreachable(let since, _): return ("store unreachable for \(Int(now.timeIntervalSince(since))) s", .error)
        }
    }

    /// "1 Calendar  2 Approvals …", only the panes the role may open. When the full
    /// titles do not fit the width (staff have seven panes at 80 columns), every tab
    /// shortens to its first four letters, so none falls off the edge.
    static func renderTabs(_ model: DashboardModel, width: Int, into buffer: inout CellBuffer, palette: Palette) {
        buffer.fill(Rect(x: 0, y: 1, width: width, height: 1), style: palette[.tabsInactive])
        for (pane, label, x) in tabs(model.panes, width: width) {
            buffer.put(label, x: x, y: 1, style: pane == model.pane ? palette[.tabsActive] : palette[.tabsInactive])
            buffer.mark(Rect(x: x, y: 1, width: DisplayWidth.of(label), height: 1), as: .tab(pane))
        }
    }

    static func tabs(_ panes: [PaneID], width: Int) -> [(PaneID, String, Int)] {
        let full = panes.map { " \($0.rawValue) \($0.title) " }
        let fits = full.reduce(1) { $0 + DisplayWidth.of($1) + 1 } <= width
        let labels = fits ? full : panes.map { " \($0.rawValue) \($0.title.prefix(4)) " }
        var x = 1
        return zip(panes, labels).map { pane, label in
            defer { x += DisplayWidth.of(label) + 1 }
            return (pane, label, x)
        }
    }
}
