import Foundation
import SocialdeckModel
import SocialdeckStorage

extension ContentWorkflow {
    /// Every post with a platform entry scheduled in [from, to), soonest first, as the
    /// calendar lists it, or nil when more than `limit` match. Customers see their
    /// organization; staff all, or one.
    ///
    /// The posts are read unsorted and sorted here: finding out that a range is too full
    /// then costs at most `limit + 1` documents, where a sorted read would first have
    /// to key every match (tens of thousands for a month over every organization).
    public func calendar(from: Date, to: Date, organizationId: ObjectId? = nil, platforms: Set<Platform> = [],
                         statuses: Set<PostStatus> = [], limit: Int = 5000, for identity: Identity) throws -> [CalendarPost]? {
        let filter = try calendarFilter(from: from, to: to, organizationId: organizationId, platforms: platforms,
                                        statuses: statuses, for: identity)
        let found = try store.find(CollectionName.content.rawValue, filter, limit: limit + 1,
                                   projection: .include(CalendarPost.fields))
        guard found.count <= limit else { return nil }
        let decoder = DocumentDecoder()
        let keyed = try found.map { doc in
            let post = try decoder.decode(CalendarPost.self, from: doc)
            return (soonest: post.platforms.lazy.compactMap(\.scheduledAt).min() ?? .distantFuture, id: post._id.hex, post: post)
        }
        return keyed.sorted { ($0.soonest, $0.id) < ($1.soonest, $1.id) }.map(\.post)
    }

    /// How many calendar entries (a post's platforms, each at its time) fall in each
    /// interval, from the daily rollups without reading the posts: a month over every
    /// organization holds tens of thousands, which a grid can show as counts but not as
    /// rows. The intervals must start and end on a quarter hour, as every zone's days do.
    public func calendarCounts(_ intervals: [DateInterval], organizationId: ObjectId? = nil,
                               for identity: Identity) throws -> [Int] {
        // Another organization's counts are refused, not quietly replaced by the caller's own.
        let org = organizationId ?? identity.organizationId
        try AccessControl.authorize(identity, .viewContent, organizationId: org)
        guard let first = intervals.map(\.start).min(), let end = intervals.map(\.end).max(), end > first else {
            return intervals.map { _ in 0 }
        }
        let lastDay = { (interval: DateInterval) in RollupKey.day(of: interval.end.addingTimeInterval(-1)) }
        let days = try ContentRollups(store: store, clock: clock)
            .figures(organizationId: org, days: RollupKey.day(of: first)...RollupKey.day(of: end.addingTimeInterval(-1)))
        return intervals.map { interval in
            guard interval.duration > 0 else { return 0 }
            return (RollupKey.day(of: interval.start)...lastDay(interval)).reduce(0) { sum, day in
                sum + (days[day]?.entries(day: day, from: interval.start, to: interval.end) ?? 0)
            }
        }
    }

    private func calendarFilter(from: Date, to: Date, organizationId: ObjectId?, platforms: Set<Platform>,
                                statuses: Set<PostStatus>, for identity: Identity) throws -> Filter {
        try AccessControl.authorize(identity, .viewContent, organizationId: organizationId ?? identity.organizationId)
        // Every status when none is asked for: the (platforms.status, platforms.scheduledAt)
        // index then answers the date range, with no second index to keep up on every write.
        var inRange = Filter.isIn("status", anyOf: statuses.isEmpty ? PostStatus.allCases : Array(statuses))
            && .gte("scheduledAt", from) && .lt("scheduledAt", to)
        if !platforms.isEmpty { inRange = inRange && .isIn("platform", anyOf: Array(platforms)) }
        var filter = Filter.elemMatch("platforms", inRange) && AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        return filter
    }

    /// Moves a post (or one of its platforms) to a new time. Published entries stay where
    /// they are. A time in the past is refused, and so is a rejected draft, which has to
    /// be reopened before it goes on the calendar again.
    @discardableResult
    public func reschedule(_ id: ObjectId, to date: Date, platform: Platform? = nil, by identity: Identity) throws -> PostChange {
        try changeSchedule(id, platform: platform, kind: .rescheduled, by: identity) { entry in
            entry.scheduledAt = date
        } check: { post, now in
            guard date >= now else {
                throw CoreError.invalid("a post cannot be moved into the past: \(ISODate.string(from: date)) has passed")
            }
            guard post.approval.status != .rejected else {
                throw CoreError.conflict("“\(post.title)” was rejected; it can be scheduled or moved once it is reopened")
            }
        }
    }

    /// Takes a post off the calendar: scheduled entries go back to drafts without a time.
    @discardableResult
    public func unschedule(_ id: ObjectId, platform: Platform? = nil, by identity: Identity) throws -> PostChange {
        try changeSchedule(id, platform: platform, kind: .unscheduled, by: identity) { entry in
            entry.scheduledAt = nil
        } check: { _, _ in }
    }

    /// Publishes an approved post now: every entry not yet out is scheduled for this
    /// moment, and the next publisher pass (any process's) sends it.
    @discardableResult
    public func publishNow(_ id: ObjectId, platform: Platform? = nil, by identity: Identity) throws -> PostChange {
        let now = clock()
        return try changeSchedule(id, platform: platform, kind: .rescheduled, by: identity) { entry in
            entry.scheduledAt = now
        } check: { post, _ in
            try AccessControl.authorize(identity, .publishContent, organizationId: post.organizationId)
            guard post.approval.status == .approved else {
                throw CoreError.conflict("“\(post.title)” is \(post.approval.status.rawValue); only an approved post is published")
            }
        }
    }

    private func changeSchedule(_ id: ObjectId, platform: Platform?, kind: PostChange.Kind, by identity: Identity,
                                _ change: (inout Content.PlatformPost) -> Void,
                                check: (Content, Date) throws -> Void) throws -> PostChange {
        var post = try revision(id, for: identity)
        let before = post.before
        try AccessControl.authorize(identity, .scheduleContent, organizationId: before.organizationId)
        let now = clock()
        try check(before, now)
        let movable = { (entry: Content.PlatformPost) in
            (platform == nil || entry.platform == platform) && ![.published, .publishing, .needsCheck].contains(entry.status)
        }
        guard before.platforms.contains(where: movable) else {
            throw CoreError.conflict("nothing to move: the post is already published there, or waits for a check that it was not")
        }
        let approved = before.approval.status == .approved
        post.changePlatforms(where: movable) { entry in
            change(&entry)
            // A time on the calendar is a schedule: an approved post's entry goes to the
            // publisher (whose job for the old time is cancelled when it finds the post
            // moved); anything else waits for approval as a draft.
            if entry.scheduledAt != nil && approved {
                entry.status = .scheduled
            } else if [.scheduled, .queued, .failed, .missed, .expired].contains(entry.status) {
                entry.status = .draft
            }
        }
        guard !post.isEmpty else { return PostChange(kind, before: before, after: before) }
        guard try post.write(to: store, at: now) else { throw CoreError.conflict("post \(id.hex) changed a moment ago; look again") }
        let after = try post.after()
        let encoder = DocumentEncoder()
        let action = kind == .rescheduled ? "content_rescheduled" : "content_unscheduled"
        try audit.record(.init(action: action, targetType: .content, targetId: id, organizationId: before.organizationId,
                               before: Document([.init("platforms", try encoder.encodeValue(before.platforms))]),
                               after: Document([.init("platforms", try encoder.encodeValue(after.platforms))])), by: identity)
        return PostChange(kind, before: before, after: after)
    }
}
