import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Batch generation: many topics in one go, or the next entries of the content calendar
/// plan, each drafted for its platform at its planned time. One run per topic, each
/// counted against the plan's AI generations; a topic that fails is reported and the
/// rest go on; the batch stops at the monthly limit.
extension ContentAgent {
    public struct Batch: Sendable {
        public var made: [Drafts] = []
        /// Topic, and why it failed.
        public var failed: [(topic: String, error: String)] = []
        public var stoppedAtLimit = false
    }

    public func batch(topics: [String], platforms: [Platform], organizationId: ObjectId, by identity: Identity) throws -> Batch {
        guard (1...50).contains(topics.count) else { throw CoreError.invalid("give 1 to 50 topics") }
        var batch = Batch()
        for topic in topics {
            guard try draftOne(topic, platforms: platforms, organizationId: organizationId, planned: nil, into: &batch, by: identity) else { break }
        }
        return batch
    }

    /// Drafts the next `count` entries of the active calendar plan that are still to come
    /// and have no draft yet. One process at a time drafts an organization's plan.
    public func draftPlanned(organizationId: ObjectId, count: Int, by identity: Identity) throws -> Batch {
        try AccessControl.authorize(identity, .createContent, organizationId: organizationId)
        guard (1...50).contains(count) else { throw CoreError.invalid("draft 1 to 50 planned posts at a time") }
        guard let plan = try ModelCollection(store, ContentCalendarPlan.self).first(
            .eq("organizationId", organizationId) && .eq("status", RecordStatus.active), sort: [.desc("createdAt"), .desc("_id")]) else {
            throw CoreError.conflict("no content calendar is planned; plan one first (agents run plan-calendar)")
        }
        let lease = StoreLease(store: store, name: "plan-drafting:\(organizationId.hex)", owner: PublishScheduler.processOwner(), duration: 600)
        guard try lease.acquire(at: clock()) else { throw CoreError.conflict("another process is drafting this plan; try again shortly") }
        defer { try? lease.release() }
        guard case .array(let entries)? = plan.calendar["entries"] else { return Batch() }
        let drafted = Set(try store.find(Content.collection.rawValue, .eq("organizationId", organizationId) && .exists("aiGenerated.planEntry", true),
                                         projection: .include(["aiGenerated.planEntry"])).compactMap { $0.value(at: "aiGenerated.planEntry")?.stringValue })
        var batch = Batch()
        let now = clock()
        for (index, value) in entries.enumerated() where batch.made.count + batch.failed.count < count {
            let key = "\(plan._id.hex):\(index)"
            guard let entry = value.documentValue, !drafted.contains(key), let at = entry["at"]?.dateValue, at > now,
                  let topic = entry["topic"]?.stringValue, let platform = entry["platform"]?.stringValue.flatMap(Platform.init(rawValue:)) else { continue }
            guard try draftOne(topic, platforms: [platform], organizationId: organizationId, planned: Planned(at: at, entry: key),
                               into: &batch, by: identity) else { break }
        }
        return batch
    }

    /// False when the monthly limit is reached and the batch must stop. Maintenance stops
    /// the whole batch rather than failing each topic.
    private func draftOne(_ topic: String, platforms: [Platform], organizationId: ObjectId, planned: Planned?, into batch: inout Batch,
                          by identity: Identity) throws -> Bool {
        try PublishingSwitch(store: store, clock: clock).ensureRunning()
        let usage = try PlanLimits(store: store).usage(organizationId, at: clock())
        if usage[.aiGenerations].isReached || usage[.posts].isReached {
            batch.stoppedAtLimit = true
            return false
        }
        do {
            batch.made.append(try draft(topic: topic, platforms: platforms, organizationId: organizationId, planned: planned, by: identity))
        } catch let error as AccessDenied {
            throw error
        } catch {
            batch.failed.append((topic, SafeText.escapingControls(String(describing: error))))
        }
        return true
    }
}
