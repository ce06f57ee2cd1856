import Foundation

/// 64-bit FNV-1a: the digest behind ids derived from their content, so that every
/// process computes the same `_id` for the same thing (a daily rollup, a publish job).
/// Not for secrets.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    }

    /// The integer's bytes, least significant first.
    public mutating func add<T: FixedWidthInteger>(littleEndian integer: T) {
        withUnsafeBytes(of: integer.littleEndian) { add($0) }
    }

    /// The integer's bytes, most significant first.
    public mutating func add<T: FixedWidthInteger>(bigEndian integer: T) {
        withUnsafeBytes(of: integer.bigEndian) { add($0) }
    }
}

extension ObjectId {
    /// An id every process derives alike for one thing at one time: `time`'s second (so
    /// such ids sort like ObjectIds), then 64 bits of FNV-1a over what `hashing` adds.
    public static func derived(at time: Date, _ hashing: (inout FNV1a) -> Void) -> ObjectId {
        var digest = FNV1a()
        hashing(&digest)
        let hash = digest.value
        let seconds = UInt32(clamping: max(0, Int64(time.timeIntervalSince1970)))
        return ObjectId(high: UInt64(seconds) << 32 | hash >> 32, low: UInt32(truncatingIfNeeded: hash))
    }
}
