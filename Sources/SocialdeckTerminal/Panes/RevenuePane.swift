import SocialdeckCore
public import SocialdeckViewModels

/// Staff revenue: MRR, ARR, churn and new subscriptions; the plan mix with each plan's
/// share of MRR; and twelve months of MRR with the three-month forecast drawn dotted
/// and dim, its method stated beside it.
///
/// Below 120×32 the sections stack; from there the trend chart takes the left and the
/// plan mix and a month-by-month table the right.
public enum RevenuePane: Pane {
    public static func render(_ model: RevenueModel, in rect: Rect, into buffer: inout CellBuffer, context: PaneContext) {
        let area = rect.intersection(buffer.bounds)
        guard !area.isEmpty else { return }
        let palette = context.palette
        buffer.fill(area, style: palette[.text])
        let rows = area.rows([.fixed(1), .fixed(1), .fill])
        guard let report = model.report else {
            buffer.put("Revenue", x: area.x, y: area.y, width: area.width, style: palette.heading)
            buffer.putCentered("loading…", in: rows[2], style: palette[.textDim])
            return
        }
        drawFigures(report, in: rows[0], into: &buffer, palette: palette)
        let planRows = report.planMix.count + 2
        if area.width >= 120 && area.height >= 32 {
            let columns = rows[2].columns([.fraction(0.6), .fixed(3), .fill])
            drawTrend(report, method: model.forecastMethod, in: columns[0], into: &buffer, palette: palette)
            let right = columns[2].rows([.fixed(planRows), .fixed(1), .fill])
            drawPlanMix(report, in: right[0], into: &buffer, palette: palette)
            drawMonths(report, in: right[2], into: &buffer, palette: palette)
        } else {
            let parts = rows[2].rows([.fixed(planRows), .fixed(1), .fill])
            drawPlanMix(report, in: parts[0], into: &buffer, palette: palette)
            drawTrend(report, method: model.forecastMethod, in: parts[2], into: &buffer, palette: palette)
        }
    }

    /// "MRR $12,345 · ARR $148,140 · ARPU $97 · churn 2.1% · NRR 101.3% · 12 new (30 days)";
    /// the formulas are in `socialdeck revenue` and the README.
    private static func drawFigures(_ report: RevenueReport, in row: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard !row.isEmpty else { return }
        let dim = palette[.textDim]
        let value = palette.heading
        buffer.put([("MRR ", dim), (Figures.money(report.mrr), value),
                    (" · ARR ", dim), (Figures.money(report.arr), value),
                    (" · ARPU ", dim), (report.arpu.map(Figures.money) ?? "–", value),
                    (" · churn ", dim), (Figures.percent(report.churnRate), report.churnRate > 0.05 ? palette[.warning] : value),
                    (" · NRR ", dim), (report.netRevenueRetention.map { Figures.percent($0) } ?? "–",
                                       (report.netRevenueRetention ?? 1) < 1 ? palette[.warning] : value),
                    (" · ", dim), (Figures.integer(report.newSubscriptions), value), (" new (30 days)", dim)],
                   x: row.x, y: row.y, limit: row.maxX)
    }

