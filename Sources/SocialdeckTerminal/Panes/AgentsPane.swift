public import Foundation
public import SocialdeckCore
public import SocialdeckModel
public import SocialdeckViewModels

/// One row per agent: status, success rate, mean response time, last run, errors, this
/// month's tokens and cost, and a sparkline of its recent runs' durations with failures
/// in the `error` colour; under it the latest workflows step by step, when they fit. A
/// line under the table names the keys: Enter for the selected agent's recent runs, `w`
/// for the workflows, and for staff who may configure agents, pause and restart. With
/// the runs open, ``AgentRunsView`` takes the pane; with the workflows, ``WorkflowsView``.
///
/// As the pane narrows the sparkline shrinks first; then columns hide, least useful
/// first: tokens, errors, mean time, the sparkline, last run, success rate, cost.
public enum AgentsPane: Pane {
    public static func render(_ model: AgentsModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let palette = context.palette
        buffer.fill(area, style: palette[.text])
        let message = model.message.map { PaneDrawing.wrap($0, area.width) } ?? []
        if model.showsWorkflows {
            let parts = area.rows([.fill, .fixed(min(message.count, max(0, area.height - 4)))])
            WorkflowsView.render(model, in: parts[0], into: &buffer, context: context)
            PaneDrawing.putLines(message, in: parts[1], style: palette[.text], into: &buffer)
            return
        }
        if model.showsRuns {
            let parts = area.rows([.fill, .fixed(min(message.count, max(0, area.height - 4)))])
            AgentRunsView.render(model, in: parts[0], into: &buffer, context: context)
            PaneDrawing.putLines(message, in: parts[1], style: palette[.text], into: &buffer)
            return
        }
        let footer = (model.rows.isEmpty ? 0 : 2) + message.count
        // The latest workflows under the table, when the agents still fit above them.
        let spare = area.height - 2 - footer - model.rows.count
        let workflows = model.workflows.isEmpty || spare < 2 ? 0 : min(spare, min(model.workflows.count, 3) + 1)
        let (table, spacer): (Rect.Constraint, Rect.Constraint) = workflows > 0 ? (.fixed(model.rows.count), .fill) : (.fill, .fixed(0))
        let parts = area.rows([.fixed(1), .fixed(1), table, .fixed(workflows), spacer, .fixed(footer)])
        drawTitle(model.rows, in: parts[0], into: &buffer, palette: palette)
        if !model.hasLoaded {
            buffer.putCentered("loading…", in: parts[2], style: palette[.textDim])
        } else if model.rows.isEmpty {
            let below = Rect(x: area.x, y: parts[1].y, width: area.width, height: parts[1].height + parts[2].height)
            NextSteps.draw(NextSteps.agents(context), in: below, into: &buffer, palette: palette)
        } else if parts[1].height > 0 {
            let table = layout(model.rows, width: area.width, x: area.x)
            table.drawHeader(y: parts[1].y, into: &buffer, style: palette.heading)
            drawRows(model, table: table, in: parts[2], into: &buffer, context: context)
        }
        WorkflowsView.drawSummary(model, in: parts[3], into: &buffer, context: context)
        drawFooter(model, message: message, in: parts[5], into: &buffer, context: context)
    }

    enum Column { case name, status, success, mean, lastRun, errors, tokens, cost, runs }

    static func layout(_ rows: [AgentHealth], width: Int, x: Int) -> TableLayout<Column> {
        let nameWidth = min(16, max(5, rows.map { DisplayWidth.of(TerminalText.sanitize($0.agent.name, whitespace: .flattened)) }.max() ?? 0))
        let runs = min(30, rows.map(\.recentRuns.count).max() ?? 0)
        return TableLayout([
            .init(id: .name, header: "agent", width: nameWidth),
            .init(id: .status, header: "status", width: 11),
            .init(id: .success, header: "success", width: 7, alignment: .trailing, hideRank: 6),
            .init(id: .mean, header: "mean", width: 7, alignment: .trailing, hideRank: 3),
            .init(id: .lastRun, header: "last run", width: 10, alignment: .trailing, hideRank: 5),
            .init(id: .errors, header: "errors", width: 6, alignment: .trailing, hideRank: 2),
            .init(id: .tokens, header: "tokens/mo", width: 9, alignment: .trailing, hideRank: 1),
            .init(id: .cost, header: "cost/mo", width: 9, alignment: .trailing, hideRank: 7),
            .init(id: .runs, header: "recent runs", width: max(11, runs + 8), hideRank: 4, minimumWidth: 8),
        ], width: width, x: x, stretch: .runs)
    }

    /// "7 agents · 1 in error · 12.3M tokens · $123.45 this month".
    private static func drawTitle(_ rows: [AgentHealth], in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !row.isEmpty else { return }
        let failing = rows.filter { $0.agent.status == .error || $0.agent.pausedInError == true }.count
        let tokens = Double(rows.reduce(0) { $0 + $1.agent.costs.monthlyTokens })
        let cost = rows.reduce(0) { $0 + $1.agent.costs.monthlyCost }
        var pieces: [(String, Style)] = [("AI agents", palette.heading), (" · \(rows.count) agents", palette[.textDim])]
        if failing > 0 { pieces.append((" · \(failing) in error", palette[.error])) }
        pieces.append((" · \(Figures.compact(tokens)) tokens · \(Figures.dollars(cost)) this month", palette[.textDim]))
        buffer.put(pieces, x: row.x, y: row.y, limit: row.maxX)
    }

