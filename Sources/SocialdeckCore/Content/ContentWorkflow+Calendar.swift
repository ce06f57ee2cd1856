import Foundation
import SocialdeckModel
import SocialdeckStorage

extension ContentWorkflow {
    /// Posts with a platform entry scheduled in [from, to), for the calendar. Customers
    /// see their organization; staff all, or one.
    public func calendar(from: Date, to: Date, organizationId: ObjectId? = nil, platforms: Set<Platform> = [],
                         statuses: Set<PostStatus> = [], for identity: Identity) throws -> [Content] {
        try AccessControl.authorize(identity, .viewContent, organizationId: identity.organizationId ?? organizationId)
        // Every status when none is asked for: the (platforms.status, platforms.scheduledAt)
        // index then answers the date range, with no second index to keep up on every write.
        var inRange = Filter.isIn("status", anyOf: statuses.isEmpty ? PostStatus.allCases : Array(statuses))
            && .gte("scheduledAt", from) && .lt("scheduledAt", to)
        if !platforms.isEmpty { inRange = inRange && .isIn("platform", anyOf: Array(platforms)) }
        var filter = Filter.elemMatch("platforms", inRange) && AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        return try posts.find(filter, sort: [.asc("platforms.scheduledAt")], limit: 5000)
    }

    /// Moves a post (or one of its platforms) to a new time. Published entries stay where they are.
    @discardableResult
    public func reschedule(_ id: ObjectId, to date: Date, platform: Platform? = nil, by identity: Identity) throws -> Content {
        try changeSchedule(id, platform: platform, action: "content_rescheduled", by: identity) { entry in
            entry.scheduledAt = date
        }
    }

    /// Takes a post off the calendar: scheduled entries go back to drafts without a time.
    @discardableResult
    public func unschedule(_ id: ObjectId, platform: Platform? = nil, by identity: Identity) throws -> Content {
        try changeSchedule(id, platform: platform, action: "content_unscheduled", by: identity) { entry in
            entry.scheduledAt = nil
            if entry.status == .scheduled { entry.status = .draft }
        }
    }

    private func changeSchedule(_ id: ObjectId, platform: Platform?, action: String, by identity: Identity,
                                _ change: (inout Content.PlatformPost) -> Void) throws -> Content {
        let before = try post(id, for: identity)
        try AccessControl.authorize(identity, .scheduleContent, organizationId: before.organizationId)
        var after = before
        var touched = false
        for i in after.platforms.indices where platform == nil || after.platforms[i].platform == platform {
            guard ![.published, .publishing].contains(after.platforms[i].status) else { continue }
            change(&after.platforms[i])
            touched = true
        }
        guard touched else { throw CoreError.conflict("nothing to move: the post is already published there") }
        let now = clock()
        after.updatedAt = now
        let encoder = DocumentEncoder()
        let platforms = try encoder.encodeValue(after.platforms)
        guard try store.findOneAndUpdate(Content.collection.rawValue,
                                         .id(id) && .compare("platforms", .eq, try encoder.encodeValue(before.platforms)),
                                         sort: [], Update.set("platforms", platforms).set("updatedAt", now), returnUpdated: true) != nil else {
            throw CoreError.conflict("post \(id.hex) changed a moment ago; look again")
        }
        try audit.record(.init(action: action, targetType: .content, targetId: id, organizationId: before.organizationId,
                               before: Document([.init("platforms", try encoder.encodeValue(before.platforms))]),
                               after: Document([.init("platforms", platforms)])), by: identity)
        return after
    }
}
