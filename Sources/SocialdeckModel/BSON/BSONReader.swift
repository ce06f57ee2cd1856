/// Reads BSON as strictly as the BSON specification and MongoDB's BSON corpus ask:
/// every length is checked against the document holding it, documents and strings
/// must end in 0x00 exactly where their length says, booleans are 0 or 1, strings and
/// keys are UTF-8, and the top-level document fills the data exactly. Anything else
/// throws a `BSONError` naming the byte, rather than decoding to something else.
struct BSONReader {
    let buffer: UnsafeRawBufferPointer
    var offset = 0
    /// Where the innermost document being read has its terminating 0x00 (the end of the
    /// data at the top level): no element's bytes may reach it.
    private var limit: Int

    init(buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        limit = buffer.count
    }

    mutating func readTopLevel() throws -> Document {
        let length = Int(Int32(bitPattern: try readLE(UInt32.self)))
        offset = 0
        if length > buffer.count { throw BSONError.truncated(offset: 0) }
        if length >= 5 && length < buffer.count { throw BSONError.invalidLength(length, offset: 0) }
        return try readDocument()
    }

    mutating func readDocument() throws -> Document {
        var fields = [Document.Field]()
        try readElements { key, value in fields.append(Document.Field(key, value)) }
        return Document(fields)
    }

    /// An array's keys should be "0", "1", …; like other drivers, the reader takes the
    /// elements in order whatever their keys say, and the writer writes them right.
    mutating func readArray() throws -> [BSONValue] {
        var values = [BSONValue]()
        try readElements { _, value in values.append(value) }
        return values
    }

    private mutating func readElements(_ element: (String, BSONValue) -> Void) throws {
        let start = offset
        let length = Int(Int32(bitPattern: try readLE(UInt32.self)))
        guard length >= 5 else { throw BSONError.invalidLength(length, offset: start) }
        guard start + length <= limit else { throw BSONError.truncated(offset: start) }
        let terminator = start + length - 1
        let outer = limit
        limit = terminator
        while offset < terminator {
            let type = try readByte()
            // A 0x00 type byte ends a document: here it comes before the stated length.
            if type == 0 { throw BSONError.invalidLength(length, offset: start) }
            let key = try readCString()
            element(key, try readValue(type: type, key: key))
        }
        guard buffer[terminator] == 0 else { throw BSONError.missingTerminator(offset: terminator) }
        limit = outer
        offset = terminator + 1
    }

    private mutating func readValue(type: UInt8, key: String) throws -> BSONValue {
        switch type {
        case 0x01: return .double(Double(bitPattern: try readLE(UInt64.self)))
        case 0x02: return .string(try readString())
        case 0x03: return .document(try readDocument())
        case 0x04: return .array(try readArray())
        case 0x05: return try readBinary()
        // Undefined is deprecated; the specification lets decoders read it as null.
        case 0x06: return .null
        case 0x07:
            let high = try readBE(UInt64.self)
            let low = try readBE(UInt32.self)
            return .objectId(ObjectId(high: high, low: low))
        case 0x08:
            let at = offset
            let byte = try readByte()
            guard byte <= 1 else { throw BSONError.invalidBoolean(byte, offset: at) }
            return .bool(byte == 1)
        case 0x09: return .datetime(Int64(bitPattern: try readLE(UInt64.self)))
        case 0x0A: return .null
        case 0x10: return .int32(Int32(bitPattern: try readLE(UInt32.self)))
        case 0x11: return .timestamp(BSONTimestamp(bitPattern: try readLE(UInt64.self)))
        case 0x12: return .int64(Int64(bitPattern: try readLE(UInt64.self)))
        default: throw BSONError.unsupportedType(type, key: key)
        }
    }

    private mutating func readString() throws -> String {
        let at = offset
        let length = Int(Int32(bitPattern: try readLE(UInt32.self)))
        guard length >= 1 else { throw BSONError.invalidLength(length, offset: at) }
        guard offset + length <= limit else { throw BSONError.truncated(offset: at) }
        let end = offset + length - 1
        guard buffer[end] == 0 else { throw BSONError.missingTerminator(offset: end) }
        guard let s = Self.string(UnsafeRawBufferPointer(rebasing: buffer[offset..<end])) else {
            throw BSONError.invalidString(offset: offset)
        }
        offset += length
        return s
    }

    private mutating func readBinary() throws -> BSONValue {
        let at = offset
        var length = Int(Int32(bitPattern: try readLE(UInt32.self)))
        guard length >= 0 else { throw BSONError.invalidLength(length, offset: at) }
        let subtype = try readByte()
        guard offset + length <= limit else { throw BSONError.truncated(offset: at) }
        if subtype == 2 {
            // The deprecated "old binary" subtype repeats the length of the bytes after it.
            let innerAt = offset
            guard length >= 4 else { throw BSONError.invalidLength(length, offset: at) }
            let inner = Int(Int32(bitPattern: try readLE(UInt32.self)))
            guard inner == length - 4 else { throw BSONError.invalidLength(inner, offset: innerAt) }
            length = inner
        }
        let bytes = Array(buffer[offset..<(offset + length)])
        offset += length
        return .binary(bytes, subtype: subtype)
    }

    /// Nil for invalid UTF-8. ASCII, most keys and values, skips the general
    /// validator, which costs more than the rest of decoding together.
    private static func string(_ bytes: UnsafeRawBufferPointer) -> String? {
        let utf8 = bytes.bindMemory(to: UInt8.self)
        if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
        return String(validating: utf8, as: UTF8.self)
    }

    private mutating func readByte() throws -> UInt8 {
        guard offset < limit else { throw BSONError.truncated(offset: offset) }
        defer { offset += 1 }
        return buffer[offset]
    }

    private mutating func readCString() throws -> String {
        var end = offset
        while end < limit && buffer[end] != 0 { end += 1 }
        guard end < limit else { throw BSONError.truncated(offset: offset) }
        guard let s = Self.string(UnsafeRawBufferPointer(rebasing: buffer[offset..<end])) else {
            throw BSONError.invalidString(offset: offset)
        }
        offset = end + 1
        return s
    }

    private mutating func readLE<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= limit else { throw BSONError.truncated(offset: offset) }
        defer { offset += size }
        return T(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    private mutating func readBE<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= limit else { throw BSONError.truncated(offset: offset) }
        defer { offset += size }
        return T(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
