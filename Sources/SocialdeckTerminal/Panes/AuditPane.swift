public import Foundation
public import SocialdeckCore
public import SocialdeckModel
public import SocialdeckViewModels

/// The audit trail, read-only: one log newest first, 50 entries a page, the selected
/// entry beside the list from 120 columns (under it below): who acted and from where,
/// the reason, and each changed field before → after. An entry about a person since
/// erased says so instead of its personal parts.
public enum AuditPane: Pane {
    public static func render(_ model: AuditModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let palette = context.palette
        buffer.fill(area, style: palette[.text])
        let rows = area.rows([.fixed(1), .fill, .fixed(1)])
        var title: [(String, Style)] = [(model.log == .staff ? "Audit · staff log" : "Audit · customers' log", palette.heading),
                                        (" · page \(model.pageNumber)", palette[.textDim])]
        if !model.filterText.isEmpty { title.append((" · filter \(model.filterText)", palette[.warning])) }
        buffer.put(title, x: rows[0].x, y: rows[0].y, limit: rows[0].maxX)
        buffer.put(model.message ?? "/ filter (action: severity: by: target:) · ] older · [ newer" + (model.canSwitchLog ? " · v other log" : ""),
                   x: rows[2].x, y: rows[2].y, width: rows[2].width, style: palette[model.message == nil ? .textDim : .warning])
        let (list, detail) = PaneDrawing.listAndDetail(rows[1], listRows: model.entries.count)
        drawList(model, in: list, into: &buffer, context: context)
        if let entry = model.selected { drawEntry(entry, model: model, in: detail, into: &buffer, context: context) }
    }

    enum Column { case time, severity, action, target, actor }

    static func actor(_ e: AuditEntry, _ model: AuditModel) -> String {
        e.operatorName.map { "operator \($0)" } ?? e.actor.map { model.names[$0] ?? String($0.hex.suffix(8)) } ?? "system"
    }

    private static func drawList(_ model: AuditModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        guard rect.height > 0 else { return }
        guard model.hasLoaded else { return buffer.putCentered("loading…", in: rect, style: palette[.textDim]) }
        guard !model.entries.isEmpty else { return buffer.putCentered("no entry matches", in: rect, style: palette[.textDim]) }
        let table = TableLayout<Column>([
            .init(id: .time, header: "when", width: 10, alignment: .trailing),
            .init(id: .severity, header: "severity", width: 8, hideRank: 2),
            .init(id: .action, header: "action", width: 26, minimumWidth: 16),
            .init(id: .target, header: "target", width: 22, hideRank: 1),
            .init(id: .actor, header: "by", width: 30, minimumWidth: 12),
        ], width: rect.width, x: rect.x, stretch: .actor)
        table.drawHeader(y: rect.y, into: &buffer, style: palette.heading)
        let list = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let window = ListWindow(cursor: model.cursor, count: model.entries.count, rows: list.height)
        window.drawMarks(in: list, style: palette[.textDim], into: &buffer)
        for index in window.items {
            let e = model.entries[index]
            let y = list.y + window.row(of: index)
            let selected = index == model.cursor
            let base = selected ? palette[.selection] : palette[.text]
            if selected { buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: base) }
            let level: ThemeSlot = e.severity == .critical ? .error : e.severity == .warning ? .warning : .text
            table.put(Figures.relative(e.timestamp, now: context.now), in: .time, y: y, into: &buffer, style: base)
            table.put(e.severity.rawValue, in: .severity, y: y, into: &buffer, style: selected ? palette[level].on(base) : palette[level])
            table.put(e.action, in: .action, y: y, into: &buffer, style: base)
            table.put(e.targetId.map { "\(e.targetType) \($0.hex.suffix(8))" } ?? e.targetType, in: .target, y: y, into: &buffer, style: base)
            table.put(actor(e, model), in: .actor, y: y, into: &buffer, style: base)
        }
    }

    private static func drawEntry(_ e: AuditEntry, model: AuditModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        guard !rect.isEmpty else { return }
        var lines: [[(String, Style)]] = [[(e.action.replacingOccurrences(of: "_", with: " "), palette.heading),
                                           ("  \(ISODate.string(from: e.timestamp).prefix(19).replacingOccurrences(of: "T", with: " ")) UTC", palette[.textDim])]]
        lines.append([("by ", palette[.textDim]), (actor(e, model), palette[.text]),
                      (e.ipAddress.map { " from \($0)" } ?? "", palette[.textDim])])
        if let target = e.targetId { lines.append([("about \(e.targetType) ", palette[.textDim]), (target.hex, palette[.text])]) }
        if let reason = e.reason { lines.append([("why ", palette[.textDim]), (reason, palette[.text])]) }
        if e.personalDataErased {
            lines.append([("the person this concerned was erased: what it held about them cannot be read", palette[.warning])])
        }
        let changes = e.changes
        if !changes.isEmpty {
            lines.append([])
            lines.append([("Changes", palette.heading)])
            for change in changes {
                lines.append([("  \(change.path) ", palette[.textDim]), (AuditEntry.text(change.before), palette[.error]),
                              (" → ", palette[.textDim]), (AuditEntry.text(change.after), palette[.success])])
            }
        }
        for (row, line) in zip(rect.y..<rect.maxY, lines) { buffer.put(line, x: rect.x, y: row, limit: rect.maxX) }
    }
}
