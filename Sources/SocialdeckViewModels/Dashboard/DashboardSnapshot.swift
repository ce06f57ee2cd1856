import Foundation
import SocialdeckCore
import SocialdeckModel

/// Everything the panes show, read in one go off the input thread and handed over
/// whole: the panes never read the store themselves.
public struct DashboardSnapshot: Sendable {
    public var takenAt: Date
    public var queue: [Content] = []
    /// The calendar range's posts, or, when it holds more than `CalendarModel.listLimit`,
    /// only the focused day's, with `calendarDayCounts` for the rest.
    public var calendar: [CalendarPost] = []
    /// Posts per day (keyed by the day's local midnight) when the range is too full to list.
    public var calendarDayCounts: [Date: Int]?
    public var analytics: AnalyticsReport?
    public var agents: [AgentHealth] = []
    /// Workflows waiting and running, then the newest ended ones.
    public var workflows: [WorkflowProgress] = []
    public var revenue: RevenueReport?
    /// The runs of the agent whose runs are open, when the request names one.
    public var agentRuns: AgentRunHistory?
    /// The post opened whole, when the request names one; nil when it is gone or not yours.
    public var openPost: Content?
    /// The opened post's publish jobs.
    public var openPostJobs: [PublishJob] = []
    /// Why publishing is paused (the maintenance switch), or nil while it runs.
    public var publishingPaused: String?
    /// What the organization in view (a customer's own, or the one staff narrowed to)
    /// has used of its plan; nil across organizations.
    public var planUsage: PlanUsage?
    /// The settings screen's organization, seats and invitations, while it is open.
    public var organizationSettings: OrganizationSettings.Overview?
    /// The health pane's report.
    public var health: SystemHealth.Report?
    /// The audit pane's page, the emails of who acted on it, and why it is empty when a filter named nobody.
    public var audit: AuditViewer.Page?
    public var auditNames: [ObjectId: String] = [:]
    public var auditProblem: String?
    /// The signed-in person's newest notifications, and how many are unread.
    public var notifications: [UserNotification] = []
    public var unreadNotifications = 0
    /// The customers matching the request's query, and the selected one's profile.
    public var customers: [CustomerMatch] = []
    public var customerProfile: CustomerProfile?
    /// The tickets pane's list, and emails for the ids it names.
    public var tickets: [SupportTicket] = []
    public var ticketNames: [ObjectId: String] = [:]
    /// Names for ids shown in rows, such as a post's organization for staff.
    public var organizationNames: [ObjectId: String] = [:]
    public var organizationSlugs: [String: ObjectId] = [:]
    public var authorNames: [ObjectId: String] = [:]
    /// The watched posts (`SnapshotRequest.watched`) missing from the lists read: each as
    /// it reads now, or nil when it is gone or out of reach.
    public var departed: [ObjectId: Content?] = [:]

    public init(takenAt: Date) { self.takenAt = takenAt }
}

/// What the next snapshot should cover; the models set it from their cursors.
public struct SnapshotRequest: Sendable, Equatable {
    public var panes: Set<PaneID>
    public var calendarRange: DateInterval
    /// The range's days in the viewer's zone, for counts when the range is too full to list.
    public var calendarDays: [DateInterval]
    /// The day to list when the calendar shows counts; nil while it lists the whole range.
    public var calendarFocus: DateInterval?
    public var analyticsDays: Int
    /// Staff may narrow everything to one organization.
    public var organizationId: ObjectId?
    /// The agent whose recent runs are open.
    public var agentRuns: ObjectId?
    /// A post opened whole from a pane that does not hold its text.
    public var openPost: ObjectId?
    /// Posts selected in the lists: one missing from its list is read on its own, so the
    /// screen can say what became of it. Moving the selection changes nothing to show,
    /// so it does not call for a refresh (`showsSameData`).
    public var watched: Set<ObjectId>
    /// What the customers pane searches for, and the customer whose profile it shows.
    public var customerQuery: String?
    public var customer: ObjectId?
    /// Every ticket (true) or the queue (false); nil when the tickets pane is not open.
    public var allTickets: Bool?
    /// The audit pane's log, filter and page; nil when it is not open.
    public var audit: AuditRequest?
    /// The organization whose settings screen is open.
    public var settings: ObjectId?

