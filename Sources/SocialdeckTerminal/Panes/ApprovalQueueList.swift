import SocialdeckModel
import SocialdeckViewModels

/// The left (or upper) half of the approvals pane: a count line, then one row per
/// draft: bulk mark, soonest time, platforms, for staff the organization, author or
/// agent with confidence, the tightest length against its limit, and the title.
enum ApprovalQueueList {
    /// The widths of the row's columns; 0 for a column dropped for lack of room.
    struct Columns: Equatable {
        var time = 16
        var badges = 0
        /// Staff only: the draft's organization.
        var organization = 0
        var author = 0
        var count = 0
        /// Whether the count column keeps two cells for " ⚠": always, so that the
        /// columns stay put whether or not a row on screen is over its limit.
        var warning = true
        var title = 0
    }

    /// The platform whose limit the text comes closest to (or goes furthest past).
    static func tightest(_ item: QueueItem) -> QueueItem.PlatformLength? {
        item.lengths.max { Double($0.count) / Double($0.limit) < Double($1.count) / Double($1.limit) }
    }

    /// "212/280" for the tightest platform; `drawRow` adds " ⚠" past the limit.
    static func countText(_ item: QueueItem) -> String {
        guard let length = tightest(item) else { return "" }
        return "\(length.count)/\(length.limit)"
    }

    /// "agent AI 85%" for a draft an agent wrote ("offline AI 85%" for the offline
    /// writer's), else the author's name.
    static func authorText(_ item: QueueItem) -> String {
        guard item.isAIDraft else { return PaneDrawing.clean(item.author) }
        let who = item.isOffline ? "offline AI" : "agent AI"
        guard let confidence = item.confidence else { return who }
        return "\(who) \(Int((min(max(confidence, 0), 1) * 100).rounded()))%"
    }

    /// The organization column's widest and narrowest: a name is cut with "…" before the column goes.
    static let organizationWidths = (most: 20, least: 8)

    static func columns(for items: [QueueItem], width: Int, organizations: Bool = false) -> Columns {
        var columns = Columns()
        columns.badges = items.map { PlatformBadge.width($0.platforms) }.max() ?? 0
        if organizations {
            columns.organization = min(organizationWidths.most, items.map { DisplayWidth.of(PaneDrawing.clean($0.organization ?? "")) }.max() ?? 0)
        }
        columns.author = min(16, items.map { DisplayWidth.of(authorText($0)) }.max() ?? 0)
        // The counts right-aligned so the slashes line up, then room for " ⚠".
        columns.count = (items.map { DisplayWidth.of(countText($0)) }.max() ?? 0) + (columns.warning ? 2 : 0)
        // Mark, then one space before each column; the title keeps at least 12 columns.
        func titleWidth() -> Int {
            let used = [columns.time, columns.badges, columns.organization, columns.author, columns.count].filter { $0 > 0 }
            return width - 1 - used.reduce(0) { $0 + $1 + 1 } - 1
        }
        if titleWidth() < 12 { columns.author = 0 }
        if titleWidth() < 12, columns.organization > organizationWidths.least {
            columns.organization = max(organizationWidths.least, columns.organization - (12 - titleWidth()))
        }
        for drop in [\Columns.time, \Columns.organization, \Columns.badges, \Columns.count] where titleWidth() < 12 {
            columns[keyPath: drop] = 0
        }
        columns.title = max(0, titleWidth())
        return columns
    }

    /// The width the list needs to show its columns and `title` columns of each title.
    static func width(for items: [QueueItem], title: Int) -> Int {
        let columns = columns(for: items, width: Int.max / 2)
        return 1 + [columns.time, columns.badges, columns.author, columns.count].filter { $0 > 0 }.reduce(0) { $0 + $1 + 1 }
            + 1 + title
    }

