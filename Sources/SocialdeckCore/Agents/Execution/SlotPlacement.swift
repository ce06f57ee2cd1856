import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The execution agent's task: approved posts that have no time yet go into the best free
/// slots of the organization's posting schedule over the next two weeks, through the
/// calendar's own permission-checked, audited move, so the publisher takes them from
/// there. A slot is free for a platform when nothing of the organization goes out there in
/// that hour, and the day has not reached the platform's frequency.
public struct SlotPlacement: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date
    /// Posts a day per platform, at most: what the schedulers people compare us with suggest.
    public static let perDay: [Platform: Int] = [.twitter: 3, .facebook: 2, .linkedin: 1, .instagram: 1, .tiktok: 1]
    static let horizon = 14

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// Where each entry went.
    public struct Placed: Sendable, Equatable {
        public var postId: ObjectId
        public var platform: Platform
        public var at: Date
    }

    public func place(for organizationId: ObjectId, timeZone: TimeZone, by identity: Identity) throws -> [Placed] {
        try AccessControl.authorize(identity, .scheduleContent, organizationId: organizationId)
        let (slots, zone) = try schedule(organizationId, timeZone: timeZone, by: identity)
        guard !slots.isEmpty else { return [] }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let now = clock()
        let end = now.addingTimeInterval(Double(Self.horizon) * 86_400)

        // What already goes out: per platform, the hours taken and the count per local day.
        var hours = Set<String>(), days: [String: Int] = [:]
        func key(_ p: Platform, _ d: Date, hourly: Bool) -> String {
            let c = calendar.dateComponents([.year, .month, .day, .hour], from: d)
            return "\(p.rawValue) \(c.year!)-\(c.month!)-\(c.day!)" + (hourly ? " \(c.hour!)" : "")
        }
        let planned = try store.find(Content.collection.rawValue, .eq("organizationId", organizationId)
                                         && .elemMatch("platforms", .gte("scheduledAt", now) && .lte("scheduledAt", end)),
                                     projection: .include(["platforms"]))
        for doc in planned {
            guard case .array(let entries)? = doc["platforms"] else { continue }
            for case .document(let e) in entries {
                guard let p = e["platform"]?.stringValue.flatMap(Platform.init(rawValue:)), let at = e["scheduledAt"]?.dateValue else { continue }
                hours.insert(key(p, at, hourly: true))
                days[key(p, at, hourly: false), default: 0] += 1
            }
        }
        // Candidate times, best slot first, soonest first within a slot.
        var candidates: [Date] = []
        for slot in slots {
            for offset in 0...Self.horizon {
                guard let day = calendar.date(byAdding: .day, value: offset, to: calendar.startOfDay(for: now)),
                      calendar.isoWeekday(of: day) == slot.weekday,
                      let at = calendar.date(bySettingHour: slot.hour, minute: 0, second: 0, of: day), at > now.addingTimeInterval(300), at <= end
                else { continue }
                candidates.append(at)
            }
        }
        // The newest approved posts, oldest of them first; an entry without a time is not
        // in the platforms index on SQLite, so the filter on it is applied here.
        let waiting = try ModelCollection(store, Content.self).find(
            .eq("organizationId", organizationId) && .eq("approval.status", ApprovalStatus.approved),
            sort: [.desc("createdAt"), .desc("_id")], limit: 1_000)
            .filter { $0.platforms.contains { $0.scheduledAt == nil && $0.status == .draft } }.reversed()
        let workflow = ContentWorkflow(store: store, clock: clock)
        var placed: [Placed] = []
        for post in waiting {
            for entry in post.platforms where entry.scheduledAt == nil && entry.status == .draft {
                let cap = Self.perDay[entry.platform] ?? 1
                guard let at = candidates.first(where: { !hours.contains(key(entry.platform, $0, hourly: true))
                    && days[key(entry.platform, $0, hourly: false), default: 0] < cap }) else { continue }
                _ = try workflow.reschedule(post._id, to: at, platform: entry.platform, by: identity)
                hours.insert(key(entry.platform, at, hourly: true))
                days[key(entry.platform, at, hourly: false), default: 0] += 1
                placed.append(Placed(postId: post._id, platform: entry.platform, at: at))
            }
        }
        return placed
    }

    /// The active posting schedule's slots in its own zone, or today's best times in
    /// `timeZone` when none is kept.
    private func schedule(_ organizationId: ObjectId, timeZone: TimeZone, by identity: Identity) throws -> ([(weekday: Int, hour: Int)], TimeZone) {
        if let kept = try ModelCollection(store, Strategy.self).first(
            .eq("organizationId", organizationId) && .eq("type", "posting_schedule") && .eq("status", RecordStatus.active),
            sort: [.desc("createdAt")]), case .array(let slots)? = kept.strategy["slots"],
           let zone = kept.strategy["timezone"]?.stringValue.flatMap(TimeZone.init(identifier:)) {
            let read = slots.compactMap { $0.documentValue }.compactMap { s -> (Int, Int)? in
                guard let w = s["weekday"]?.int64Value, let h = s["hour"]?.int64Value else { return nil }
                return (Int(w), Int(h))
            }
            if !read.isEmpty { return (read, zone) }
        }
        let best = try PostingTimes(store: store, clock: clock).best(for: organizationId, timeZone: timeZone, top: 8, by: identity)
        return (best.slots.map { ($0.weekday, $0.hour) }, timeZone)
    }
}
