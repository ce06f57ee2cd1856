import Foundation
import SocialdeckCore
import SocialdeckModel

/// The whole dashboard's state above the panes: which pane is open, the header's
/// facts, the connection state and short messages. The terminal layer renders it;
/// the tests drive it with an injected clock.
public struct DashboardModel: Sendable {
    public enum Connection: Sendable, Equatable {
        case connecting
        case connected(at: Date)
        /// The last refresh took longer than `slowThreshold`.
        case slow(at: Date, seconds: Double)
        case unreachable(since: Date, reason: String)
    }

    public static let slowThreshold: TimeInterval = 1.5
    public static let flashDuration: TimeInterval = 4

    public let identity: Identity
    public let userName: String
    public let roleName: String
    public let organizationName: String?
    public let storeLocation: String
    public let timeZone: TimeZone
    public let panes: [PaneID]
    public private(set) var pane: PaneID
    public private(set) var connection = Connection.connecting
    /// Why publishing is paused for the whole store (the maintenance switch); nil while it runs.
    public private(set) var publishingPaused: String?
    /// The plan allowances of the organization in view at 80% or more of their limit.
    public private(set) var planWarnings: [PlanUsage.Meter] = []
    /// The person's newest notifications and how many are unread (the header's ✉ count).
    public internal(set) var notifications: [UserNotification] = []
    public internal(set) var unreadNotifications = 0
    /// What the settings screen shows, once read.
    public private(set) var organizationSettings: OrganizationSettings.Overview?
    public private(set) var flash: (text: String, until: Date, since: Date)?
    public private(set) var lastSnapshot: DashboardSnapshot?
    /// Staff may narrow every pane to one organization (`:org SLUG`).
    public private(set) var organizationFilter: ObjectId?
    /// The organization the last snapshot was read for (nil: every one the identity sees).
    private var lastScope: ObjectId??

    /// Help, the palette or a one-line prompt, which has the keyboard while open.
    public var prompt: DashboardPrompt?

    public var approvals: ApprovalQueueModel
    public var calendar: CalendarModel
    public var analytics = AnalyticsModel()
    public var agents: AgentsModel
    public var revenue = RevenueModel()
    public var health = HealthModel()
    public var audit: AuditModel
    public var customers: CustomersModel
    public var tickets: TicketsModel
    /// One undo stack for every pane.
    public internal(set) var undo = UndoHistory()

    public init(identity: Identity, userName: String, roleName: String, organizationName: String?, storeLocation: String,
                timeZone: TimeZone, now: Date) {
        self.identity = identity
        self.userName = userName
        self.roleName = roleName
        self.organizationName = organizationName
        self.storeLocation = storeLocation
        self.timeZone = timeZone
        panes = PaneID.visible(to: identity)
        pane = panes.contains(.approvals) ? .approvals : panes.first ?? .calendar
        approvals = ApprovalQueueModel(identity: identity)
        calendar = CalendarModel(identity: identity, timeZone: timeZone, today: now)
        agents = AgentsModel(identity: identity)
        customers = CustomersModel(identity: identity)
        tickets = TicketsModel(identity: identity)
        audit = AuditModel(identity: identity)
    }

    /// Opens a pane by number (1–5); panes the role may not use stay closed.
    public mutating func select(_ p: PaneID) -> Bool {
        guard panes.contains(p) else { return false }
        pane = p
        return true
    }

    public mutating func nextPane(_ step: Int = 1) {
        guard let i = panes.firstIndex(of: pane), !panes.isEmpty else { return }
        pane = panes[(i + step + panes.count) % panes.count]
    }

    /// What the refresh should read: the open pane only, from where it is looking. A
    /// pane switch changes the request, and the scheduler refreshes at once.
    public var request: SnapshotRequest {
        SnapshotRequest(panes: [pane], calendarRange: calendar.visibleRange, calendarDays: calendar.visibleDays,
                        calendarFocus: calendar.isCounting ? calendar.focusedDay : nil, analyticsDays: analytics.rangeDays,
                        organizationId: organizationFilter, agentRuns: pane == .agents ? agents.runsAgent : nil,
                        openPost: openPostId, watched: watched,
                        customerQuery: pane == .customers ? customers.query : nil,
                        customer: pane == .customers ? customers.selected?.userId : nil,
                        allTickets: pane == .tickets ? tickets.showsAll : nil, audit: pane == .audit ? audit.request : nil,
                        settings: isShowingSettings ? SettingsController.organization(self) : nil)
    }

    var isShowingSettings: Bool {
        if case .settings = prompt { return true }
        return false
    }

    /// The post the open pane shows whole, which the snapshot reads whole.
    var openPostId: ObjectId? {
        switch pane {
        case .analytics: return analytics.openPostId
        case .calendar: return calendar.openPostId
        default: return nil
        }
    }

    /// The post the open pane's list has selected: when it leaves the list, the snapshot
    /// reads it, so the message can say what became of it.
    var watched: Set<ObjectId> {
        switch pane {
        case .approvals: return Set([approvals.current?.id].compactMap { $0 })
        case .calendar: return Set([calendar.selectedEntry?.postId].compactMap { $0 })
        default: return []
        }
    }

