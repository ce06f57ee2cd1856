import Foundation
import SocialdeckModel
import SocialdeckViewModels

/// The month grid: Monday to Sunday across, the weeks of `visibleRange` down. Each
/// day shows its number (today with "•"), as many entries as fit and "+3 more" for
/// the rest; the cursor day is in `selection`, days of other months dim.
enum CalendarMonthView {
    static func draw(_ d: CalendarDrawing, in area: Rect, into buffer: inout CellBuffer) {
        guard area.height >= 2, area.width >= 7 else { return }
        let days = d.days
        let weeks = max(1, days.count / 7)
        let (columns, rules) = d.dayColumns(area)
        let rows = area.rows([.fixed(1)] + Array(repeating: Rect.Constraint.fill, count: weeks))
        for rule in rules {
            PaneDrawing.verticalRule(rule, style: d.palette[.border], into: &buffer)
        }
        // Weekday names over the columns: "Mon" … "Sun".
        for (index, column) in columns.enumerated() {
            let name = CalendarNames.weekdays[(index + 1) % 7]
            buffer.put(DisplayWidth.truncate(name, toColumns: column.width), x: column.x, y: rows[0].y,
                       style: d.palette[.textDim], maxWidth: column.width)
        }
        let month = d.parts(d.model.cursorDay).month
        for week in 0..<weeks {
            for (index, column) in columns.enumerated() where week * 7 + index < days.count {
                let cell = Rect(x: column.x, y: rows[week + 1].y, width: column.width, height: rows[week + 1].height)
                drawDay(days[week * 7 + index], in: cell, inMonth: d.parts(days[week * 7 + index]).month == month, d,
                        into: &buffer)
            }
        }
    }

    static func drawDay(_ day: Date, in cell: Rect, inMonth: Bool, _ d: CalendarDrawing, into buffer: inout CellBuffer) {
        guard !cell.isEmpty else { return }
        let palette = d.palette
        let base = day == d.model.cursorDay ? palette[.selection] : palette[.text]
        buffer.fill(cell, style: base)
        buffer.mark(cell, as: .day(day))
        let isToday = day == d.today
        // The 1st carries its month, so the days of the neighbouring months read right.
        let p = d.parts(day)
        let number = "\(p.day ?? 0)" + (p.day == 1 ? " " + CalendarNames.months[(p.month ?? 1) - 1] : "")
            + (isToday ? "•" : "")
        let numberStyle = !inMonth ? palette[.textDim] : isToday ? palette[.headerAccent]
            : PaneDrawing.layer(Style(attributes: [.bold]), on: palette[.text])
        let end = PaneDrawing.put(number, x: cell.x, y: cell.y, style: numberStyle, on: base, limit: cell.maxX,
                                  into: &buffer)

        let entries = d.entries(day)
        if entries.isEmpty, let count = d.model.dayCounts?[day], count > 0 {
            d.drawCount(count, x: cell.x, y: cell.height > 1 ? cell.y + 1 : cell.y, limit: cell.maxX,
                        base: base, beside: cell.height > 1 ? nil : end, into: &buffer)
            return
        }
        let shown = min(entries.count, cell.height - 1)
        let hidden = entries.count - shown
        if hidden > 0 {
            // "+3 more" beside the number, or "+3" when the cell is narrow.
            let room = cell.maxX - end - 1
            let label = DisplayWidth.of("+\(hidden) more") <= room ? "+\(hidden) more" : "+\(hidden)"
            if DisplayWidth.of(label) <= room {
                PaneDrawing.put(label, x: cell.maxX - DisplayWidth.of(label), y: cell.y, style: palette[.textDim],
                                on: base, limit: cell.maxX, into: &buffer)
            }
        }
        for (row, entry) in entries.prefix(shown).enumerated() {
            d.drawCompactEntry(entry, x: cell.x, y: cell.y + 1 + row, limit: cell.maxX, base: base, into: &buffer)
            buffer.mark(Rect(x: cell.x, y: cell.y + 1 + row, width: cell.width, height: 1),
                        as: .calendarEntry(day: day, index: row))
        }
    }
}

/// The week: seven columns, each day's entries in time order; the selected entry of
/// the cursor day in `selection`.
enum CalendarWeekView {
    static func draw(_ d: CalendarDrawing, in area: Rect, into buffer: inout CellBuffer) {
        guard area.height >= 2, area.width >= 7 else { return }
        let palette = d.palette
        let days = d.days
        let (columns, rules) = d.dayColumns(area)
        for rule in rules {
            PaneDrawing.verticalRule(rule, style: palette[.border], into: &buffer)
        }
        for (index, column) in columns.enumerated() where index < days.count {
            let day = days[index]
            let isCursor = day == d.model.cursorDay
            let isToday = day == d.today
            // The header: "Mon 30", today marked, the cursor day in `selection`.
            let header = Rect(x: column.x, y: area.y, width: column.width, height: 1)
            let headerBase = isCursor ? palette[.selection] : palette[.text]
            buffer.fill(header, style: headerBase)
            let p = d.parts(day)
            let label = CalendarNames.weekdays[(p.weekday ?? 1) - 1] + " \(p.day ?? 0)" + (isToday ? "•" : "")
            PaneDrawing.put(label, x: header.x, y: header.y, style: isToday ? palette[.headerAccent] : palette[.textDim],
                            on: headerBase, limit: header.maxX, into: &buffer)

            let body = Rect(x: column.x, y: area.y + 1, width: column.width, height: area.height - 1)
            buffer.mark(Rect(x: column.x, y: area.y, width: column.width, height: area.height), as: .day(day))
            let entries = d.entries(day)
            if entries.isEmpty, let count = d.model.dayCounts?[day], count > 0 {
                d.drawCount(count, x: body.x, y: body.y, limit: body.maxX, base: palette[.text], into: &buffer)
                continue
            }
            // Wide columns give an entry one line; narrow ones put the title under the time.
            let linesPerEntry = column.width >= 18 ? 1 : 2
            var shown = entries.count
            if entries.count * linesPerEntry > body.height { shown = max(0, (body.height - 1) / linesPerEntry) }
            for (order, entry) in entries.prefix(shown).enumerated() {
                let y = body.y + order * linesPerEntry
                let selected = isCursor && order == d.model.entryIndex
                let base = selected ? palette[.selection] : palette[.text]
                buffer.fill(Rect(x: body.x, y: y, width: body.width, height: linesPerEntry), style: base)
                d.drawCompactEntry(entry, x: body.x, y: y, limit: body.maxX, base: base, showTitle: linesPerEntry == 1,
                                   into: &buffer)
                buffer.mark(Rect(x: body.x, y: y, width: body.width, height: linesPerEntry),
                            as: .calendarEntry(day: day, index: order))
                if linesPerEntry == 2 {
                    PaneDrawing.put(" " + PaneDrawing.fit(entry.title, body.width - 1), x: body.x, y: y + 1,
                                    style: palette.status(entry.status), on: base, limit: body.maxX, into: &buffer)
                }
            }
            if shown < entries.count {
                PaneDrawing.put("+\(entries.count - shown) more", x: body.x, y: body.y + shown * linesPerEntry,
                                style: palette[.textDim], on: palette[.text], limit: body.maxX, into: &buffer)
            }
        }
    }
}
