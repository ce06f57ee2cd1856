/// RFC 4180 CSV, read a record at a time from a stream: commas, double-quoted fields
/// with `""` escapes and line breaks inside quotes. Each record keeps the line number
/// it starts on, for error messages. A record over `limit` bytes is read past, not kept.
struct CSVReader<Source: ByteSource> {
    enum Item: Equatable {
        case record(line: Int, fields: [String])
        /// A record that cannot be used, with the reason.
        case bad(line: Int, message: String)
    }

    private var reader: StreamReader<Source>
    private let limit: Int
    private var line = 1

    init(_ source: Source, limit: Int) {
        reader = StreamReader(source)
        self.limit = limit
    }

    /// The next record, skipping blank lines; nil at the end.
    mutating func next() throws -> Item? {
        while true {
            let recordLine = line
            guard let (fields, size) = try nextFields() else { return nil }
            if fields.count == 1 && fields[0]?.isEmpty == true { continue }
            if size > limit {
                return .bad(line: recordLine, message: "the record is \(size) bytes, over the limit of \(limit)")
            }
            let texts = fields.compactMap { $0 }
            guard texts.count == fields.count else { return .bad(line: recordLine, message: "the record is not UTF-8 text") }
            return .record(line: recordLine, fields: texts)
        }
    }

    /// One record's fields (nil where a field is not UTF-8) and its size in bytes.
    private mutating func nextFields() throws -> ([String?], Int)? {
        let startLine = line
        var fields: [String?] = []
        var field: [UInt8] = []
        var fieldLength = 0
        var size = 0
        var inQuotes = false
        var readAny = false
        func append(_ byte: UInt8) {
            size += 1
            fieldLength += 1
            if size <= limit { field.append(byte) }
        }
        func endField() {
            fields.append(String(validating: field, as: UTF8.self))
            field = []
            fieldLength = 0
        }
        while let byte = try reader.nextByte() {
            readAny = true
            if inQuotes {
                switch byte {
                case UInt8(ascii: "\""):
                    if try reader.peekByte() == UInt8(ascii: "\"") {
                        _ = try reader.nextByte()
                        append(byte)
                    } else {
                        inQuotes = false
                    }
                case 0x0A:
                    line += 1
                    append(byte)
                case 0x0D:
                    append(byte)
                    if try reader.peekByte() == 0x0A {
                        append(try reader.nextByte()!)
                        line += 1
                    }
                default:
                    append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where fieldLength == 0: inQuotes = true
            case UInt8(ascii: ","): endField()
            case 0x0A, 0x0D:
                if byte == 0x0D, try reader.peekByte() == 0x0A { _ = try reader.nextByte() }
                line += 1
                endField()
                return (fields, size)
            default: append(byte)
            }
        }
        if inQuotes { throw ExchangeError("line \(startLine): a quoted field is never closed") }
        guard readAny else { return nil }
        endField()
        return (fields, size)
    }
}
