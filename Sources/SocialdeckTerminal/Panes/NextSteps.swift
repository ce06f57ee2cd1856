import SocialdeckViewModels

/// What an empty pane says: what is missing, then what to do next, each way with the
/// key or the command that does it. A block of lines, left-aligned and centred in the
/// pane (or from its top), wrapped between words; a command keeps a line of its own so
/// it can be read and copied whole.
enum NextSteps {
    enum Line: Equatable {
        case headline(String)
        case advice(String)
        /// A shell command, drawn as it is typed.
        case command(String)
    }

    /// The empty approval queue.
    static func approvals(_ context: PaneContext) -> [Line] {
        [.headline("No drafts waiting for approval."),
         .advice("Agents draft posts on their schedule, and their drafts wait here for a decision."),
         .advice("To queue drafts of your own, import a CSV (platform,time,text):"),
         .command("socialdeck import content posts.csv --org \(context.slugForCommands) --drafts"),
         .advice("To look around a full workspace first: socialdeck --demo")]
    }

    /// The calendar with nothing in the range it shows.
    static func calendar(_ context: PaneContext) -> [Line] {
        [.headline("Nothing scheduled here yet."),
         .advice("Approved drafts land on the calendar: press \(context.key(.pane2)) for the approval queue."),
         .advice("To schedule posts from a CSV (platform,time,text):"),
         .command("socialdeck import content posts.csv --org \(context.slugForCommands)")]
    }

    /// Analytics over a range with no figures at all.
    static func analytics(_ model: AnalyticsModel, _ context: PaneContext) -> [Line] {
        var lines: [Line] = [
            .headline("No metrics in the last \(model.rangeDays) days."),
            .advice("Figures appear once posts are published and the analytics agent records their results."),
        ]
        if model.rangeDays < AnalyticsModel.ranges.last ?? model.rangeDays {
            lines.append(.advice("Press \(context.key(.nextRange, in: .pane(.analytics))) for a longer range."))
        }
        return lines
    }

    /// A store with no agents.
    static func agents(_ context: PaneContext) -> [Line] {
        [.headline("No agents on this store."),
         .advice("Platform staff set the agents up; they load them from a JSON Lines file:"),
         .command("socialdeck import ai_agents agents.jsonl")]
    }

    /// The wrapped rows of `lines` in `width` columns, each with the line it came from.
    static func rows(_ lines: [Line], width: Int) -> [(text: String, line: Line)] {
        lines.flatMap { line -> [(text: String, line: Line)] in
            switch line {
            case .headline(let text), .advice(let text), .command(let text):
                return PaneDrawing.wrap(text, width).map { ($0, line) }
            }
        }
    }

    static func draw(_ lines: [Line], in rect: Rect, centred: Bool = true, into buffer: inout CellBuffer, palette: Palette) {
        guard !rect.isEmpty else { return }
        let rows = rows(lines, width: min(rect.width, 76))
        let blockWidth = rows.map { DisplayWidth.of($0.text) }.max() ?? 0
        let x = rect.x + (centred ? max(0, (rect.width - blockWidth) / 2) : 0)
        let y = rect.y + (centred ? max(0, (rect.height - rows.count) / 2) : 0)
        for (offset, row) in rows.prefix(rect.maxY - y).enumerated() {
            let style: Style
            switch row.line {
            case .headline: style = palette.heading
            case .advice: style = palette[.textDim]
            case .command: style = palette[.text]
            }
            buffer.put(row.text, x: x, y: y + offset, style: style, maxWidth: rect.maxX - x)
        }
    }
}