    static func draw(_ model: ApprovalQueueModel, in area: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        guard !area.isEmpty else { return }
        let palette = context.palette
        let items = model.visible
        // The count line: "12 pending · 2 selected", the filter, and the position.
        var summary = "\(items.count) pending"
        if !model.selected.isEmpty { summary += " · \(model.selected.count) selected" }
        if !model.filter.isEmpty { summary += " · filter “\(PaneDrawing.clean(model.filter))”" }
        let position = items.isEmpty ? "" : "\(model.cursor + 1)/\(items.count)"
        let positionWidth = DisplayWidth.of(position)
        buffer.put(PaneDrawing.fit(summary, area.width - positionWidth - 1), x: area.x, y: area.y,
                   style: PaneDrawing.layer(Style(attributes: [.bold]), on: palette[.text]))
        if area.width > positionWidth + 1 {
            buffer.put(position, x: area.maxX - positionWidth, y: area.y, style: palette[.textDim])
        }

        let rows = area.height - 1
        guard rows > 0 else { return }
        let columns = columns(for: items, width: area.width, organizations: model.isCrossOrganization)
        let window = ListWindow(cursor: model.cursor, count: items.count, rows: rows)
        for index in window.items {
            let line = Rect(x: area.x, y: area.y + 1 + window.row(of: index), width: area.width, height: 1)
            drawRow(items[index], isCursor: index == model.cursor, isSelected: model.selected.contains(items[index].id),
                    columns: columns, at: line, into: &buffer, context: context)
            buffer.mark(line, as: .queueRow(index))
            buffer.mark(Rect(x: line.x, y: line.y, width: 1, height: 1), as: .queueMark(index))
        }
        window.drawMarks(in: Rect(x: area.x, y: area.y + 1, width: area.width, height: rows), style: palette[.textDim],
                         into: &buffer)
    }

    static func drawRow(_ item: QueueItem, isCursor: Bool, isSelected: Bool, columns: Columns, at line: Rect,
                        into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        let base = isCursor ? palette[.selection] : palette[.text]
        buffer.fill(line, style: base)
        let y = line.y
        let limit = line.maxX
        var x = line.x
        func column(_ width: Int, _ draw: (inout CellBuffer) -> Void) {
            guard width > 0 else { return }
            x += 1
            draw(&buffer)
            x += width
        }

        PaneDrawing.put(isSelected ? "●" : "○", x: x, y: y, style: isSelected ? palette[.success] : palette[.textDim],
                        on: base, limit: limit, into: &buffer)
        x += 1
        column(columns.time) { buffer in
            // An expired draft says so where its time would be: approving it now publishes nothing.
            let time = item.isExpired ? "expired" : item.scheduledAt.map(context.shortDateTime) ?? "unscheduled"
            PaneDrawing.put(time, x: x, y: y, style: item.isExpired ? palette.status(.expired) : palette[.textDim], on: base,
                            limit: min(limit, x + columns.time), into: &buffer)
        }
        column(columns.badges) { buffer in
            PlatformBadge.draw(item.platforms, x: x, y: y, limit: min(limit, x + columns.badges), base: base,
                               palette: palette, into: &buffer)
        }
        column(columns.organization) { buffer in
            PaneDrawing.put(PaneDrawing.fit(item.organization ?? "", columns.organization), x: x, y: y, style: palette[.textDim],
                            on: base, limit: min(limit, x + columns.organization), into: &buffer)
        }
        column(columns.author) { buffer in
            var style = palette[.text]
            if item.isAIDraft, let confidence = item.confidence {
                style = confidence >= 0.8 ? palette[.success] : confidence >= 0.5 ? palette[.warning] : palette[.error]
            }
            PaneDrawing.put(PaneDrawing.fit(authorText(item), columns.author), x: x, y: y, style: style, on: base,
                            limit: min(limit, x + columns.author), into: &buffer)
        }
        column(columns.count) { buffer in
            let over = tightest(item)?.isOver ?? false
            let text = countText(item) + (over ? " ⚠" : "")
            let start = x + columns.count - DisplayWidth.of(countText(item)) - (columns.warning ? 2 : 0)
            PaneDrawing.put(text, x: start, y: y, style: over ? palette[.overlimit] : palette[.textDim], on: base,
                            limit: min(limit, x + columns.count), into: &buffer)
        }
        column(columns.title) { buffer in
            let title = item.title.isEmpty ? "(untitled)" : item.title
            PaneDrawing.put(PaneDrawing.fit(title, columns.title), x: x, y: y, style: palette[.text], on: base,
                            limit: min(limit, x + columns.title), into: &buffer)
        }
    }
}
