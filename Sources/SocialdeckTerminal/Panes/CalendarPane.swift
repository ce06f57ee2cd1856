public import Foundation
public import SocialdeckModel
public import SocialdeckViewModels

/// The content calendar: a title line, the month grid, week columns or agenda, and a
/// panel (beside the grid when wide, under it when not) listing the focused day's
/// posts with the selected one highlighted. Every time is in the model's zone.
public enum CalendarPane: Pane {
    public typealias Model = CalendarModel

    /// From this width the day panel sits beside the grid; below it, under the grid.
    public static let sidePanelWidth = 110

    public static func render(_ model: Model, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        buffer.fill(rect, style: palette[.text])
        guard !rect.isEmpty else { return }
        if model.openPostId != nil {
            if let post = model.openPost {
                let day = CalendarDrawing(model, context: context).dayTitle(model.cursorDay, year: true)
                let place = "\(model.entryIndex + 1) of \(model.dayEntries.count) on \(day)"
                PostDetailView.render(post, place: place, selected: model.selectedEntry?.platform, in: rect, into: &buffer, context: context)
            } else {
                let notice = model.openPostGone ? "This post is no longer there; \(context.key(.back)) goes back." : "loading…"
                buffer.putCentered(notice, in: rect, style: context.palette[.textDim])
            }
            return
        }
        let d = CalendarDrawing(model, context: context)
        let parts = rect.rows([.fixed(1), .fill])
        drawTitle(d, in: parts[0], into: &buffer)
        let main = parts[1]
        guard !main.isEmpty else { return }

        if model.view == .agenda {
            var list = main
            if let message = model.message, main.height >= 3 {
                list = PaneDrawing.bottomMessage(message, in: main, keeping: 2, style: palette[.warning], into: &buffer)
            }
            CalendarAgendaView.draw(d, in: list, into: &buffer)
            return
        }

        var grid = main
        if main.width >= sidePanelWidth {
            let panelWidth = min(48, max(34, main.width / 4))
            let columns = main.columns([.fill, .fixed(1), .fixed(1), .fixed(panelWidth)])
            grid = columns[0]
            PaneDrawing.verticalRule(columns[1], style: palette[.border], into: &buffer)
            CalendarDayPanel.draw(d, in: columns[3], ruleOnTop: false, into: &buffer)
        } else if main.height >= 10 {
            // Week rows of equal height in the grid, the rest (at least four rows) for the panel.
            let weekRow = max(1, (main.height - 1 - 4) / 6)
            let split = main.rows([.fixed(1 + 6 * weekRow), .fill])
            grid = split[0]
            CalendarDayPanel.draw(d, in: split[1], ruleOnTop: true, into: &buffer)
        }
        switch model.view {
        case .month: CalendarMonthView.draw(d, in: grid, into: &buffer)
        case .week: CalendarWeekView.draw(d, in: grid, into: &buffer)
        case .agenda: break
        }
    }

    /// "December 2026 · month (v to switch) · Europe/Berlin", and the active filters on the right.
    static func title(_ d: CalendarDrawing, hint: Bool = true) -> String {
        let model = d.model
        let period: String
        switch model.view {
        case .month:
            let p = d.parts(model.cursorDay)
            period = "\(CalendarNames.monthNames[(p.month ?? 1) - 1]) \(p.year ?? 0)"
        case .week, .agenda:
            let range = model.visibleRange
            let last = d.day(-1, from: range.end)
            period = "\(d.dayTitle(range.start).dropFirst(4)) – \(d.dayTitle(last, year: true).dropFirst(4))"
        }
        return period + " · \(model.view.rawValue)" + (hint ? " (v to switch)" : "") + " · \(zoneName(model.timeZone))"
    }

    /// The zone's name; Foundation on Linux calls UTC "GMT", which readers know as UTC.
    static func zoneName(_ zone: TimeZone) -> String {
        zone.identifier == "GMT" ? "UTC" : zone.identifier
    }

    /// "“tt failed” 3 of 40 · esc clears", or nil without a filter.
    static func filters(_ model: Model) -> String? {
        guard TextFilter(model.filter).isActive else { return nil }
        let counts = model.filterCounts
        return "“\(PaneDrawing.clean(model.filter))” \(counts.shown) of \(counts.all) · esc clears"
    }

    static func drawTitle(_ d: CalendarDrawing, in line: Rect, into buffer: inout CellBuffer) {
        let palette = d.palette
        let total = d.model.dayCounts.map { Figures.integer($0.values.reduce(0, +)) }
        let filter = filters(d.model).map { "filter: " + $0 }
        // The right-hand side, longest first: what narrows the view, and when counting, why.
        let notes = [
            [filter, total.map { "\($0) posts, counted per day · :org SLUG lists them" }],
            [filter, total.map { "\($0) posts counted" }],
            [total.map { "\($0) posts counted" }],
        ].map { $0.compactMap { $0 }.joined(separator: " · ") }
        let full = title(d), short = title(d, hint: false)
        let fits = { (title: String, note: String) in DisplayWidth.of(title) + (note.isEmpty ? 0 : DisplayWidth.of(note) + 2) <= line.width }
        let (title, note) = [(full, notes[0]), (short, notes[0]), (short, notes[1]), (short, notes[2])].first(where: fits)
            ?? (short, "")
        let room = note.isEmpty ? line.width : line.width - DisplayWidth.of(note) - 2
        buffer.put(PaneDrawing.fit(title, room), x: line.x, y: line.y,
                   style: PaneDrawing.layer(Style(attributes: [.bold]), on: palette[.text]))
        if !note.isEmpty {
            buffer.put(note, x: line.maxX - DisplayWidth.of(note), y: line.y, style: palette[.warning])
        }
    }
}