    private static func drawRows(_ model: AgentsModel, table: TableLayout<Column>, in rect: Rect,
                                 into buffer: inout CellBuffer, context: PaneContext) {
        let palette = context.palette
        let visible = rect.height
        guard visible > 0 else { return }
        let window = ListWindow(cursor: model.cursor, count: model.rows.count, rows: visible)
        window.drawMarks(in: rect, style: palette[.textDim], into: &buffer)
        for index in window.items {
            let health = model.rows[index]
            let y = rect.y + window.row(of: index)
            let agent = health.agent
            let selected = index == model.cursor
            let base = selected ? palette[.selection] : palette[.text]
            if selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: base) }
            buffer.mark(Rect(x: rect.x, y: y, width: rect.width, height: 1), as: .agentRow(index))
            func styled(_ slot: ThemeSlot) -> Style { selected ? palette[slot].on(base) : palette[slot] }

            table.put(agent.name, in: .name, y: y, into: &buffer, style: base)
            table.put(statusText(agent), in: .status, y: y, into: &buffer, style: styled(statusSlot(agent)))
            table.put(Figures.percent(agent.performance.successRate / 100), in: .success, y: y, into: &buffer, style: base)
            table.put(Figures.duration(milliseconds: agent.performance.averageResponseTime), in: .mean, y: y,
                      into: &buffer, style: base)
            let lastRun = agent.performance.lastExecution ?? health.recentRuns.last?.startedAt
            table.put(lastRun.map { Figures.relative($0, now: context.now) } ?? "never", in: .lastRun, y: y,
                      into: &buffer, style: styled(.textDim))
            table.put(Figures.integer(agent.performance.errorCount), in: .errors, y: y, into: &buffer,
                      style: health.errorsInRecentRuns > 0 ? styled(.error) : base)
            table.put(Figures.compact(Double(agent.costs.monthlyTokens)), in: .tokens, y: y, into: &buffer, style: base)
            table.put(Figures.dollars(agent.costs.monthlyCost), in: .cost, y: y, into: &buffer, style: base)
            if let slot = table.slot(.runs) {
                let runs = health.recentRuns
                Sparkline(values: runs.map(\.durationMs), failed: runs.map(\.failed),
                          scaleLabel: { Figures.duration(milliseconds: $0) },
                          style: styled(.sparkline), failedStyle: styled(.error), axisStyle: styled(.chartAxis),
                          messageStyle: styled(.textDim), emptyMessage: "no runs")
                    .draw(in: Rect(x: slot.x, y: y, width: slot.width, height: 1), into: &buffer)
            }
        }
    }

    /// The status word; a paused agent that is still in error reads "error (off)".
    static func statusText(_ agent: AIAgent) -> String {
        agent.status == .inactive && agent.pausedInError == true ? "error (off)" : agent.status.rawValue
    }

    static func statusSlot(_ agent: AIAgent) -> ThemeSlot {
        agent.pausedInError == true ? .error : statusSlot(agent.status)
    }

    static func statusSlot(_ status: AgentStatus) -> ThemeSlot {
        switch status {
        case .active: return .success
        case .inactive: return .textDim
        case .error: return .error
        case .maintenance: return .warning
        }
    }

    /// The keys, as bound now: "enter recent runs", and for staff who may configure
    /// agents "p pause or resume · R restart, clearing an error".
    static func keyHints(_ model: AgentsModel, context: PaneContext) -> [(key: String, label: String)] {
        var hints = [(context.key(.open), "runs"), (context.key(.workflows, in: .pane(.agents)), "workflows")]
        if model.canConfigure {
            hints.append((context.key(.pause, in: .pane(.agents)), "pause or resume"))
            hints.append((context.key(.restart, in: .pane(.agents)), "restart, clearing an error"))
        }
        return hints
    }

    /// "Content: model gpt-4o · temperature 0.80 · 2000 tokens · tools analytics_query, content_search".
    static func configuration(_ agent: AIAgent) -> String {
        let c = agent.configuration
        var parts = ["model " + (c.model.isEmpty ? "as [llm] names" : TerminalText.sanitize(c.model, whitespace: .flattened)),
                     String(format: "temperature %.2f", c.temperature), "\(c.maxTokens) tokens",
                     "tools " + (c.tools.isEmpty ? "none" : c.tools.joined(separator: ", "))]
        let off = agent.organizationSpecific.filter { !$0.isEnabled }.count
        if off > 0 { parts.append("off for \(off) organization\(off == 1 ? "" : "s")") }
        return TerminalText.sanitize(agent.name, whitespace: .flattened) + ": " + parts.joined(separator: " · ")
    }

    /// The selected agent's configuration, the keys, then the outcome of the last command, wrapped.
    private static func drawFooter(_ model: AgentsModel, message: [String], in rect: Rect, into buffer: inout CellBuffer,
                                   context: PaneContext) {
        let palette = context.palette
        var y = rect.y
        if let agent = model.selected?.agent, y < rect.maxY {
            buffer.put(configuration(agent), x: rect.x, y: y, style: palette[.textDim], maxWidth: rect.width)
            y += 1
        }
        if !model.rows.isEmpty, y < rect.maxY {
            var pieces: [(String, Style)] = []
            for (index, hint) in keyHints(model, context: context).enumerated() {
                pieces += [(index == 0 ? "" : " · ", palette[.textDim]), (hint.key, palette.heading), (" " + hint.label, palette[.textDim])]
            }
            buffer.put(pieces, x: rect.x, y: y, limit: rect.maxX)
            y += 1
        }
        PaneDrawing.putLines(message, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y),
                             style: palette[.text], into: &buffer)
    }
}