    public init(panes: Set<PaneID>, calendarRange: DateInterval, calendarDays: [DateInterval] = [],
                calendarFocus: DateInterval? = nil, analyticsDays: Int = 30, organizationId: ObjectId? = nil,
                agentRuns: ObjectId? = nil, openPost: ObjectId? = nil, watched: Set<ObjectId> = [],
                customerQuery: String? = nil, customer: ObjectId? = nil, allTickets: Bool? = nil, audit: AuditRequest? = nil,
                settings: ObjectId? = nil) {
        self.panes = panes
        self.calendarRange = calendarRange
        self.calendarDays = calendarDays
        self.calendarFocus = calendarFocus
        self.analyticsDays = analyticsDays
        self.organizationId = organizationId
        self.agentRuns = agentRuns
        self.openPost = openPost
        self.watched = watched
        self.customerQuery = customerQuery
        self.customer = customer
        self.allTickets = allTickets
        self.audit = audit
        self.settings = settings
    }

    /// Both read the same lists; they may differ in the posts they watch.
    public func showsSameData(as other: SnapshotRequest) -> Bool {
        var a = self, b = other
        a.watched = []
        b.watched = []
        return a == b
    }
}

/// Reads a snapshot through the core, as the signed-in identity. With a session guard,
/// each load first checks that the session may still read (one read by `_id`); an
/// expired or ended session reads nothing more.
public struct SnapshotLoader: Sendable {
    let store: any StoreHandle
    let identity: Identity
    let session: SessionGuard?
    let clock: @Sendable () -> Date
    /// More posts than this in the calendar's range and it is counted per day instead.
    let listLimit: Int
    /// What the last load read, and at which change version (``loadIfChanged(_:)``).
    let seen = ChangeWatch<SnapshotRequest>()
    /// Keeps the customer index between loads, so typing searches memory.
    let customerDirectory: CustomerDirectory

