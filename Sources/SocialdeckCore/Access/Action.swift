/// Everything a person can ask the core to do. The raw values are the names the
/// seed roles' `permissions` arrays use to grant extra actions.
public enum Action: String, Sendable, CaseIterable, Codable {
    case viewContent = "content.view"
    case createContent = "content.create"
    case editContent = "content.edit"
    case approveContent = "content.approve"
    case rejectContent = "content.reject"
    case scheduleContent = "content.schedule"
    case publishContent = "content.publish"
    case deleteContent = "content.delete"
    case viewAnalytics = "analytics.view"
    case viewAgents = "agents.view"
    case configureAgents = "agents.configure"
    case manageUsers = "users.manage"
    case manageOrganization = "organization.manage"
    case viewBilling = "billing.view"
    case manageBilling = "billing.manage"
    case exportData = "data.export"
    case viewAuditLogs = "audit.view"
    /// Staff: look up customers, organizations and subscriptions across organizations.
    case viewCustomers = "customers.view"
    case suspendUsers = "users.suspend"
    case unlockAccounts = "accounts.unlock"
    case manageSubscriptions = "subscriptions.manage"
    case viewRevenue = "revenue.view"
    case viewSupportTickets = "tickets.view"
    case manageSupportTickets = "tickets.manage"
    case manageStaff = "staff.manage"
    /// Pause and resume all publishing (the maintenance switch).
    case managePublishing = "publishing.manage"
    /// The health pane: the store, the publisher, the agents' errors, the processes.
    case viewSystemHealth = "system.health"
}
