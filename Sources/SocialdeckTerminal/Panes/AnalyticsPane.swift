public import Foundation
public import SocialdeckCore
public import SocialdeckModel
public import SocialdeckViewModels

/// Engagement over the chosen range: a line chart per day, a bar per platform with its
/// views and rate, the engagement rate with its formula, and the top posts.
///
/// Below 120×32 the sections stack (at 80×24 each gets a few rows); from there the day
/// chart and the platform bars sit side by side and grow with the pane.
public enum AnalyticsPane: Pane {
    public static func render(_ model: AnalyticsModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let palette = context.palette
        buffer.fill(area, style: palette[.text])
        if model.openPostId != nil {
            drawOpenPost(model, in: area, into: &buffer, context: context)
            return
        }
        let rows = area.rows([.fixed(1), .fill])
        drawTitle(model, in: rows[0], into: &buffer, palette: palette)
        guard let report = model.report else {
            buffer.putCentered("loading…", in: rows[1], style: palette[.textDim])
            return
        }
        if report.totalViews == 0, report.totalEngagement == 0, report.topPosts.isEmpty, model.isCurrent {
            NextSteps.draw(NextSteps.analytics(model, context), in: rows[1], into: &buffer, palette: palette)
            return
        }
        let wide = area.width >= 120 && area.height >= 32
        let body = rows[1].rows([.fixed(1), .fixed(wide ? 1 : 0), .fill])
        drawRate(report, in: body[0], into: &buffer, palette: palette)
        if wide {
            let topRows = min(report.topPosts.count, 10) + 1
            let parts = body[2].rows([.fill, .fixed(1), .fixed(max(3, topRows))])
            let upper = parts[0].columns([.fraction(0.6), .fixed(3), .fill])
            drawDays(report, in: upper[0], into: &buffer, palette: palette)
            let right = upper[2].rows([.fixed(report.platforms.count + 2), .fixed(1), .fill])
            drawPlatforms(report, in: right[0], into: &buffer, palette: palette)
            drawTotals(report, in: right[2], into: &buffer, palette: palette)
            drawTopPosts(report, highlighted: model.topIndex, in: parts[2], into: &buffer, palette: palette)
        } else {
            let platformRows = report.platforms.count + 2
            let dayRows = max(3, Int(Double(body[2].height - platformRows) * 0.55))
            let parts = body[2].rows([.fixed(dayRows), .fixed(platformRows), .fill])
            drawDays(report, in: parts[0], into: &buffer, palette: palette)
            drawPlatforms(report, in: parts[1], into: &buffer, palette: palette)
            drawTopPosts(report, highlighted: model.topIndex, in: parts[2], into: &buffer, palette: palette)
        }
    }

    /// The top post opened with Enter, once the snapshot has read it.
    private static func drawOpenPost(_ model: AnalyticsModel, in area: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let place = "top post \(model.topIndex + 1) of \(model.report?.topPosts.count ?? 0)"
        if let post = model.openPost {
            PostDetailView.render(post, place: place, in: area, into: &buffer, context: context)
        } else {
            let notice = model.openPostGone ? "This post is no longer there; \(context.key(.back)) goes back." : "loading…"
            buffer.putCentered(notice, in: area, style: context.palette[.textDim])
        }
    }

    /// "Last 30 days · 7/30/90 with [ ]" and, when they fit, the range's totals.
    private static func drawTitle(_ model: AnalyticsModel, in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !row.isEmpty else { return }
        let choices = AnalyticsModel.ranges.map(String.init).joined(separator: "/")
        var pieces = [("Last \(model.rangeDays) days", palette.heading), (" · \(choices) with [ ]", palette[.textDim])]
        if model.report != nil && !model.isCurrent { pieces.append((" · updating…", palette[.textDim])) }
        let end = buffer.put(pieces, x: row.x, y: row.y, limit: row.maxX)
        guard let report = model.report else { return }
        let totals = "\(Figures.compact(report.totalEngagement)) eng. · \(Figures.compact(report.totalViews)) views"
        let width = DisplayWidth.of(totals)
        if end + 2 + width <= row.maxX { buffer.put(totals, x: row.maxX - width, y: row.y, style: palette[.textDim]) }
    }

    /// The formula, stated as the report defines it, and the range's rate.
    private static func drawRate(_ report: AnalyticsReport, in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !row.isEmpty else { return }
        buffer.put([(AnalyticsReport.rateFormula + " = ", palette[.textDim]),
                    (Figures.percent(report.engagementRate, digits: 2), palette.heading)],
                   x: row.x, y: row.y, limit: row.maxX)
    }

    private static func drawDays(_ report: AnalyticsReport, in rect: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !rect.isEmpty else { return }
        let parts = rect.rows([.fixed(1), .fill])
        buffer.put("Engagement per day", x: rect.x, y: rect.y, width: rect.width, style: palette.heading)
        let chart = LineChart(values: report.days.map(\.engagement), xLabels: report.days.map { Figures.day($0.date) },
                              unit: "eng.", lineStyle: palette[.sparkline], projectedStyle: palette[.textDim],
                              axisStyle: palette[.chartAxis], messageStyle: palette[.textDim])
        chart.draw(in: parts[1], into: &buffer)
    }

