public import Foundation
public import SocialdeckCore
public import SocialdeckModel
public import SocialdeckViewModels

/// Support tickets: the queue (or every ticket, `v`), the most urgent first, with the
/// selected ticket's conversation beside it from 120 columns, under it below. A line at
/// the bottom names the keys, or holds the reply or new ticket being written.
public enum TicketsPane: Pane {
    public static func render(_ model: TicketsModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let palette = context.palette
        buffer.fill(area, style: palette[.text])
        let rows = area.rows([.fixed(1), .fill, .fixed(1)])
        drawTitle(model, in: rows[0], into: &buffer, palette: palette)
        drawFooter(model, in: rows[2], into: &buffer, palette: palette)
        let (list, detail) = PaneDrawing.listAndDetail(rows[1], listRows: model.rows.count)
        drawList(model, in: list, into: &buffer, context: context)
        if let ticket = model.selected { drawConversation(ticket, model: model, in: detail, into: &buffer, context: context) }
    }

    private static func drawTitle(_ model: TicketsModel, in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        let open = model.rows.filter { $0.status == .open }.count, pending = model.rows.filter { $0.status == .pending }.count
        let urgent = model.rows.filter { $0.priority == .urgent && ($0.status == .open || $0.status == .pending) }.count
        var pieces: [(String, Style)] = [(model.showsAll ? "Tickets · all" : "Tickets · queue", palette.heading),
                                         (" · \(open) open · \(pending) waiting on the customer", palette[.textDim])]
        if urgent > 0 { pieces.append((" · \(urgent) urgent", palette[.error])) }
        buffer.put(pieces, x: row.x, y: row.y, limit: row.maxX)
    }

    enum Column { case priority, status, customer, assignee, updated, subject }

    private static func drawList(_ model: TicketsModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        guard rect.height > 0 else { return }
        guard model.hasLoaded else { return buffer.putCentered("loading…", in: rect, style: palette[.textDim]) }
        guard !model.rows.isEmpty else {
            return buffer.putCentered(model.showsAll ? "no tickets" : "the queue is empty · v shows every ticket", in: rect, style: palette[.textDim])
        }
        let table = TableLayout<Column>([
            .init(id: .priority, header: "priority", width: 8),
            .init(id: .status, header: "status", width: 8),
            .init(id: .customer, header: "customer", width: 22, hideRank: 2),
            .init(id: .assignee, header: "assignee", width: 14, hideRank: 1),
            .init(id: .updated, header: "updated", width: 9, alignment: .trailing, hideRank: 3),
            .init(id: .subject, header: "subject", width: 60, minimumWidth: 24),
        ], width: rect.width, x: rect.x, stretch: .subject)
        table.drawHeader(y: rect.y, into: &buffer, style: palette.heading)
        let list = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let window = ListWindow(cursor: model.cursor, count: model.rows.count, rows: list.height)
        window.drawMarks(in: list, style: palette[.textDim], into: &buffer)
        for index in window.items {
            let t = model.rows[index]
            let y = list.y + window.row(of: index)
            let selected = index == model.cursor
            let base = selected ? palette[.selection] : palette[.text]
            if selected { buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: base) }
            let urgency: ThemeSlot = t.priority == .urgent ? .error : t.priority == .high ? .warning : .text
            table.put(t.priority.rawValue, in: .priority, y: y, into: &buffer, style: selected ? palette[urgency].on(base) : palette[urgency])
            table.put(t.status.rawValue, in: .status, y: y, into: &buffer, style: base)
            table.put(t.userId.flatMap { model.names[$0] } ?? "-", in: .customer, y: y, into: &buffer, style: base)
            table.put(t.assignedTo.map { model.names[$0] ?? "support" } ?? "-", in: .assignee, y: y, into: &buffer, style: base)
            table.put(Figures.relative(t.updatedAt, now: context.now), in: .updated, y: y, into: &buffer, style: base)
            table.put(t.subject, in: .subject, y: y, into: &buffer, style: base)
        }
    }

    /// The subject, who and what, then each message with its author and age, wrapped.
    private static func drawConversation(_ t: SupportTicket, model: TicketsModel, in rect: Rect, into buffer: inout CellBuffer,
                                         context: PaneContext) {
        let palette = context.palette
        guard !rect.isEmpty else { return }
        var lines: [[(String, Style)]] = [[(t.subject, palette.heading)]]
        lines.append([("\(t.status.rawValue) · \(t.priority.rawValue) · customer ", palette[.textDim]),
                      (t.userId.flatMap { model.names[$0] } ?? "-", palette[.text]),
                      (" · opened \(Figures.relative(t.createdAt, now: context.now))", palette[.textDim])])
        for m in t.messages {
            lines.append([])
            let author = m.fromStaff ? (model.isStaff ? m.authorId.flatMap { model.names[$0] } ?? "support" : "support")
                                     : (t.userId.flatMap { model.names[$0] } ?? "customer")
            lines.append([(author, palette[m.fromStaff ? .success : .text]), (" · \(Figures.relative(m.createdAt, now: context.now))", palette[.textDim])])
            for paragraph in m.text.split(separator: "\n", omittingEmptySubsequences: false) {
                for line in PaneDrawing.wrap(String(paragraph), max(1, rect.width - 2)) { lines.append([("  " + line, palette[.text])]) }
            }
        }
        // The newest messages matter most: when the conversation is too long, its start goes.
        let shown = lines.count > rect.height ? Array(lines.prefix(2)) + [[("  …", palette[.textDim])]] + lines.suffix(max(0, rect.height - 3)) : lines
        for (row, line) in zip(rect.y..<rect.maxY, shown) { buffer.put(line, x: rect.x, y: row, limit: rect.maxX) }
    }

    private static func drawFooter(_ model: TicketsModel, in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !row.isEmpty else { return }
        if let prompt = model.prompt {
            let label: String
            switch prompt.purpose {
            case .reply(_, let subject): label = "Reply to “\(subject)”: "
            case .newTicket: label = "New ticket about: "
            }
            return PaneDrawing.promptLine(label, text: prompt.line.text, in: row, into: &buffer, palette: palette)
        }
        let keys = model.isStaff ? "r reply · t take/give back · c resolve/reopen · p priority · v all/queue · :ticket EMAIL SUBJECT"
                                 : "r reply · c close · n new ticket · v all/queue"
        buffer.put(keys, x: row.x, y: row.y, width: row.width, style: palette[.textDim])
    }
}
