import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels

/// The agents' workflows, step by step: under the agent table the latest few, and
/// (`w`) the whole list in place of the table, with the selected workflow's topic and
/// error under it and `x` to cancel it.
enum WorkflowsView {
    /// What people call each step.
    static func label(_ step: String) -> String {
        switch step {
        case "build_daily_rollups": return "rollups"
        case "fetch_comments": return "fetch comments"
        case "triage_comments": return "sort comments"
        case "weekly_report": return "weekly report"
        case "analyze_content_performance": return "performance"
        case "analyze_user_behavior": return "behaviour"
        case "identify_trends": return "trends"
        case "generate_insights": return "insights"
        case "optimize_posting_schedule": return "best times"
        case "update_strategy_from_insights": return "strategy"
        case "generate_content": return "drafts"
        case "schedule_approved_content": return "scheduling"
        default: return step.replacingOccurrences(of: "_", with: " ")
        }
    }

    static func mark(_ state: WorkflowProgress.StepState) -> (String, ThemeSlot) {
        switch state {
        case .done: return ("✓", .success)
        case .running: return ("▸", .warning)
        case .waiting: return ("·", .textDim)
        case .failed: return ("✗", .error)
        case .skipped: return ("–", .textDim)
        }
    }

    static func stateSlot(_ status: AgentMessage.Delivery) -> ThemeSlot {
        switch status {
        case .queued: return .textDim
        case .processing: return .warning
        case .done: return .success
        case .failed: return .error
        case .cancelled: return .textDim
        }
    }

    static func stateText(_ status: AgentMessage.Delivery) -> String {
        switch status {
        case .queued: return "waiting"
        case .processing: return "running"
        default: return status.rawValue
        }
    }

    /// "✓ performance › ▸ best times › · drafts", styled per step.
    static func steps(_ w: WorkflowProgress, palette: Palette, on base: Style?) -> [(String, Style)] {
        var pieces: [(String, Style)] = []
        for (i, step) in w.steps.enumerated() {
            let (symbol, slot) = mark(step.state)
            let style = base.map { palette[slot].on($0) } ?? palette[slot]
            if i > 0 { pieces.append((" › ", base.map { palette[.textDim].on($0) } ?? palette[.textDim])) }
            pieces.append((symbol + " " + label(step.name), style))
        }
        return pieces
    }

