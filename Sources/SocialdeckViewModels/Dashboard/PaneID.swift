import SocialdeckCore

/// The dashboard's panes, switched with 1–9 and Tab.
public enum PaneID: Int, CaseIterable, Sendable, Hashable {
    case calendar = 1, approvals, analytics, agents, revenue, customers, tickets, health, audit

    /// The name `config.toml` uses for the pane's keys: `[keys.calendar]`.
    public var name: String { String(describing: self) }

    public var title: String {
        switch self {
        case .calendar: return "Calendar"
        case .approvals: return "Approvals"
        case .analytics: return "Analytics"
        case .agents: return "Agents"
        case .revenue: return "Revenue"
        case .customers: return "Customers"
        case .tickets: return "Tickets"
        case .health: return "Health"
        case .audit: return "Audit"
        }
    }

    /// What the signed-in identity needs (one of) for the pane to be shown at all.
    public var requiredActions: [Action] {
        switch self {
        case .calendar, .approvals: return [.viewContent]
        case .analytics: return [.viewAnalytics]
        case .agents: return [.viewAgents]
        case .revenue: return [.viewRevenue]
        // Staff look customers up; a customer admin manages their own organization's people.
        case .customers: return [.viewCustomers, .manageUsers]
        // Support's queue; a customer admin follows their organization's tickets.
        case .tickets: return [.viewSupportTickets, .manageOrganization]
        case .health: return [.viewSystemHealth]
        // Staff read both logs; an organization's admin their own customers'.
        case .audit: return [.viewAuditLogs]
        }
    }

    /// The panes this identity may open, in order. The core refuses the others anyway.
    public static func visible(to identity: Identity) -> [PaneID] {
        allCases.filter { !identity.allowedActions.isDisjoint(with: $0.requiredActions) }
    }
}
