import Foundation
import SocialdeckModel
import SocialdeckViewModels

/// What the calendar's views share while drawing one frame: the model, its calendar
/// (in the model's time zone, weeks from Monday), today, and how days and entries read.
struct CalendarDrawing {
    typealias Entry = CalendarModel.Entry

    let model: CalendarModel
    let palette: Palette
    let context: PaneContext
    let calendar: Calendar
    /// Midnight of the viewer's today, in the model's zone.
    let today: Date
    let byDay: [Date: [Entry]]

    init(_ model: CalendarModel, context: PaneContext) {
        self.model = model
        self.palette = context.palette
        self.context = context
        calendar = .gregorian(in: model.timeZone)
        today = calendar.startOfDay(for: context.now)
        self.byDay = model.byDay
    }

    /// Midnight `offset` days after the day of `date`.
    func day(_ offset: Int, from date: Date) -> Date {
        calendar.startOfDay(for: calendar.date(byAdding: .day, value: offset, to: date) ?? date)
    }

    /// The visible range's days, midnight each, whatever DST does in between.
    var days: [Date] { model.visibleDays.map(\.start) }

    /// The day's entries (filters applied), earliest first.
    func entries(_ day: Date) -> [Entry] {
        (byDay[day] ?? []).sorted { $0.time < $1.time }
    }

    func parts(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    /// "09:00" in the model's zone.
    func clock(_ date: Date) -> String {
        let p = parts(date)
        return CalendarNames.padded(p.hour ?? 0) + ":" + CalendarNames.padded(p.minute ?? 0)
    }

    /// "Tue 01 Dec", with the year when `year` is set: "Tue 01 Dec 2026".
    func dayTitle(_ date: Date, year: Bool = false) -> String {
        let p = parts(date)
        let text = "\(CalendarNames.weekdays[(p.weekday ?? 1) - 1]) \(CalendarNames.padded(p.day ?? 0)) "
            + CalendarNames.months[(p.month ?? 1) - 1]
        return year ? text + " \(p.year ?? 0)" : text
    }

    static func statusWord(_ status: PostStatus) -> String {
        status.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// The seven day columns of `area` and the six rules between them.
    func dayColumns(_ area: Rect) -> (days: [Rect], rules: [Rect]) {
        var constraints: [Rect.Constraint] = []
        for index in 0..<7 { constraints += index == 0 ? [.fill] : [.fixed(1), .fill] }
        let parts = area.columns(constraints)
        return (stride(from: 0, to: parts.count, by: 2).map { parts[$0] },
                stride(from: 1, to: parts.count, by: 2).map { parts[$0] })
    }

    /// "09:00 X Launch…" on one line: time and title in the status colour, the badge in
    /// the platform's, over `base`.
    func drawCompactEntry(_ entry: Entry, x: Int, y: Int, limit: Int, base: Style, showTitle: Bool = true,
                          into buffer: inout CellBuffer) {
        let status = palette.status(entry.status)
        var column = PaneDrawing.put(clock(entry.time), x: x, y: y, style: status, on: base, limit: limit, into: &buffer)
        column = PaneDrawing.put(" ", x: column, y: y, style: base, on: base, limit: limit, into: &buffer)
        column = PlatformBadge.draw([entry.platform], x: column, y: y, limit: limit, base: base, palette: palette,
                                    into: &buffer)
        guard showTitle, column + 1 < limit else { return }
        PaneDrawing.put(" " + PaneDrawing.fit(entry.title, limit - column - 1), x: column, y: y, style: status, on: base,
                        limit: limit, into: &buffer)
    }

    /// "412 posts" for a day the calendar counts rather than lists, from (x, y); after
    /// `beside` (the day number's end) it shortens to "412" right-aligned.
    func drawCount(_ count: Int, x: Int, y: Int, limit: Int, base: Style, beside: Int? = nil,
                   into buffer: inout CellBuffer) {
        let long = Figures.integer(count) + (count == 1 ? " post" : " posts")
        if let beside {
            let short = DisplayWidth.of(long) < limit - beside ? long : Figures.compact(Double(count))
            guard DisplayWidth.of(short) < limit - beside else { return }
            PaneDrawing.put(short, x: limit - DisplayWidth.of(short), y: y, style: palette[.textDim], on: base,
                            limit: limit, into: &buffer)
        } else {
            PaneDrawing.put(PaneDrawing.fit(long, limit - x), x: x, y: y, style: palette[.textDim], on: base, limit: limit,
                            into: &buffer)
        }
    }

    /// "09:00  X   scheduled    Launch title" across `line`, in `selection` when selected.
    func drawEntryRow(_ entry: Entry, in line: Rect, selected: Bool, into buffer: inout CellBuffer) {
        guard !line.isEmpty else { return }
        let base = selected ? palette[.selection] : palette[.text]
        buffer.fill(line, style: base)
        let limit = line.maxX
        var x = PaneDrawing.put(clock(entry.time), x: line.x, y: line.y, style: palette[.textDim], on: base, limit: limit,
                                into: &buffer)
        x += 2
        PlatformBadge.draw([entry.platform], x: x, y: line.y, limit: limit, base: base, palette: palette, into: &buffer)
        x += 4
        let status = palette.status(entry.status)
        // Narrow lines keep the title and show the status by its colour alone.
        if line.width >= 36 {
            PaneDrawing.put(Self.statusWord(entry.status), x: x, y: line.y, style: status, on: base, limit: limit,
                            into: &buffer)
            x += 12
        }
        PaneDrawing.put(PaneDrawing.fit(entry.title, limit - x), x: x, y: line.y,
                        style: line.width >= 36 ? palette[.text] : status, on: base, limit: limit, into: &buffer)
    }
}
