import Foundation
import SocialdeckViewModels

/// The agenda: the days of `visibleRange` that have posts (and always the focused
/// one), each with its entries: time, platform, status word, title.
enum CalendarAgendaView {
    enum Line: Equatable {
        case day(Date)
        case entry(CalendarModel.Entry, day: Date, index: Int, selected: Bool)
        case nothing
    }

    static func lines(_ d: CalendarDrawing) -> [Line] {
        var lines: [Line] = []
        for day in d.days {
            let entries = d.entries(day)
            let isCursor = day == d.model.cursorDay
            guard !entries.isEmpty || isCursor || d.model.postCount(on: day) > 0 else { continue }
            lines.append(.day(day))
            if entries.isEmpty && d.model.postCount(on: day) == 0 { lines.append(.nothing) }
            for (index, entry) in entries.enumerated() {
                lines.append(.entry(entry, day: day, index: index, selected: isCursor && index == d.model.entryIndex))
            }
        }
        return lines
    }

    static func draw(_ d: CalendarDrawing, in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let palette = d.palette
        if d.model.rangeIsEmpty {
            let parts = area.rows([.fixed(2), .fill])
            NextSteps.draw(NextSteps.calendar(d.context), in: parts[1], centred: false, into: &buffer, palette: palette)
            return
        }
        let lines = lines(d)
        // The focused day comes first; scroll only when its selected entry is below the fold.
        let selected = lines.firstIndex { if case .entry(_, _, _, true) = $0 { return true } else { return false } } ?? 0
        let offset = selected >= area.height ? selected - area.height + 1 : 0
        for (row, line) in lines.dropFirst(offset).prefix(area.height).enumerated() {
            let y = area.y + row
            let lineRect = Rect(x: area.x, y: y, width: area.width, height: 1)
            switch line {
            case .day(let day):
                buffer.mark(lineRect, as: .day(day))
                let base = palette[.text]
                let title = d.dayTitle(day, year: true) + (day == d.today ? " · today" : "")
                let count = d.model.postCount(on: day)
                let suffix = count == 0 ? "" : count == 1 ? " · 1 post" : " · \(Figures.integer(count)) posts"
                buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: base)
                let end = PaneDrawing.put(title, x: area.x, y: y,
                                          style: day == d.today ? palette[.headerAccent] : Style(attributes: [.bold]),
                                          on: base, limit: area.maxX, into: &buffer)
                PaneDrawing.put(suffix, x: end, y: y, style: palette[.textDim], on: base, limit: area.maxX, into: &buffer)
            case .entry(let entry, let day, let index, let isSelected):
                d.drawEntryRow(entry, in: Rect(x: area.x + 2, y: y, width: area.width - 2, height: 1), selected: isSelected,
                               into: &buffer)
                buffer.mark(lineRect, as: .calendarEntry(day: day, index: index))
            case .nothing:
                buffer.put(PaneDrawing.fit("nothing planned", area.width - 2), x: area.x + 2, y: y, style: palette[.textDim])
            }
        }
        if offset + area.height < lines.count, area.width > 12 {
            let more = " ↓ \(lines.count - offset - area.height) more "
            buffer.put(more, x: area.maxX - DisplayWidth.of(more), y: area.maxY - 1, style: palette[.textDim])
        }
    }
}

/// The panel beside or under the grid: the focused day's posts.
enum CalendarDayPanel {
    /// The focused day's posts under a heading, scrolled to keep the selected one in
    /// view, and the model's message on the last line.
    static func draw(_ d: CalendarDrawing, in area: Rect, ruleOnTop: Bool, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let palette = d.palette
        let model = d.model
        let entries = model.dayEntries
        let posts = model.postCount(on: model.cursorDay)
        let count = posts == 1 ? "1 post" : "\(Figures.integer(posts)) posts"
        let heading = d.dayTitle(model.cursorDay, year: true) + (model.cursorDay == d.today ? " · today" : "") + " · " + count
        var body = area.rows([.fixed(1), .fill])[1]
        if ruleOnTop {
            PaneDrawing.rule(Rect(x: area.x, y: area.y, width: area.width, height: 1), label: heading,
                             style: palette[.border], labelStyle: PaneDrawing.layer(Style(attributes: [.bold]), on: palette[.text]),
                             into: &buffer)
        } else {
            buffer.put(PaneDrawing.fit(heading, area.width), x: area.x, y: area.y,
                       style: PaneDrawing.layer(Style(attributes: [.bold]), on: palette[.text]))
        }
        if let message = model.message, body.height >= 2 {
            body = PaneDrawing.bottomMessage(message, in: body, keeping: 1, style: palette[.warning], into: &buffer)
        }
        guard !body.isEmpty else { return }
        if model.rangeIsEmpty {
            NextSteps.draw(NextSteps.calendar(d.context), in: body, centred: false, into: &buffer, palette: palette)
            return
        }
        if entries.isEmpty {
            let notice = model.awaitsFocusedDay ? "loading…" : "Nothing planned on this day"
            buffer.put(PaneDrawing.fit(notice, body.width), x: body.x, y: body.y, style: palette[.textDim])
            return
        }
        let window = ListWindow(cursor: model.entryIndex, count: entries.count, rows: body.height)
        window.drawMarks(in: body, style: palette[.textDim], into: &buffer)
        for index in window.items {
            let line = Rect(x: body.x, y: body.y + window.row(of: index), width: body.width, height: 1)
            d.drawEntryRow(entries[index], in: line, selected: index == model.entryIndex, into: &buffer)
            buffer.mark(line, as: .calendarEntry(day: model.cursorDay, index: index))
        }
    }
}
