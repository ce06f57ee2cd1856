import Foundation

/// Work that comes round again (`recurring_schedules`): a post that goes out every N
/// days or in weekly slots, or one of the agents' workflows (daily analytics, weekly
/// strategy optimisation).
///
/// No process sleeps until the next run. Each publisher pass makes the runs that are due
/// and moves `nextRunAt` on with a compare-and-set; what a run makes has an `_id`
/// derived from the schedule and the run's time, so a process that dies between the two
/// steps, or two processes racing, can never make one run twice.
public struct RecurringSchedule: StoredModel, Equatable {
    public static let collection = CollectionName.recurringSchedules

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    public var kind = Kind.post
    /// A person's name for it, shown in lists.
    public var name = ""
    public var rule = RecurrenceRule()
    /// What each run of a post schedule publishes; nil for workflows.
    public var post: PostTemplate?
    /// The workflow each run starts (`analytics`, `strategy-optimisation`); nil for posts.
    public var workflow: String?
    /// The first run not yet made.
    public var nextRunAt = Date(timeIntervalSince1970: 0)
    public var lastRunAt: Date?
    public var runs = 0
    /// Runs passed over because they were already too late when a process came to them.
    public var skipped = 0
    public var active = true
    public var createdBy: ObjectId?
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var updatedAt = Date(timeIntervalSince1970: 0)

    public init() {}

    public enum Kind: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case post, workflow
        /// The organization's data retention, applied (not an agents' workflow).
        case retention
    }

    /// A post as each run makes it: the text, per-platform wording and media, and the
    /// approval the series was given (a run of an approved series is approved).
    public struct PostTemplate: Codable, Sendable, Equatable {
        public var title = ""
        public var body = Content.Body()
        public var platforms: [Platform] = []
        /// Wording for one platform that differs from `body.text`, by platform name.
        public var variants: [String: String] = [:]
        public var authorId = ObjectId(high: 0, low: 0)
        public var approvedBy: ObjectId?

        public init() {}
    }

    /// The id of what the run at `runAt` makes, the same in every process.
    public static func runId(scheduleId: ObjectId, runAt: Date) -> ObjectId {
        .derived(at: runAt) { digest in
            digest.add(bigEndian: scheduleId.high)
            digest.add(bigEndian: scheduleId.low)
            digest.add("recurring".utf8)
            digest.add(littleEndian: Int64((runAt.timeIntervalSince1970 * 1000).rounded()))
        }
    }

    /// The id of an organization's standard workflow schedule, so that seeding it twice,
    /// from any process, collides on the key.
    public static func standardId(organizationId: ObjectId, workflow: String) -> ObjectId {
        .derived(at: Date(timeIntervalSince1970: 0)) { digest in
            digest.add(bigEndian: organizationId.high)
            digest.add(bigEndian: organizationId.low)
            digest.add(workflow.utf8)
        }
    }
}
