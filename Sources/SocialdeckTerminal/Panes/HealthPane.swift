import SocialdeckCore
public import SocialdeckViewModels

/// Staff's view of the system: the store, the publisher and its jobs, each agent's
/// error rate over the last day, the processes running the core and the email outbox.
/// Each finding is one line, coloured by whether it needs someone; the parts flow in
/// one column, or two from 140 columns.
public enum HealthPane: Pane {
    public static func render(_ model: HealthModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let palette = context.palette
        buffer.fill(area, style: palette[.text])
        let sections = model.sections
        guard !sections.isEmpty else {
            buffer.put("System health", x: area.x, y: area.y, width: area.width, style: palette.heading)
            buffer.putCentered("loading…", in: area.rows([.fixed(1), .fill])[1], style: palette[.textDim])
            return
        }
        let columns = area.width >= 140 ? area.columns([.fraction(0.5), .fixed(2), .fill]) : [area]
        let split = columns.count > 1 ? 2 : sections.count
        draw(Array(sections.prefix(split)), in: columns[0], into: &buffer, palette: palette)
        if columns.count > 1 { draw(Array(sections.dropFirst(split)), in: columns[2], into: &buffer, palette: palette) }
    }

    private static func draw(_ sections: [(title: String, lines: [HealthModel.Line])], in rect: Rect, into buffer: inout CellBuffer,
                             palette: Palette) {
        let labelWidth = min(14, max(8, rect.width / 5))
        var y = rect.y
        for section in sections {
            guard y < rect.maxY else { return }
            buffer.put(section.title, x: rect.x, y: y, width: rect.width, style: palette.heading)
            y += 1
            for line in section.lines {
                guard y < rect.maxY else { return }
                buffer.put(PaneDrawing.fit(PaneDrawing.clean(line.label), labelWidth), x: rect.x + 1, y: y, style: palette[.textDim])
                let slot: ThemeSlot = line.level == .problem ? .error : line.level == .warning ? .warning : .text
                let x = rect.x + 2 + labelWidth
                buffer.put(PaneDrawing.fit(PaneDrawing.clean(line.text), max(0, rect.maxX - x)), x: x, y: y, style: palette[slot])
                y += 1
            }
            y += 1
        }
    }
}
