import Foundation
import SocialdeckCore
import SocialdeckModel

/// Refresh on change: a tick first asks the store whether anything the open pane shows
/// has changed (``StoreChanges``, microseconds on SQLite, one round
/// trip on MongoDB) and reads the pane only when it has, when the request changed (a
/// pane switch, a new month), or when `maximumAge` has passed, for what depends on the
/// clock alone: a sliding 30-day window, a "last 24 hours" rate.
extension SnapshotLoader {
    /// The longest a pane goes without a full read, changes or not.
    public static let maximumAge: TimeInterval = 300

    /// The collections a request's panes read, besides those every snapshot reads.
    static func sources(of pane: PaneID) -> [CollectionName] {
        switch pane {
        // The calendar counts a full month from the daily rollups in `analytics`.
        case .calendar, .analytics: return [.analytics, .content]
        case .approvals: return [.content]
        case .agents: return [.aiAgents, .agentRuns, .agentMessages]
        case .revenue: return [.subscriptions]
        case .customers: return [.users, .organizations, .subscriptions, .customerActivityLogs, .supportTickets]
        case .tickets: return [.supportTickets, .users, .adminUsers]
        // The heartbeats change with every publisher pass, so the pane reads every few seconds.
        case .health: return [.publishJobs, .agentRuns, .processHeartbeats, .notifications, .invitations, .systemSettings]
        case .audit: return [.adminActivityLogs, .customerActivityLogs, .personalKeys]
        }
    }

    /// Organization names, author names, the maintenance switch, the plan in view (its
    /// usage of posts is read again when content changes on the panes that show content,
    /// and at `maximumAge` on the others) and the person's notifications, which every
    /// snapshot reads.
    static let sharedSources: [CollectionName] = [.organizations, .users, .adminUsers, .systemSettings, .subscriptions, .notifications]

    static func sources(of request: SnapshotRequest) -> [CollectionName] {
        let panes = PaneID.allCases.filter(request.panes.contains)
        let jobs: [CollectionName] = request.openPost == nil ? [] : [.publishJobs]
        let settings: [CollectionName] = request.settings == nil ? [] : [.invitations]
        return Array(Set(panes.flatMap(sources(of:)) + sharedSources + jobs + settings)).sorted { $0.rawValue < $1.rawValue }
    }

    /// A snapshot when something the request covers changed since the last one; nil when
    /// nothing did, after only the session check and the probe.
    public func loadIfChanged(_ request: SnapshotRequest) throws -> DashboardSnapshot? {
        try session?.check()
        let version = try StoreChanges(store: store).version(of: Self.sources(of: request))
        let now = clock()
        // The post a list has selected is not part of what it shows: moving the selection alone reads nothing.
        var shown = request
        shown.watched = []
        if seen.isCurrent(shown, version, now: now, maximumAge: Self.maximumAge) { return nil }
        let snapshot = try read(request)
        seen.record(shown, version, at: now)
        return snapshot
    }
}

