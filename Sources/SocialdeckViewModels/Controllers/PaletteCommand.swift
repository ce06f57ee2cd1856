import Foundation
import SocialdeckCore
import SocialdeckModel

/// A typed `:` command: `theme NAME`, `org SLUG`, `goto DATE`, `range N`, `repeat
/// RULE`, `workflow NAME [TOPIC]`, `agent SETTING VALUE`, `role ROLE`, `plan TIER [monthly|yearly]`,
/// `2fa-reset`, `ticket [EMAIL] SUBJECT`, `notifications`, `notify KIND…`, `maintenance on|off`, `settings …`, `invite EMAIL [ROLE]`,
/// `create-org NAME [TIER]`, `delete-org REASON`, `restore-org SLUG`, `refresh`, `quit`. Anything else is left to the
/// palette's list of actions.
public enum PaletteCommand: Sendable, Equatable {
    case theme(String)
    case organization(String)
    case goTo(String)
    case range(String)
    /// Repeats the selected post: `mon 09:00, thu 17:30`, or `every 2 at 09:00`.
    case repeatPost(String)
    /// Asks for `content-creation` (with an optional topic), `analytics` or `strategy-optimisation`.
    case workflow(String)
    /// Changes the agent selected in the agents pane (``AgentsModel/configure(_:organization:)``).
    case agent(String)
    /// `role`, `plan` and `2fa-reset` on the customer selected in the customers pane.
    case customer(verb: String, String)
    /// `ticket EMAIL SUBJECT` (staff) or `ticket SUBJECT`: opens a support ticket.
    case ticket(String)
    /// `notifications` opens the list; `notify KIND…` sets what arrives by email.
    case notifications
    case notify(String)
    /// `maintenance on REASON` / `maintenance off`: the switch that pauses publishing and the agents.
    case maintenance(String)
    /// `settings` opens the organization's settings; `settings name NAME` and the like change one.
    case settings(String)
    /// `invite EMAIL [ROLE]` into the organization in view.
    case invite(String)
    /// Staff: `create-org`, `delete-org`, `restore-org`.
    case wholeOrganization(verb: String, String)
    case refresh
    case quit
    /// Not a verb: the palette runs its best-matching action, or says it knows none.
    case other(verb: String)

    public static let verbs = "theme, org, goto, range, repeat, workflow, agent, role, plan, 2fa-reset, ticket, notifications, notify, maintenance, settings, invite, create-org, delete-org, restore-org, refresh, quit"

    /// Nil for an empty line.
    public init?(_ text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first?.lowercased() else { return nil }
        let argument = words.dropFirst().joined(separator: " ")
        switch verb {
        case "theme": self = .theme(argument)
        case "org": self = .organization(argument)
        case "goto": self = .goTo(argument)
        case "range": self = .range(argument)
        case "repeat": self = .repeatPost(argument)
        case "workflow", "wf": self = .workflow(argument)
        case "agent": self = .agent(argument)
        case "role", "plan", "2fa-reset": self = .customer(verb: verb, argument)
        case "ticket": self = .ticket(argument)
        case "notifications": self = .notifications
        case "notify": self = .notify(argument)
        case "maintenance": self = .maintenance(argument)
        case "settings": self = .settings(argument)
        case "invite": self = .invite(argument)
        case _ where OrganizationPalette.verbs.contains(verb): self = .wholeOrganization(verb: verb, argument)
        case "refresh": self = .refresh
        case "quit", "q": self = .quit
        default: self = .other(verb: verb)
        }
    }