    public init(store: any StoreHandle, identity: Identity, session: SessionGuard? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }, listLimit: Int = CalendarModel.listLimit) {
        self.store = store
        self.identity = identity
        self.session = session
        self.clock = clock
        self.listLimit = listLimit
        customerDirectory = CustomerDirectory(store: store, clock: clock)
    }

    public func load(_ request: SnapshotRequest) throws -> DashboardSnapshot {
        try session?.check()
        return try read(request)
    }

    /// The pane's data as `load` reads it.
    func read(_ request: SnapshotRequest) throws -> DashboardSnapshot {
        let now = clock()
        var s = DashboardSnapshot(takenAt: now)
        let workflow = ContentWorkflow(store: store, clock: clock)
        let visible = Set(PaneID.visible(to: identity)).intersection(request.panes)
        if visible.contains(.approvals) {
            s.queue = try workflow.approvalQueue(for: identity, organizationId: request.organizationId)
        }
        if visible.contains(.calendar) {
            let range = request.calendarRange, org = request.organizationId
            // The rollups say first how many entries the range holds, so a range too full
            // to list costs no read of its posts.
            let counts = request.calendarDays.isEmpty ? []
                : try workflow.calendarCounts(request.calendarDays, organizationId: org, for: identity)
            if counts.reduce(0, +) <= listLimit,
               let posts = try workflow.calendar(from: range.start, to: range.end, organizationId: org, limit: listLimit,
                                                 for: identity) {
                s.calendar = posts
            } else if !request.calendarDays.isEmpty {
                s.calendarDayCounts = Dictionary(zip(request.calendarDays.map(\.start), counts), uniquingKeysWith: +)
                if let focus = request.calendarFocus {
                    s.calendar = try workflow.calendar(from: focus.start, to: focus.end, organizationId: org, for: identity) ?? []
                }
            }
        }
        if visible.contains(.analytics) {
            s.analytics = try AnalyticsReport.build(store: store, for: identity, organizationId: request.organizationId,
                                                    rangeDays: request.analyticsDays, now: now)
        }
        if visible.contains(.agents) {
            s.agents = try AgentHealth.all(store: store, for: identity, now: now)
            s.workflows = try WorkflowProgress.recent(store: store, for: identity, organizationId: request.organizationId, limit: 20)
            if let agent = request.agentRuns {
                s.agentRuns = try Self.unlessGone { try AgentRunHistory.recent(store: store, agentId: agent, for: identity) }
            }
        }
        if let post = request.openPost, !visible.isEmpty {
            s.openPost = try Self.unlessGone { try workflow.post(post, for: identity) }
            if s.openPost != nil {
                s.openPostJobs = try PublishJobs(store: store, clock: clock).list(for: identity, contentIds: [post], limit: 50)
            }
        }
        let publishing = try PublishingSwitch(store: store, clock: clock).state()
        s.publishingPaused = publishing.paused ? (publishing.reason ?? "") : nil
        if visible.contains(.customers) {
            s.customers = try customerDirectory.search(request.customerQuery ?? "", limit: CustomersModel.listLimit, for: identity)
            if let customer = request.customer {
                s.customerProfile = try Self.unlessGone { try customerDirectory.profile(customer, for: identity) }
            }
        }
        if visible.contains(.tickets) {
            let desk = SupportDesk(store: store, clock: clock)
            s.tickets = try desk.list(.init(statuses: request.allTickets == true ? [] : [.open, .pending],
                                            organizationId: identity.isStaff ? request.organizationId : nil), by: identity)
            s.ticketNames = try desk.people(in: s.tickets, by: identity)
        }
        if identity.actorId != nil {
            let inbox = NotificationInbox(store: store, clock: clock)
            s.notifications = try inbox.list(limit: NotificationsController.listLimit, for: identity)
            s.unreadNotifications = try inbox.unreadCount(for: identity)
        }
        if let org = identity.organizationId ?? request.organizationId {
            s.planUsage = try Self.unlessGone { try PlanLimits(store: store).usage(of: org, for: identity, at: now) }
        }
        if visible.contains(.audit), let r = request.audit {
            let viewer = AuditViewer(store: store)
            var query = AuditViewer.Query(log: r.log, target: r.filter.target, action: r.filter.action, severity: r.filter.severity,
                                          organizationId: identity.isStaff ? request.organizationId : nil)
            if let email = r.filter.actorEmail { query.actor = try viewer.actor(email: email, in: r.log, for: identity) }
            if r.filter.actorEmail != nil && query.actor == nil {
                s.auditProblem = "nobody with that email is in this log"
            } else {
                let page = try viewer.page(query, after: r.start, by: identity)
                s.audit = page
                s.auditNames = try viewer.emails(of: Set(page.entries.compactMap(\.actor)), for: identity)
                if !r.filter.unknown.isEmpty { s.auditProblem = "not understood: " + r.filter.unknown.joined(separator: " ") }
            }
        }
        if let org = request.settings {
            s.organizationSettings = try Self.unlessGone { try OrganizationSettings(store: store, clock: clock).overview(org, by: identity) }
        }
        if visible.contains(.health) { s.health = try SystemHealth(store: store, clock: clock).report(for: identity) }
        if visible.contains(.revenue) { s.revenue = try RevenueReport.build(store: store, for: identity, now: now) }
        let directory = Directory(store: store)
        let orgs = try directory.organizations(for: identity)
        s.organizationNames = Dictionary(orgs.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        s.organizationSlugs = Dictionary(orgs.map { ($0.slug, $0.id) }, uniquingKeysWith: { a, _ in a })
        // Calendar rows show no author; an opened post does.
        s.authorNames = try directory.authorNames(Set((s.queue + [s.openPost].compactMap { $0 }).map(\.userId)), for: identity)
        let listed = Set(s.queue.map(\._id) + s.calendar.map(\._id))
        for id in request.watched.subtracting(listed) {
            do {
                s.departed[id] = .some(try workflow.post(id, for: identity))
            } catch let error as CoreError {
                guard case .notFound = error else { throw error }
                s.departed[id] = .some(nil)
            }
        }
        return s
    }

    /// `read`'s result, or nil when what it reads is gone (or another organization's);
    /// a store that cannot be reached still fails the whole load.
    private static func unlessGone<T>(_ read: () throws -> T) throws -> T? {
        do { return try read() } catch CoreError.notFound { return nil }
    }
}
