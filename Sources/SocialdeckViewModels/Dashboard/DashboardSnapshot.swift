import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage

/// Everything the panes show, read in one go off the input thread and handed over
/// whole: the panes never read the store themselves.
public struct DashboardSnapshot: Sendable {
    public var takenAt: Date
    public var queue: [Content] = []
    public var calendar: [Content] = []
    public var analytics: AnalyticsReport?
    public var agents: [AgentHealth] = []
    public var revenue: RevenueReport?
    /// Names for ids shown in rows, such as a post's organization for staff.
    public var organizationNames: [ObjectId: String] = [:]
    public var organizationSlugs: [String: ObjectId] = [:]
    public var authorNames: [ObjectId: String] = [:]

    public init(takenAt: Date) { self.takenAt = takenAt }
}

/// What the next snapshot should cover; the models set it from their cursors.
public struct SnapshotRequest: Sendable, Equatable {
    public var panes: Set<PaneID>
    public var calendarRange: DateInterval
    public var analyticsDays: Int
    /// Staff may narrow everything to one organization.
    public var organizationId: ObjectId?

    public init(panes: Set<PaneID>, calendarRange: DateInterval, analyticsDays: Int = 30, organizationId: ObjectId? = nil) {
        self.panes = panes
        self.calendarRange = calendarRange
        self.analyticsDays = analyticsDays
        self.organizationId = organizationId
    }
}

/// Reads a snapshot through the core, as the signed-in identity.
public struct SnapshotLoader: Sendable {
    let store: any DocumentStore
    let identity: Identity
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, identity: Identity, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.identity = identity
        self.clock = clock
    }

    public func load(_ request: SnapshotRequest) throws -> DashboardSnapshot {
        let now = clock()
        var s = DashboardSnapshot(takenAt: now)
        let workflow = ContentWorkflow(store: store, clock: clock)
        let visible = Set(PaneID.visible(to: identity)).intersection(request.panes)
        if visible.contains(.approvals) {
            s.queue = try workflow.approvalQueue(for: identity, organizationId: request.organizationId)
        }
        if visible.contains(.calendar) {
            s.calendar = try workflow.calendar(from: request.calendarRange.start, to: request.calendarRange.end,
                                               organizationId: request.organizationId, for: identity)
        }
        if visible.contains(.analytics) {
            s.analytics = try AnalyticsReport.build(store: store, for: identity, organizationId: request.organizationId,
                                                    rangeDays: request.analyticsDays, now: now)
        }
        if visible.contains(.agents) { s.agents = try AgentHealth.all(store: store, for: identity) }
        if visible.contains(.revenue) { s.revenue = try RevenueReport.build(store: store, for: identity, now: now) }
        let orgs = try ModelCollection(store, Organization.self).find(AccessControl.scope(identity, organizationPath: "_id"))
        s.organizationNames = Dictionary(orgs.map { ($0._id, $0.name) }, uniquingKeysWith: { a, _ in a })
        s.organizationSlugs = Dictionary(orgs.map { ($0.slug, $0._id) }, uniquingKeysWith: { a, _ in a })
        let authorIds = Set((s.queue + s.calendar).map(\.userId))
        if !authorIds.isEmpty {
            let users = try ModelCollection(store, User.self).find(.isIn("_id", anyOf: Array(authorIds)) && AccessControl.scope(identity))
            s.authorNames = Dictionary(users.map { ($0._id, "\($0.profile.firstName) \($0.profile.lastName)") }, uniquingKeysWith: { a, _ in a })
        }
        return s
    }
}
