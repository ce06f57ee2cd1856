import Foundation
import Synchronization

/// MongoDB's 12-byte identifier: a 4-byte big-endian creation time in seconds,
/// 5 bytes unique to the process, and a 3-byte counter.
public struct ObjectId: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 12 bytes, big-endian, held as two integers so comparison is byte order.
    public let high: UInt64
    public let low: UInt32

    public init(high: UInt64, low: UInt32) {
        self.high = high
        self.low = low
    }

    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 12 else { return nil }
        var h: UInt64 = 0, l: UInt32 = 0
        for (i, b) in bytes.enumerated() {
            if i < 8 { h = h << 8 | UInt64(b) } else { l = l << 8 | UInt32(b) }
        }
        self.init(high: h, low: l)
    }

    public init?(hex: String) {
        guard hex.utf8.count == 24, let bytes = Hex.bytes(hex.utf8) else { return nil }
        self.init(bytes: bytes)
    }

    /// A new identifier for `date`, unique within this process.
    public init(date: Date = Date()) {
        let seconds = UInt32(truncatingIfNeeded: Int64(date.timeIntervalSince1970))
        let count = ObjectIdSource.counter.add(1, ordering: .relaxed).newValue & 0xFF_FFFF
        self.init(timestamp: seconds, unique: ObjectIdSource.processUnique, counter: count)
    }

    /// Builds an identifier from its parts; deterministic generators (the demo seed) use it.
    public init(timestamp: UInt32, unique: UInt64, counter: UInt32) {
        let u = unique & 0xFF_FFFF_FFFF
        high = UInt64(timestamp) << 32 | (u >> 8)
        low = UInt32(truncatingIfNeeded: u & 0xFF) << 24 | (counter & 0xFF_FFFF)
    }

    public var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 12)
        for i in 0..<8 { out[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i))) }
        for i in 0..<4 { out[8 + i] = UInt8(truncatingIfNeeded: low >> (24 - 8 * UInt32(i))) }
        return out
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(24)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var timestamp: Date { Date(timeIntervalSince1970: TimeInterval(high >> 32)) }

    public var description: String { hex }

    public static func < (a: ObjectId, b: ObjectId) -> Bool {
        (a.high, a.low) < (b.high, b.low)
    }
}

private enum ObjectIdSource {
    static let counter = Atomic<UInt32>(UInt32.random(in: 0...0xFF_FFFF))
    static let processUnique = UInt64.random(in: 0...0xFF_FFFF_FFFF)
}

extension ObjectId: Codable {
    /// Outside the document coders (which keep the native type) an ObjectId is its hex string.
    public init(from decoder: any Decoder) throws {
        let hex = try decoder.singleValueContainer().decode(String.self)
        guard let id = ObjectId(hex: hex) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ObjectId: \(hex)"))
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(hex)
    }
}
