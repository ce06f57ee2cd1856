/// BSON's binary form (bsonspec.org), written and read in Swift so that both
/// backends share one representation: MongoDB receives these bytes as they are,
/// and SQLite stores them in a BLOB column.
public enum BSONError: Error, Equatable, CustomStringConvertible {
    /// The value at this offset runs past the end of the data or of its document.
    case truncated(offset: Int)
    /// A length prefix that cannot be right: below its minimum, negative, or not the
    /// length of what follows it.
    case invalidLength(Int, offset: Int)
    /// A document or string is not closed by a 0x00 byte where its length says it ends.
    case missingTerminator(offset: Int)
    case invalidBoolean(UInt8, offset: Int)
    case unsupportedType(UInt8, key: String)
    case invalidString(offset: Int)

    public var description: String {
        switch self {
        case .truncated(let o): return "BSON data ends early: the value at byte \(o) runs past its end"
        case .invalidLength(let n, let o): return "BSON length \(n) at byte \(o) does not match the data"
        case .missingTerminator(let o): return "BSON data lacks its 0x00 terminator at byte \(o)"
        case .invalidBoolean(let b, let o): return "BSON boolean at byte \(o) is \(b); only 0 and 1 are valid"
        case .unsupportedType(let t, let k): return "BSON type 0x\(String(t, radix: 16)) in field '\(k)' is not supported"
        case .invalidString(let o): return "BSON string at byte \(o) is not valid UTF-8"
        }
    }
}

extension Document {
    public func bsonBytes() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(1024)
        BSONWriter.write(self, into: &out)
        return out
    }

    public init(bson bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try Document(bson: $0) }
    }

    /// Decodes exactly one document filling `buffer`; malformed BSON (as the BSON
    /// specification and its corpus define it) throws a `BSONError`.
    public init(bson buffer: UnsafeRawBufferPointer) throws {
        var reader = BSONReader(buffer: buffer)
        self = try reader.readTopLevel()
    }
}

enum BSONWriter {
    static func write(_ doc: Document, into out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: [0, 0, 0, 0])
        for field in doc.fields { writeElement(field.key, field.value, into: &out) }
        out.append(0)
        patchLength(at: start, into: &out)
    }

    static func writeArray(_ array: [BSONValue], into out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: [0, 0, 0, 0])
        for (i, v) in array.enumerated() {
            out.append(v.typeCode)
            if i < indexKeys.count { out.append(contentsOf: indexKeys[i]) } else { writeCString(String(i), into: &out) }
            writeValue(v, into: &out)
        }
        out.append(0)
        patchLength(at: start, into: &out)
    }

    /// Array keys "0", "1", … as NUL-terminated bytes, so arrays need no string formatting.
    private static let indexKeys: [[UInt8]] = (0..<256).map { Array(String($0).utf8) + [0] }

    private static func patchLength(at start: Int, into out: inout [UInt8]) {
        let len = UInt32(out.count - start)
        out[start] = UInt8(truncatingIfNeeded: len)
        out[start + 1] = UInt8(truncatingIfNeeded: len >> 8)
        out[start + 2] = UInt8(truncatingIfNeeded: len >> 16)
        out[start + 3] = UInt8(truncatingIfNeeded: len >> 24)
    }

    private static func writeElement(_ key: String, _ value: BSONValue, into out: inout [UInt8]) {
        out.append(value.typeCode)
        writeCString(key, into: &out)
        writeValue(value, into: &out)
    }

    private static func writeValue(_ value: BSONValue, into out: inout [UInt8]) {
        switch value {
        case .double(let d): writeLE(d.bitPattern, into: &out)
        case .string(let s):
            var s = s
            s.withUTF8 { utf8 in
                writeLE(UInt32(utf8.count + 1), into: &out)
                out.append(contentsOf: utf8)
            }
            out.append(0)
        case .document(let d): write(d, into: &out)
        case .array(let a): writeArray(a, into: &out)
        case .binary(let b, let subtype):
            writeLE(UInt32(b.count + (subtype == 2 ? 4 : 0)), into: &out)
            out.append(subtype)
            if subtype == 2 { writeLE(UInt32(b.count), into: &out) }
            out.append(contentsOf: b)
        case .objectId(let id):
            writeBE(id.high, into: &out)
            writeBE(id.low, into: &out)
        case .bool(let b): out.append(b ? 1 : 0)
        case .datetime(let ms): writeLE(UInt64(bitPattern: ms), into: &out)
        case .null: break
        case .int32(let i): writeLE(UInt32(bitPattern: i), into: &out)
        case .int64(let i): writeLE(UInt64(bitPattern: i), into: &out)
        case .timestamp(let t): writeLE(t.bitPattern, into: &out)
        }
    }

    /// Keys are C strings in BSON; a NUL inside a key would end it early, so it is dropped.
    private static func writeCString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            if utf8.contains(0) {
                for b in utf8 where b != 0 { out.append(b) }
            } else {
                out.append(contentsOf: utf8)
            }
        }
        out.append(0)
    }

    private static func writeLE<T: FixedWidthInteger>(_ v: T, into out: inout [UInt8]) {
        var v = v.littleEndian
        withUnsafeBytes(of: &v) { out.append(contentsOf: $0) }
    }

    private static func writeBE<T: FixedWidthInteger>(_ v: T, into out: inout [UInt8]) {
        var v = v.bigEndian
        withUnsafeBytes(of: &v) { out.append(contentsOf: $0) }
    }
}
