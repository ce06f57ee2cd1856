import SocialdeckModel

/// Who may do what: the one table every core command consults. The README
/// documents it; `PermissionMatrixTests` checks every cell.
///
/// Customer roles act inside their own organization only. Staff roles act across
/// organizations. A seed role's `permissions` array can grant extra actions, but
/// never lifts a customer out of their organization.
public enum PermissionMatrix {
    public static func actions(for role: UserRole) -> Set<Action> {
        switch role {
        case .admin:
            return [.viewContent, .createContent, .editContent, .approveContent, .rejectContent, .scheduleContent,
                    .publishContent, .deleteContent, .viewAnalytics, .viewAgents, .manageUsers, .manageOrganization,
                    .viewBilling, .manageBilling, .exportData, .viewAuditLogs]
        case .manager:
            return [.viewContent, .createContent, .editContent, .approveContent, .rejectContent, .scheduleContent,
                    .publishContent, .deleteContent, .viewAnalytics, .viewAgents, .exportData]
        case .user:
            return [.viewContent, .createContent, .editContent, .viewAnalytics, .viewAgents]
        case .viewer:
            return [.viewContent, .viewAnalytics]
        }
    }

    public static func actions(for role: StaffRole) -> Set<Action> {
        switch role {
        case .superAdmin:
            return Set(Action.allCases)
        case .admin:
            return Set(Action.allCases).subtracting([.manageStaff])
        case .support:
            return [.viewContent, .viewCustomers, .viewAnalytics, .viewAgents, .viewBilling, .suspendUsers,
                    .unlockAccounts, .viewSupportTickets, .manageSupportTickets, .viewAuditLogs, .viewSystemHealth]
        case .analyst:
            return [.viewContent, .viewCustomers, .viewAnalytics, .viewAgents, .viewRevenue, .viewBilling, .exportData]
        }
    }

    /// The role's actions plus those its `permissions` array grants; unknown names are ignored.
    public static func actions(base: Set<Action>, grants: [String]) -> Set<Action> {
        base.union(grants.compactMap(Action.init(rawValue:)))
    }
}

extension PermissionMatrix {
    /// The matrix as the README shows it; a test keeps the two identical.
    public static func markdownTable() -> String {
        let customers = UserRole.allCases
        let staff = StaffRole.allCases
        var lines = ["| action | " + (customers.map(\.rawValue) + staff.map { $0 == .admin ? "admin (staff)" : $0.rawValue }).joined(separator: " | ") + " |",
                     "|---|" + String(repeating: "---|", count: customers.count + staff.count)]
        for action in Action.allCases {
            let cells = customers.map { actions(for: $0).contains(action) ? "✓" : "" }
                + staff.map { actions(for: $0).contains(action) ? "✓" : "" }
            lines.append("| `\(action.rawValue)` | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