    /// Each plan's subscriptions and MRR, with a bar of its share of the total MRR.
    private static func drawPlanMix(_ report: RevenueReport, in rect: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard rect.height > 0 else { return }
        buffer.put("Plan mix", x: rect.x, y: rect.y, width: rect.width, style: palette.heading)
        let total = report.planMix.reduce(0) { $0 + $1.mrr }
        let countWidth = report.planMix.map { DisplayWidth.of(Figures.integer($0.count)) }.max() ?? 0
        let moneyWidth = report.planMix.map { DisplayWidth.of(Figures.money($0.mrr)) }.max() ?? 0
        let bars = report.planMix.map { plan in
            let count = DisplayWidth.pad(Figures.integer(plan.count), toColumns: countWidth, alignment: .trailing)
            let money = DisplayWidth.pad(Figures.money(plan.mrr), toColumns: moneyWidth, alignment: .trailing)
            return BarChart.Bar(label: plan.plan, value: total > 0 ? plan.mrr / total : 0,
                                style: palette[.sparkline],
                                detail: "\(count) \(plan.count == 1 ? "sub " : "subs") · \(money)/mo")
        }
        BarChart(bars: bars, unit: "of MRR", format: { Figures.percent($0, digits: 0) }, maximum: 1,
                 labelStyle: palette[.text], axisStyle: palette[.chartAxis], valueStyle: palette[.text],
                 messageStyle: palette[.textDim], emptyMessage: "no active subscriptions")
            .draw(in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1), into: &buffer)
    }

    /// Twelve months of MRR then the forecast, dotted and dim, with the forecast's
    /// figures and method written under the chart.
    private static func drawTrend(_ report: RevenueReport, method: String, in rect: Rect, into buffer: inout CellBuffer,
                                  palette: Palette) {
        guard !rect.isEmpty else { return }
        let notes = report.forecast.isEmpty ? 1 : 3
        let parts = rect.rows([.fixed(1), .fill, .fixed(notes)])
        buffer.put("MRR, last \(report.trend.count) months and \(report.forecast.count)-month forecast",
                   x: rect.x, y: rect.y, width: rect.width, style: palette.heading)
        let months = report.trend + report.forecast
        LineChart(values: months.map(\.mrr), xLabels: months.map { Figures.month($0.start) }, format: Figures.money,
                  projectedFrom: report.forecast.isEmpty ? nil : report.trend.count,
                  lineStyle: palette[.sparkline], projectedStyle: palette[.textDim],
                  axisStyle: palette[.chartAxis], messageStyle: palette[.textDim])
            .draw(in: parts[1], into: &buffer)
        let notesRect = parts[2]
        guard notesRect.height > 0 else { return }
        var y = notesRect.y
        if !report.forecast.isEmpty {
            let figures = report.forecast.map { "\(Figures.month($0.start)) \(Figures.money($0.mrr))" }.joined(separator: " · ")
            buffer.put([("Forecast (dotted): ", palette[.textDim]), (figures, palette[.text])], x: notesRect.x, y: y,
                       limit: notesRect.maxX)
            y += 1
        }
        if y < notesRect.maxY {
            buffer.put("Forecast method: " + method, x: notesRect.x, y: y, width: notesRect.width, style: palette[.textDim])
            y += 1
        }
        if y < notesRect.maxY, let error = report.backTest.meanAbsolutePercentError {
            let horizons = report.backTest.byHorizon.map { $0.map { Figures.percent($0, digits: 0) } ?? "–" }.joined(separator: " / ")
            buffer.put("Back-test on 24 months: mean miss \(Figures.percent(error, digits: 0)) (1 / 2 / 3 months ahead: \(horizons))",
                       x: notesRect.x, y: y, width: notesRect.width, style: palette[.textDim])
        }
    }

    /// MRR month by month, forecast months dim and marked.
    private static func drawMonths(_ report: RevenueReport, in rect: Rect, into buffer: inout CellBuffer, palette: Palette) {
        guard rect.height > 0 else { return }
        buffer.put("Month by month", x: rect.x, y: rect.y, width: rect.width, style: palette.heading)
        let rows = report.trend.map { ($0, false) } + report.forecast.map { ($0, true) }
        for (offset, (month, projected)) in rows.suffix(max(0, rect.height - 1)).enumerated() {
            let y = rect.y + 1 + offset
            let style = projected ? palette[.textDim] : palette[.text]
            buffer.put(Figures.month(month.start), x: rect.x, y: y, width: min(9, rect.width), style: style)
            buffer.put(Figures.money(month.mrr), x: rect.x + 9, y: y, width: min(10, rect.width - 9), style: style,
                       alignment: .trailing)
            if projected { buffer.put(" forecast", x: rect.x + 19, y: y, width: rect.width - 19, style: style) }
        }
    }
}