    /// Runs the command on the model; `.other` returns nil for the caller's own matching.
    public func run(in model: inout DashboardModel) -> [DashboardEffect]? {
        switch self {
        case .theme(let name): return [.setTheme(name)]
        case .goTo(let date):
            guard model.calendar.goTo(date) else { return [.show("use a date like 2026-12-01")] }
            _ = model.select(.calendar)
        case .range(let text):
            guard let days = Int(text), AnalyticsModel.ranges.contains(days) else { return [.show("range takes 7, 30 or 90")] }
            model.analytics.setRange(days)
            _ = model.select(.analytics)
        case .organization(let slug):
            return [.show(Self.organizationMessage(slug, in: &model))]
        case .repeatPost(let text):
            guard let post = model.selectedPost else { return [.show("select a post to repeat first (calendar or approval queue)")] }
            guard let rule = Self.rule(text, model: model) else {
                return [.show("repeat mon 09:00, thu 17:30 (weekly slots) or repeat every 2 at 09:00 (days), in your time zone")]
            }
            if let problem = rule.problem { return [.show(problem)] }
            return [.run(.post(.repeatPost(post.id, title: post.title, rule: rule)))]
        case .workflow(let text):
            return Self.workflow(text, in: &model)
        case .agent(let text):
            guard model.pane == .agents else { return [.show("select an agent in the agents pane first")] }
            let organization = model.identity.isStaff ? model.organizationFilter : model.identity.organizationId
            return model.agents.configure(text, organization: organization).map { .run(.agents($0)) }
        case .customer(let verb, let argument): return CustomersController.palette(verb, argument, in: &model)
        case .ticket(let text): return TicketsController.palette(text, in: &model)
        case .notifications: PromptController.open(.notifications(selected: 0), in: &model)
        case .notify(let text): return NotificationsController.palette(text, in: &model)
        case .maintenance(let text): return HealthController.palette(text, in: &model)
        case .settings(let text): return SettingsController.palette(text, in: &model)
        case .invite(let text): return SettingsController.invite(text, in: &model)
        case .wholeOrganization(let verb, let text): return OrganizationPalette.run(verb, text, in: &model)
        case .refresh: return [.refresh]
        case .quit: return [.quit]
        case .other: return nil
        }
        return []
    }

    /// `workflow content-creation Winter roast`: for the person's organization, or for
    /// staff the one in view (`org SLUG`). Short names work: content, analytics, strategy.
    private static func workflow(_ text: String, in model: inout DashboardModel) -> [DashboardEffect] {
        let words = text.split(separator: " ").map(String.init)
        let aliases = ["content": StandardWorkflows.contentCreation, "analytics": StandardWorkflows.analytics,
                       "strategy": StandardWorkflows.strategyOptimisation]
        guard let first = words.first?.lowercased(), let name = StandardWorkflows.names.first(where: { $0 == first }) ?? aliases[first] else {
            return [.show("workflow content-creation [topic], workflow analytics, workflow strategy-optimisation or workflow engagement")]
        }
        guard let organization = model.identity.isStaff ? model.organizationFilter : model.identity.organizationId else {
            return [.show("choose the organization first: org SLUG")]
        }
        let topic = words.dropFirst().joined(separator: " ")
        guard topic.isEmpty || name == StandardWorkflows.contentCreation else { return [.show("only content-creation takes a topic")] }
        _ = model.select(.agents)
        return model.agents.startWorkflow(name, topic: topic.isEmpty ? nil : topic, organization: organization).map { .run(.agents($0)) }
    }

    /// Weekly slots, or every N days at a time counted from the calendar's focused day,
    /// in the viewer's zone.
    static func rule(_ text: String, model: DashboardModel) -> RecurrenceRule? {
        let zone = model.timeZone.identifier
        let words = text.lowercased().split(separator: " ")
        if words.count == 4, words[0] == "every", let days = Int(words[1]), words[2] == "at",
           let time = RecurrenceRule.LocalTime(parsing: words[3]) {
            let day = model.calendar.calendar.dateComponents([.year, .month, .day], from: model.calendar.cursorDay)
            let start = String(format: "%04d-%02d-%02d", day.year ?? 2000, day.month ?? 1, day.day ?? 1)
            return .every(days, at: time, from: start, in: zone)
        }
        return RecurrenceRule.slots(parsing: text).map { .weekly($0, in: zone) }
    }

    /// `org SLUG` narrows every pane to one organization, `org all` shows them all again,
    /// and a bare `org` says how, with the slugs to choose from.
    private static func organizationMessage(_ slug: String, in model: inout DashboardModel) -> String {
        guard model.identity.isStaff else {
            return "your account sees \(model.organizationName ?? "its own organization") only; org is for platform staff"
        }
        let slugs = model.organizationChoices.map(\.slug)
        let choices = slugs.isEmpty ? "" : "; the organizations are " + slugs.prefix(8).joined(separator: ", ") + (slugs.count > 8 ? ", …" : "")
        switch slug.lowercased() {
        case "":
            return "org SLUG shows one organization, org all shows every one" + choices
        case "all", "*":
            _ = model.setOrganizationFilter(slug: "")
            return "showing every organization"
        default:
            guard model.setOrganizationFilter(slug: slug) else { return "no organization '\(slug)'" + choices }
            return "showing \(model.organizationInView ?? slug) only; org all shows every one"
        }
    }
}
