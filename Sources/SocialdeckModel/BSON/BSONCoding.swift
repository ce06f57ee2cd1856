/// BSON's binary form (bsonspec.org), written and read in Swift so that both
/// backends share one representation: MongoDB receives these bytes as they are,
/// and SQLite stores them in a BLOB column.
public enum BSONError: Error, Equatable, CustomStringConvertible {
    case truncated(offset: Int)
    case unsupportedType(UInt8, key: String)
    case invalidString(offset: Int)

    public var description: String {
        switch self {
        case .truncated(let o): return "BSON data ends early at byte \(o)"
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

    public init(bson buffer: UnsafeRawBufferPointer) throws {
        var reader = BSONReader(buffer: buffer)
        self = try reader.readDocument()
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
        case .binary(let b):
            writeLE(UInt32(b.count), into: &out)
            out.append(0)
            out.append(contentsOf: b)
        case .objectId(let id):
            writeBE(id.high, into: &out)
            writeBE(id.low, into: &out)
        case .bool(let b): out.append(b ? 1 : 0)
        case .datetime(let ms): writeLE(UInt64(bitPattern: ms), into: &out)
        case .null: break
        case .int32(let i): writeLE(UInt32(bitPattern: i), into: &out)
        case .int64(let i): writeLE(UInt64(bitPattern: i), into: &out)
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

struct BSONReader {
    let buffer: UnsafeRawBufferPointer
    var offset = 0

    init(buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    mutating func readDocument() throws -> Document {
        let (start, end) = try readFrame()
        var fields = [Document.Field]()
        while offset < end - 1 {
            let type = try readByte()
            let key = try readCString()
            fields.append(Document.Field(key, try readValue(type: type, key: key)))
        }
        offset = end
        _ = start
        return Document(fields)
    }

    mutating func readArray() throws -> [BSONValue] {
        let (_, end) = try readFrame()
        var values = [BSONValue]()
        while offset < end - 1 {
            let type = try readByte()
            let key = try readCString()
            values.append(try readValue(type: type, key: key))
        }
        offset = end
        return values
    }

    private mutating func readFrame() throws -> (Int, Int) {
        let start = offset
        let len = Int(try readLE(UInt32.self))
        guard len >= 5, start + len <= buffer.count else { throw BSONError.truncated(offset: start) }
        return (start, start + len)
    }

    private mutating func readValue(type: UInt8, key: String) throws -> BSONValue {
        switch type {
        case 0x01: return .double(Double(bitPattern: try readLE(UInt64.self)))
        case 0x02:
            let len = Int(try readLE(UInt32.self))
            guard len >= 1, offset + len <= buffer.count else { throw BSONError.truncated(offset: offset) }
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + len - 1)])
            guard let s = Self.string(bytes) else { throw BSONError.invalidString(offset: offset) }
            offset += len
            return .string(s)
        case 0x03: return .document(try readDocument())
        case 0x04: return .array(try readArray())
        case 0x05:
            let len = Int(try readLE(UInt32.self))
            _ = try readByte()
            guard offset + len <= buffer.count else { throw BSONError.truncated(offset: offset) }
            let bytes = Array(buffer[offset..<(offset + len)])
            offset += len
            return .binary(bytes)
        case 0x07:
            let high = try readBE(UInt64.self)
            let low = try readBE(UInt32.self)
            return .objectId(ObjectId(high: high, low: low))
        case 0x08: return .bool(try readByte() != 0)
        case 0x09: return .datetime(Int64(bitPattern: try readLE(UInt64.self)))
        case 0x0A, 0x06: return .null
        case 0x10: return .int32(Int32(bitPattern: try readLE(UInt32.self)))
        case 0x11: return .int64(Int64(bitPattern: try readLE(UInt64.self)))
        case 0x12: return .int64(Int64(bitPattern: try readLE(UInt64.self)))
        default: throw BSONError.unsupportedType(type, key: key)
        }
    }

    /// Nil for invalid UTF-8. ASCII, most keys and values, skips the general
    /// validator, which costs more than the rest of decoding together.
    private static func string(_ bytes: UnsafeRawBufferPointer) -> String? {
        let utf8 = bytes.bindMemory(to: UInt8.self)
        if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
        return String(validating: utf8, as: UTF8.self)
    }

    private mutating func readByte() throws -> UInt8 {
        guard offset < buffer.count else { throw BSONError.truncated(offset: offset) }
        defer { offset += 1 }
        return buffer[offset]
    }

    private mutating func readCString() throws -> String {
        var end = offset
        while end < buffer.count && buffer[end] != 0 { end += 1 }
        guard end < buffer.count else { throw BSONError.truncated(offset: offset) }
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<end])
        guard let s = Self.string(bytes) else { throw BSONError.invalidString(offset: offset) }
        offset = end + 1
        return s
    }

    private mutating func readLE<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= buffer.count else { throw BSONError.truncated(offset: offset) }
        defer { offset += size }
        return T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    private mutating func readBE<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= buffer.count else { throw BSONError.truncated(offset: offset) }
        defer { offset += size }
        return T(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
