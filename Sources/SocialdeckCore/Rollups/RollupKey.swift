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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array((organizationId?.hex ?? "platform").utf8) + Array("content-rollup".utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return ObjectId(timestamp: UInt32(clamping: day * 86_400), unique: hash >> 24, counter: UInt32(truncatingIfNeeded: hash))
    }

    public static func < (a: RollupKey, b: RollupKey) -> Bool {
        (a.day, a.organizationId?.hex ?? "") < (b.day, b.organizationId?.hex ?? "")
    }
}