    /// One bar per platform in its chart colour, with views and rate beside the engagement.
    private static func drawPlatforms(_ report: AnalyticsReport, in rect: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !rect.isEmpty else { return }
        let parts = rect.rows([.fixed(1), .fill])
        buffer.put("Engagement by platform", x: rect.x, y: rect.y, width: rect.width, style: palette.heading)
        let viewsWidth = report.platforms.map { DisplayWidth.of(Figures.compact($0.views)) }.max() ?? 0
        let rateWidth = report.platforms.map { DisplayWidth.of(Figures.percent($0.rate)) }.max() ?? 0
        let bars = report.platforms.map { figures in
            let views = DisplayWidth.pad(Figures.compact(figures.views), toColumns: viewsWidth, alignment: .trailing)
            let rate = DisplayWidth.pad(Figures.percent(figures.rate), toColumns: rateWidth, alignment: .trailing)
            return BarChart.Bar(label: figures.platform.displayName, value: figures.engagement,
                                style: palette.chart(figures.platform), detail: "\(views) views · \(rate) rate")
        }
        BarChart(bars: bars, unit: "eng.", labelStyle: palette[.text], axisStyle: palette[.chartAxis],
                 valueStyle: palette[.text], messageStyle: palette[.textDim]).draw(in: parts[1], into: &buffer)
    }

    /// Figures beside the charts when the pane is wide.
    private static func drawTotals(_ report: AnalyticsReport, in rect: Rect, into buffer: inout CellBuffer, palette: Palette) {
        var lines: [(String, String)] = [
            ("Views", Figures.integer(report.totalViews)),
            ("Engagements", Figures.integer(report.totalEngagement)),
            ("Posts published", Figures.integer(report.days.reduce(0) { $0 + $1.posts })),
        ]
        if let best = report.days.max(by: { $0.engagement < $1.engagement }), best.engagement > 0 {
            lines.append(("Best day", "\(Figures.day(best.date)) · \(Figures.compact(best.engagement)) eng."))
        }
        guard rect.height > 0 else { return }
        buffer.put("Totals", x: rect.x, y: rect.y, width: rect.width, style: palette.heading)
        for (offset, line) in lines.enumerated() where offset + 1 < rect.height {
            let y = rect.y + offset + 1
            buffer.put(line.0, x: rect.x, y: y, width: min(16, rect.width), style: palette[.textDim])
            buffer.put(line.1, x: rect.x + 16, y: y, width: rect.width - 16, style: palette[.text])
        }
    }

    private enum TopColumn { case rank, title, platform, date, engagement, rate }

    /// The top posts by engagement, each as published on one platform and counted in
    /// that platform's total above; the model's selection highlighted and kept in view.
    private static func drawTopPosts(_ report: AnalyticsReport, highlighted: Int, in rect: Rect,
                                     into buffer: inout CellBuffer, palette: Palette) {
        guard rect.height > 0 else { return }
        let table = TableLayout<TopColumn>([
            .init(id: .rank, header: "#", width: 2, alignment: .trailing, hideRank: 1),
            .init(id: .engagement, header: "eng.", width: 7, alignment: .trailing, hideRank: 5),
            .init(id: .rate, header: "rate", width: 6, alignment: .trailing, hideRank: 2),
            .init(id: .platform, header: "platform", width: 9, hideRank: 3),
            .init(id: .date, header: "published", width: 9, hideRank: 4),
            // Last, so the title runs on into whatever width the pane has, as a process
            // list's command does, instead of leaving a gap before the figures.
            .init(id: .title, header: "Top posts", width: max(12, rect.width), minimumWidth: 12),
        ], width: rect.width, x: rect.x, stretch: .title)
        table.drawHeader(y: rect.y, into: &buffer, style: palette.heading)
        let visible = rect.height - 1
        guard !report.topPosts.isEmpty else {
            if visible > 0 { buffer.put("no posts with engagement in this range", x: rect.x, y: rect.y + 1, width: rect.width, style: palette[.textDim]) }
            return
        }
        let window = ListWindow(cursor: highlighted, count: report.topPosts.count, rows: visible)
        window.drawMarks(in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: visible), style: palette[.textDim],
                         into: &buffer)
        for index in window.items {
            let post = report.topPosts[index]
            let y = rect.y + 1 + window.row(of: index)
            let selected = index == highlighted
            let style = selected ? palette[.selection] : palette[.text]
            if selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            buffer.mark(Rect(x: rect.x, y: y, width: rect.width, height: 1), as: .topPost(index))
            table.put("\(index + 1)", in: .rank, y: y, into: &buffer, style: selected ? style : palette[.textDim])
            table.put(post.title.isEmpty ? "(untitled)" : post.title, in: .title, y: y, into: &buffer, style: style)
            let platformStyle = palette.chart(post.platform)
            table.put(post.platform.displayName, in: .platform, y: y, into: &buffer,
                      style: selected ? platformStyle.on(style) : platformStyle)
            table.put(Figures.day(post.publishedAt), in: .date, y: y, into: &buffer, style: selected ? style : palette[.textDim])
            table.put(Figures.integer(post.engagement), in: .engagement, y: y, into: &buffer, style: style)
            table.put(Figures.percent(post.rate), in: .rate, y: y, into: &buffer, style: style)
        }
    }
}