    /// The latest workflows under the agent table: a rule and one line each.
    static func drawSummary(_ model: AgentsModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        guard rect.height > 1, !model.workflows.isEmpty else { return }
        let palette = context.palette
        let running = model.workflows.filter(\.isActive).count
        let label = running > 0 ? "workflows · \(running) running or waiting" : "workflows"
        PaneDrawing.rule(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), label: label, style: palette[.border],
                         labelStyle: palette.heading, into: &buffer)
        let shown = Array(model.workflows.prefix(rect.height - 1))
        // Organizations are named only when the list holds several (staff), as in the full list.
        let several = Set(model.workflows.compactMap(\.organizationId)).count > 1
        let names = shown.map { w in
            w.workflow + (several ? w.organizationId.flatMap { model.organizationNames[$0] }.map { " · " + $0 } ?? "" : "")
        }
        let nameWidth = min(40, names.map(DisplayWidth.of).max() ?? 0)
        for (row, w) in shown.enumerated() {
            let y = rect.y + 1 + row
            let name = names[row]
            var pieces: [(String, Style)] = [(w.workflow, palette[.text]), (String(name.dropFirst(w.workflow.count)), palette[.textDim])]
            pieces.append((String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(name)) + 2), palette[.text]))
            pieces += steps(w, palette: palette, on: nil)
            pieces.append(("  " + stateText(w.status), palette[stateSlot(w.status)]))
            buffer.put(pieces, x: rect.x, y: y, limit: rect.maxX)
        }
    }

    enum Column { case when, workflow, organization, state, steps }

    static func render(_ model: AgentsModel, in area: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        guard !area.isEmpty else { return }
        let palette = context.palette
        let parts = area.rows([.fixed(1), .fill])
        drawTitle(model, in: parts[0], into: &buffer, context: context)
        guard !model.workflows.isEmpty else {
            NextSteps.draw([.headline("No workflow has been asked for yet."),
                            .advice("Start one with :workflow content-creation TOPIC, :workflow analytics or :workflow strategy-optimisation.")],
                           in: parts[1], into: &buffer, palette: palette)
            return
        }
        let detail = detailLines(model.selectedWorkflow, width: parts[1].width, context: context)
        let detailHeight = detail.isEmpty ? 0 : min(detail.count + 1, max(0, parts[1].height - 4))
        let body = parts[1].rows([.fixed(1), .fill, .fixed(detailHeight)])
        let showsOrganization = model.workflows.contains { $0.organizationId.flatMap { model.organizationNames[$0] } != nil }
            && Set(model.workflows.compactMap(\.organizationId)).count > 1
        var columns: [TableLayout<Column>.Column] = [
            .init(id: .when, header: "asked", width: 16, hideRank: 2),
            .init(id: .workflow, header: "workflow", width: 21),
        ]
        if showsOrganization { columns.append(.init(id: .organization, header: "organization", width: 16, hideRank: 1)) }
        columns += [.init(id: .state, header: "state", width: 9), .init(id: .steps, header: "steps", width: 200, minimumWidth: 12)]
        let table = TableLayout(columns, width: area.width, x: area.x, stretch: .steps)
        table.drawHeader(y: body[0].y, into: &buffer, style: palette.heading)
        let rows = body[1]
        let offset = PaneDrawing.scrollOffset(cursor: model.workflowCursor, count: model.workflows.count, visible: rows.height)
        for (row, index) in (offset..<min(model.workflows.count, offset + rows.height)).enumerated() {
            let w = model.workflows[index]
            let y = rows.y + row
            let selected = index == model.workflowCursor
            let base = selected ? palette[.selection] : palette[.text]
            if selected { buffer.fill(Rect(x: rows.x, y: y, width: rows.width, height: 1), style: base) }
            table.put(context.shortDateTime(w.createdAt), in: .when, y: y, into: &buffer, style: base)
            table.put(w.workflow, in: .workflow, y: y, into: &buffer, style: base)
            table.put(w.organizationId.flatMap { model.organizationNames[$0] } ?? "", in: .organization, y: y, into: &buffer,
                      style: selected ? palette[.textDim].on(base) : palette[.textDim])
            table.put(stateText(w.status), in: .state, y: y, into: &buffer, style: selected ? palette[stateSlot(w.status)].on(base) : palette[stateSlot(w.status)])
            if let slot = table.slot(.steps) {
                buffer.put(steps(w, palette: palette, on: selected ? base : nil), x: slot.x, y: y, limit: slot.x + slot.width)
            }
        }
        if detailHeight > 0 {
            PaneDrawing.rule(Rect(x: body[2].x, y: body[2].y, width: body[2].width, height: 1), label: model.selectedWorkflow?.workflow ?? "",
                             style: palette[.border], labelStyle: palette.heading, into: &buffer)
            PaneDrawing.putLines(detail, in: Rect(x: body[2].x, y: body[2].y + 1, width: body[2].width, height: body[2].height - 1),
                                 style: palette[.text], into: &buffer)
        }
    }

    /// The selected workflow's topic, times and error, wrapped.
    private static func detailLines(_ w: WorkflowProgress?, width: Int, context: PaneContext) -> [String] {
        guard let w else { return [] }
        var text: [String] = []
        if let topic = w.topic { text.append("Topic: \(topic)") }
        if let ended = w.processedAt, !w.isActive { text.append("Ended \(context.shortDateTime(ended)) (\(stateText(w.status))).") }
        if let error = w.error { text.append("Error: \(error)") }
        return text.flatMap { PaneDrawing.wrap($0, width) }
    }

    /// "Workflows · 1 running" and the way back on the right.
    private static func drawTitle(_ model: AgentsModel, in row: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        guard !row.isEmpty else { return }
        let palette = context.palette
        let running = model.workflows.filter(\.isActive).count
        var pieces: [(String, Style)] = [("Workflows", palette.heading), (" · \(model.workflows.count) listed", palette[.textDim])]
        if running > 0 { pieces.append((" · \(running) running or waiting", palette[.warning])) }
        var hint = "\(context.key(.workflows, in: .pane(.agents))) back to the agents"
        if model.canRunWorkflows && model.selectedWorkflow?.isActive == true {
            hint = "\(context.key(.cancelWorkflow, in: .pane(.agents))) cancel · " + hint
        }
        let end = buffer.put(pieces, x: row.x, y: row.y, limit: row.maxX)
        if end + 2 + DisplayWidth.of(hint) <= row.maxX {
            buffer.put(hint, x: row.maxX - DisplayWidth.of(hint), y: row.y, style: palette[.textDim])
        }
    }
}