    public mutating func receive(_ delivery: RefreshScheduler.Delivery, now: Date) {
        switch delivery.result {
        case .success(nil):
            connection = delivery.duration > Self.slowThreshold ? .slow(at: now, seconds: delivery.duration) : .connected(at: now)
        case .success(let snapshot?):
            // Read for another organization than the last (`:org`): the lists changed because
            // the person asked, so the selections follow silently.
            let rescoped = lastScope.map { $0 != delivery.request.organizationId } ?? false
            lastScope = delivery.request.organizationId
            lastSnapshot = snapshot
            publishingPaused = snapshot.publishingPaused
            planWarnings = snapshot.planUsage?.warnings ?? []
            notifications = snapshot.notifications
            unreadNotifications = snapshot.unreadNotifications
            if delivery.request.settings != nil { organizationSettings = snapshot.organizationSettings }
            connection = delivery.duration > Self.slowThreshold ? .slow(at: now, seconds: delivery.duration) : .connected(at: now)
            // Only the panes the snapshot was read for; the others keep what they showed.
            let read = delivery.request.panes
            var notices: [String?] = []
            if read.contains(.approvals) {
                let departed = rescoped ? nil : snapshot.departed.mapValues { PostDeparture.reason($0, viewer: identity) }
                let message = approvals.message
                let items = snapshot.queue.map { QueueItem($0, snapshot: snapshot) }
                _ = approvals.send(.snapshot(items.filter { !$0.isExpired } + items.filter(\.isExpired), departed: departed), now: now)
                notices.append(approvals.message != message ? approvals.message : nil)
            }
            if read.contains(.calendar) {
                notices.append(calendar.load(snapshot.calendar, dayCounts: snapshot.calendarDayCounts,
                                             listed: delivery.request.calendarFocus, departed: rescoped ? nil : snapshot.departed))
                calendar.loadPost(snapshot.openPost.map { PostDetail($0, snapshot: snapshot) }, requested: delivery.request.openPost)
            }
            if read.contains(.analytics) {
                notices.append(analytics.load(snapshot.analytics, announce: !rescoped))
                analytics.loadPost(snapshot.openPost.map { PostDetail($0, snapshot: snapshot) }, requested: delivery.request.openPost)
            }
            if read.contains(.agents) {
                notices.append(agents.load(snapshot.agents))
                agents.loadWorkflows(snapshot.workflows, organizationNames: snapshot.organizationNames)
                agents.loadRuns(snapshot.agentRuns, requested: delivery.request.agentRuns, organizationNames: snapshot.organizationNames)
            }
            if read.contains(.revenue) { revenue.load(snapshot.revenue) }
            if read.contains(.health) { health.load(snapshot.health) }
            if read.contains(.audit) {
                audit.load(snapshot.audit, names: snapshot.auditNames, for: delivery.request.audit, problem: snapshot.auditProblem)
            }
            if read.contains(.tickets) {
                tickets.load(snapshot.tickets, names: snapshot.ticketNames, all: delivery.request.allTickets)
            }
            if read.contains(.customers) {
                customers.load(snapshot.customers, query: delivery.request.customerQuery, profile: snapshot.customerProfile)
            }
            if let notice = notices.compactMap({ $0 }).first { show(notice, now: now) }
        case .failure(let error):
            if case .unreachable(let since, _) = connection {
                connection = .unreachable(since: since, reason: SafeText.escapingControls(String(describing: error)))
            } else {
                connection = .unreachable(since: now, reason: SafeText.escapingControls(String(describing: error)))
            }
        }
    }

    /// Narrows staff views to the organization with `slug`; an empty slug shows all. False when unknown or not staff.
    public mutating func setOrganizationFilter(slug: String) -> Bool {
        guard identity.isStaff else { return false }
        if slug.isEmpty {
            organizationFilter = nil
            return true
        }
        guard let id = lastSnapshot?.organizationSlugs[slug] else { return false }
        organizationFilter = id
        return true
    }

    public mutating func show(_ text: String, now: Date) {
        flash = (SafeText.escapingControls(text), now.addingTimeInterval(Self.flashDuration), now)
    }

    /// The footer's message, and while a change can be undone, the offer and how long
    /// it stays open: "1 draft approved · u undo (4 s)", or once the message has gone,
    /// "approved “Compostable bags” · u undo (1 s)". A message newer than the change
    /// (what an undo did, say) is shown alone while it lasts.
    public func flashText(at now: Date) -> String? {
        let current = flash.flatMap { $0.until > now ? $0 : nil }
        guard let hint = undo.hint(at: now), let entry = undo.latest(at: now) else { return current?.text }
        if let current, current.since > entry.madeAt { return current.text }
        return (current?.text ?? SafeText.escapingControls(entry.summary)) + " · " + hint
    }

    /// Something can be undone now; the screen must redraw as the offer counts down.
    public func canUndo(at now: Date) -> Bool { undo.canUndo(at: now) }

    /// A prompt, or an editor of the open pane, has the keyboard.
    public var hasOpenEditor: Bool {
        prompt != nil || (pane == .approvals && approvals.mode != .browsing) || (pane == .customers && customers.reasonPrompt != nil)
            || (pane == .tickets && tickets.prompt != nil)
    }

    /// The organizations staff may narrow to with `:org`, by slug.
    public var organizationChoices: [(slug: String, name: String)] {
        guard identity.isStaff, let snapshot = lastSnapshot else { return [] }
        return snapshot.organizationSlugs.map { (slug: $0.key, name: snapshot.organizationNames[$0.value] ?? $0.key) }
            .sorted { $0.slug < $1.slug }
    }

    /// The header clock: the time in the user's zone.
    public func clockText(_ now: Date) -> String {
        let d = Calendar.gregorian(in: timeZone).dateComponents([.year, .month, .day, .hour, .minute], from: now)
        let pad = CalendarNames.padded
        return "\(pad(d.year!, 4))-\(pad(d.month!, 2))-\(pad(d.day!, 2)) \(pad(d.hour!, 2)):\(pad(d.minute!, 2)) "
            + (timeZone.abbreviation(for: now) ?? timeZone.identifier)
    }
}
