import Foundation
import SocialdeckModel

/// One daily rollup: an organization's UTC day, or the whole platform's.
public struct RollupKey: Sendable, Hashable, Comparable {
    /// Nil for the platform-wide rollup, the sum of every organization's.
    public let organizationId: ObjectId?
    /// Days since 1970-01-01 UTC.
    public let day: Int64

    public init(organizationId: ObjectId?, day: Int64) {
        self.organizationId = organizationId
        self.day = day
    }

    public static func day(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(day) * 86_400) }

    /// The same day for the whole platform.
    public var platformWide: RollupKey { RollupKey(organizationId: nil, day: day) }

    /// The rollup's `_id`, derived from the key so that any process finds or creates it
    /// by `_id` alone: the day's midnight as the id's timestamp (rollups sort by day),
    /// then eight bytes of a digest of the organization (or "platform").
    public var documentId: ObjectId {
        var digest = FNV1a()
        digest.add((organizationId?.hex ?? "platform").utf8)
        digest.add("content-rollup".utf8)
        let hash = digest.value
        return ObjectId(timestamp: UInt32(clamping: day * 86_400), unique: hash >> 24, counter: UInt32(truncatingIfNeeded: hash))
    }

    public static func < (a: RollupKey, b: RollupKey) -> Bool {
        (a.day, a.organizationId?.hex ?? "") < (b.day, b.organizationId?.hex ?? "")
    }
}
