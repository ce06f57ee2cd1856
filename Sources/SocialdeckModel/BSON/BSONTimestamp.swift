/// BSON's timestamp (type 0x11): seconds since the epoch and an ordinal within that
/// second. MongoDB uses it internally (`operationTime`, `$clusterTime` in replies);
/// documents hold dates as `.datetime`. Stored as one little-endian 64-bit integer
/// whose high half is the seconds.
public struct BSONTimestamp: Sendable, Hashable, Comparable {
    public var seconds: UInt32
    public var increment: UInt32

    public init(seconds: UInt32, increment: UInt32) {
        self.seconds = seconds
        self.increment = increment
    }

    public init(bitPattern: UInt64) {
        self.init(seconds: UInt32(truncatingIfNeeded: bitPattern >> 32), increment: UInt32(truncatingIfNeeded: bitPattern))
    }

    public var bitPattern: UInt64 { UInt64(seconds) << 32 | UInt64(increment) }

    public static func < (a: BSONTimestamp, b: BSONTimestamp) -> Bool { a.bitPattern < b.bitPattern }
}
