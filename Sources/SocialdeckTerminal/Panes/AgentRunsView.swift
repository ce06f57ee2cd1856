import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckViewModels

/// One agent's recent runs, opened with Enter in the agents pane: what explains an
/// agent in error. A title with the agent's state and how many runs failed, one row per
/// run (when, outcome, how long, the task, for staff the organization, the error), and
/// under them the selected failure's message whole.
enum AgentRunsView {
    enum Column { case when, outcome, took, task, organization, error }

    static func render(_ model: AgentsModel, in area: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        guard !area.isEmpty else { return }
        let palette = context.palette
        let parts = area.rows([.fixed(1), .fill])
        drawTitle(model, in: parts[0], into: &buffer, context: context)
        guard let history = model.runs else {
            let notice = model.runsGone ? "This agent is no longer there; \(context.key(.back)) goes back." : "loading…"
            buffer.putCentered(notice, in: parts[1], style: palette[.textDim])
            return
        }
        guard !history.runs.isEmpty else {
            let lines: [NextSteps.Line] = history.isOrganizationsOwn
                ? [.headline("No runs for your organization yet."), .advice("Runs are listed here as the agent works for you.")]
                : [.headline("No runs recorded yet."), .advice("Runs are listed here as the agent works.")]
            NextSteps.draw(lines, in: parts[1], into: &buffer, palette: palette)
            return
        }
        // The selected failure's whole message, when it has one, under the list.
        let message = model.selectedRun?.error.map { PaneDrawing.wrap($0, parts[1].width) } ?? []
        let detailHeight = message.isEmpty ? 0 : min(message.count + 1, max(0, parts[1].height - 4))
        let body = parts[1].rows([.fixed(1), .fill, .fixed(detailHeight)])
        let table = layout(history, width: area.width, x: area.x)
        table.drawHeader(y: body[0].y, into: &buffer, style: palette.heading)
        drawRows(model, history, table: table, in: body[1], into: &buffer, context: context)
        if detailHeight > 0, let run = model.selectedRun {
            let rule = Rect(x: body[2].x, y: body[2].y, width: body[2].width, height: 1)
            PaneDrawing.rule(rule, label: "failed \(context.shortDateTime(run.startedAt)) after \(Figures.duration(milliseconds: run.durationMs))",
                             style: palette[.border], labelStyle: palette[.error], into: &buffer)
            PaneDrawing.putLines(message, in: Rect(x: body[2].x, y: body[2].y + 1, width: body[2].width, height: body[2].height - 1),
                                 style: palette[.text], into: &buffer)
        }
    }

    static func layout(_ history: AgentRunHistory, width: Int, x: Int) -> TableLayout<Column> {
        var columns: [TableLayout<Column>.Column] = [
            .init(id: .when, header: "when", width: 16),
            .init(id: .outcome, header: "result", width: 7),
            .init(id: .took, header: "took", width: 7, alignment: .trailing, hideRank: 3),
            .init(id: .task, header: "task", width: 24, hideRank: 1),
        ]
        if !history.isOrganizationsOwn, history.runs.contains(where: { $0.organizationId != nil }) {
            columns.append(.init(id: .organization, header: "organization", width: 18, hideRank: 2))
        }
        columns.append(.init(id: .error, header: "error", width: 200, minimumWidth: 12))
        return TableLayout(columns, width: width, x: x, stretch: .error)
    }

    /// "Engagement · error · 50 recent runs, 12 failed", and the way back on the right.
    private static func drawTitle(_ model: AgentsModel, in row: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        guard !row.isEmpty else { return }
        let palette = context.palette
        let agent = model.target?.agent
        var pieces: [(String, Style)] = [(model.runs?.agentName ?? agent?.name ?? "agent", palette.heading)]
        if let agent {
            pieces += [(" · ", palette[.textDim]), (AgentsPane.statusText(agent), palette[AgentsPane.statusSlot(agent)])]
        }
        if let history = model.runs {
            let runs = history.runs.count == 1 ? "1 recent run" : "\(history.runs.count) recent runs"
            pieces.append((" · \(runs)", palette[.textDim]))
            if history.failures > 0 { pieces.append((", \(history.failures) failed", palette[.error])) }
        }
        let back = "\(context.key(.back)) back to the agents"
        let end = buffer.put(pieces, x: row.x, y: row.y, limit: row.maxX)
        if end + 2 + DisplayWidth.of(back) <= row.maxX {
            buffer.put(back, x: row.maxX - DisplayWidth.of(back), y: row.y, style: palette[.textDim])
        }
    }

    private static func drawRows(_ model: AgentsModel, _ history: AgentRunHistory, table: TableLayout<Column>, in rect: Rect,
                                 into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        guard rect.height > 0 else { return }
        let offset = PaneDrawing.scrollOffset(cursor: model.runCursor, count: history.runs.count, visible: rect.height)
        for (row, index) in (offset..<min(history.runs.count, offset + rect.height)).enumerated() {
            let run = history.runs[index]
            let y = rect.y + row
            let selected = index == model.runCursor
            let base = selected ? palette[.selection] : palette[.text]
            if selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base) }
            func styled(_ slot: ThemeSlot) -> Style { selected ? palette[slot].on(base) : palette[slot] }
            table.put(context.shortDateTime(run.startedAt), in: .when, y: y, into: &buffer, style: base)
            let outcome: (String, ThemeSlot) = run.failed ? ("failed", .error) : run.outcome == .running ? ("running", .warning) : ("ok", .success)
            table.put(outcome.0, in: .outcome, y: y, into: &buffer, style: styled(outcome.1))
            table.put(Figures.duration(milliseconds: run.durationMs), in: .took, y: y, into: &buffer, style: base)
            table.put(run.task, in: .task, y: y, into: &buffer, style: styled(.textDim))
            let organization = run.organizationId.flatMap { model.organizationNames[$0] } ?? (run.organizationId == nil ? "platform" : "")
            table.put(organization, in: .organization, y: y, into: &buffer, style: styled(.textDim))
            table.put(run.error ?? "", in: .error, y: y, into: &buffer, style: styled(.error))
        }
    }
}
