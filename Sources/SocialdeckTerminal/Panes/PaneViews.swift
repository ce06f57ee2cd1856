import SocialdeckViewModels

/// How each pane draws its part of the dashboard model, by pane: a new pane adds a row
/// here, beside its controller in the view models.
enum PaneViews {
    typealias Draw = @Sendable (DashboardModel, Rect, inout CellBuffer, PaneContext) -> Void

    static let all: [PaneID: Draw] = [
        .calendar: { CalendarPane.render($0.calendar, in: $1, into: &$2, context: $3) },
        .approvals: { ApprovalsPane.render($0.approvals, in: $1, into: &$2, context: $3) },
        .analytics: { AnalyticsPane.render($0.analytics, in: $1, into: &$2, context: $3) },
        .agents: { AgentsPane.render($0.agents, in: $1, into: &$2, context: $3) },
        .revenue: { RevenuePane.render($0.revenue, in: $1, into: &$2, context: $3) },
        .customers: { CustomersPane.render($0.customers, in: $1, into: &$2, context: $3) },
        .tickets: { TicketsPane.render($0.tickets, in: $1, into: &$2, context: $3) },
        .health: { HealthPane.render($0.health, in: $1, into: &$2, context: $3) },
        .audit: { AuditPane.render($0.audit, in: $1, into: &$2, context: $3) },
    ]
}
