public import Foundation
public import SocialdeckCore
public import SocialdeckModel
public import SocialdeckViewModels

/// Customers for support: a search line (`/`, as you type), the matching accounts
/// (email, name, role, status, organization, plan), and the selected customer's
/// profile (``CustomerProfileView``) beside the list from 120 columns, under it below.
/// A line at the bottom names the keys, or holds the reason prompt of suspend and delete;
/// what an action did shows in the footer's message.
public enum CustomersPane: Pane {
    public static func render(_ model: CustomersModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let palette = context.palette
        buffer.fill(area, style: palette[.text])
        let rows = area.rows([.fixed(1), .fill, .fixed(1)])
        drawTitle(model, in: rows[0], into: &buffer, palette: palette)
        drawFooter(model, in: rows[2], into: &buffer, palette: palette)
        let (list, detail) = PaneDrawing.listAndDetail(rows[1], listRows: model.matches.count)
        drawList(model, in: list, into: &buffer, context: context)
        if let profile = model.selectedProfile {
            CustomerProfileView.render(profile, in: detail, into: &buffer, context: context)
        } else if model.selected != nil {
            buffer.putCentered("loading the customer…", in: detail, style: palette[.textDim])
        }
    }

    /// "Customers · 12 match “acme”" or, before a search, how to start one.
    private static func drawTitle(_ model: CustomersModel, in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        var pieces: [(String, Style)] = [("Customers", palette.heading)]
        if model.query.isEmpty {
            pieces.append((" · / to search by email, name or organization", palette[.textDim]))
        } else {
            let more = model.matches.count >= CustomersModel.listLimit ? "\(CustomersModel.listLimit)+" : "\(model.matches.count)"
            pieces.append((" · \(more) match “", palette[.textDim]))
            pieces.append((model.query, palette[.text]))
            pieces.append(("”", palette[.textDim]))
        }
        buffer.put(pieces, x: row.x, y: row.y, limit: row.maxX)
    }

    enum Column { case email, name, role, status, organization, plan }

    static func layout(width: Int, x: Int) -> TableLayout<Column> {
        TableLayout([
            .init(id: .email, header: "email", width: 30, minimumWidth: 16),
            .init(id: .name, header: "name", width: 16, hideRank: 3),
            .init(id: .role, header: "role", width: 7, hideRank: 2),
            .init(id: .status, header: "status", width: 9),
            .init(id: .organization, header: "organization", width: 12, hideRank: 4),
            .init(id: .plan, header: "plan", width: 10, hideRank: 1),
        ], width: width, x: x, stretch: .email)
    }

    private static func drawList(_ model: CustomersModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        guard rect.height > 0 else { return }
        guard model.hasLoaded else { return buffer.putCentered("loading…", in: rect, style: palette[.textDim]) }
        guard !model.matches.isEmpty else {
            return buffer.putCentered(model.query.isEmpty ? "no customer accounts yet" : "no customer matches", in: rect, style: palette[.textDim])
        }
        let table = layout(width: rect.width, x: rect.x)
        table.drawHeader(y: rect.y, into: &buffer, style: palette.heading)
        let list = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        let window = ListWindow(cursor: model.cursor, count: model.matches.count, rows: list.height)
        window.drawMarks(in: list, style: palette[.textDim], into: &buffer)
        for index in window.items {
            let c = model.matches[index]
            let y = list.y + window.row(of: index)
            let selected = index == model.cursor
            let base = selected ? palette[.selection] : palette[.text]
            if selected { buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), style: base) }
            let status = statusSlot(c.status)
            table.put(c.email, in: .email, y: y, into: &buffer, style: base)
            table.put(c.name, in: .name, y: y, into: &buffer, style: base)
            table.put(c.role, in: .role, y: y, into: &buffer, style: base)
            table.put(c.status.rawValue, in: .status, y: y, into: &buffer, style: selected ? palette[status].on(base) : palette[status])
            table.put(c.organizationSlug + (c.organizationDeleted ? " (deleted)" : ""), in: .organization, y: y, into: &buffer,
                      style: c.organizationDeleted ? (selected ? palette[.warning].on(base) : palette[.warning]) : base)
            table.put(c.plan, in: .plan, y: y, into: &buffer, style: base)
        }
    }

    static func statusSlot(_ status: CustomerMatch.Status) -> ThemeSlot {
        switch status {
        case .active: return .success
        case .suspended, .deleted: return .error
        case .locked: return .warning
        }
    }

    private static func drawFooter(_ model: CustomersModel, in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !row.isEmpty else { return }
        if let prompt = model.reasonPrompt {
            let label = prompt.purpose == .suspend ? "Suspend \(prompt.customer.email) because: " : "Delete \(prompt.customer.email) because: "
            return PaneDrawing.promptLine(label, text: prompt.line.text, in: row, into: &buffer, palette: palette)
        }
        buffer.put("s suspend/activate · U unlock · D delete/restore · :role ROLE · :plan TIER · :2fa-reset", x: row.x, y: row.y,
                   width: row.width, style: palette[.textDim])
    }
}
