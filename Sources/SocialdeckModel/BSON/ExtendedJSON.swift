import Foundation

/// MongoDB Extended JSON v2. Writing uses the relaxed form (`{"$oid": …}`,
/// `{"$date": "2026-01-01T00:00:00Z"}`, plain numbers, a binary's own `subType`);
/// reading accepts both relaxed and canonical forms, so files from `mongoexport`
/// load too.
public enum ExtendedJSON {
    public static func string(from doc: Document) -> String {
        var out = [UInt8]()
        out.reserveCapacity(512)
        writeDocument(doc, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func string(from value: BSONValue) -> String {
        var out = [UInt8]()
        writeValue(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func document(from text: String) throws -> Document {
        var parser = JSONParser(text: text)
        return try topLevelDocument(&parser)
    }

    /// The same from UTF-8 bytes, such as one line of a file, without copying them into a String first.
    public static func document(fromUTF8 bytes: [UInt8]) throws -> Document {
        var parser = JSONParser(bytes: bytes)
        return try topLevelDocument(&parser)
    }

    private static func topLevelDocument(_ parser: inout JSONParser) throws -> Document {
        guard case .document(let d) = try parser.parseTopLevel() else {
            throw JSONParseError(message: "expected a JSON object", offset: 0)
        }
        return d
    }

    static func writeDocument(_ doc: Document, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (i, f) in doc.fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeString(f.key, into: &out)
            out.append(UInt8(ascii: ":"))
            writeValue(f.value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func writeValue(_ value: BSONValue, into out: inout [UInt8]) {
        switch value {
        case .double(let d):
            if d.isFinite {
                if d == d.rounded() && abs(d) < 1e15 {
                    // Int64 has no -0, so the sign is written on its own.
                    out.append(contentsOf: "\(d.sign == .minus ? "-" : "")\(Int64(d.magnitude)).0".utf8)
                } else {
                    out.append(contentsOf: "\(d)".utf8)
                }
            } else {
                let s = d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity")
                out.append(contentsOf: "{\"$numberDouble\":\"\(s)\"}".utf8)
            }
        case .string(let s): writeString(s, into: &out)
        case .document(let d): writeDocument(d, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeValue(v, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .binary(let b, let subtype):
            let b64 = Data(b).base64EncodedString()
            let type = (subtype < 0x10 ? "0" : "") + String(subtype, radix: 16)
            out.append(contentsOf: "{\"$binary\":{\"base64\":\"\(b64)\",\"subType\":\"\(type)\"}}".utf8)
        case .objectId(let id): out.append(contentsOf: "{\"$oid\":\"\(id.hex)\"}".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .datetime(let ms):
            if ms >= 0 && ms < 253_402_300_800_000 {
                out.append(contentsOf: "{\"$date\":\"\(ISODate.string(fromMilliseconds: ms))\"}".utf8)
            } else {
                out.append(contentsOf: "{\"$date\":{\"$numberLong\":\"\(ms)\"}}".utf8)
            }
        case .null: out.append(contentsOf: "null".utf8)
        case .int32(let i): out.append(contentsOf: String(i).utf8)
        case .int64(let i): out.append(contentsOf: String(i).utf8)
        case .timestamp(let t): out.append(contentsOf: "{\"$timestamp\":{\"t\":\(t.seconds),\"i\":\(t.increment)}}".utf8)
        }
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let mayHide = s.utf8.contains { $0 >= 0x80 }
            && s.unicodeScalars.contains { isAlwaysEscaped($0) || InvisibleText.canBeHidden($0) }
        if mayHide {
            writeEscapingInvisible(s, into: &out)
        } else {
            for b in s.utf8 { writeByte(b, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Text holding characters a reader would not see, written with each of them (and
    /// every C1 control and line separator, which terminals act on) as a `\u` escape:
    /// the JSON means the same, and printed on a terminal it shows them instead of
    /// obeying them.
    private static func writeEscapingInvisible(_ s: String, into out: inout [UInt8]) {
        let scalars = Array(s.unicodeScalars)
        let hidden = InvisibleText.hiddenMask(scalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar.isASCII {
                writeByte(UInt8(scalar.value), into: &out)
            } else if isAlwaysEscaped(scalar) || hidden?[index] == true {
                UTF16.encode(scalar) { writeUnicodeEscape($0, into: &out) }
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
    }

    private static func isAlwaysEscaped(_ scalar: Unicode.Scalar) -> Bool {
        (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// One byte of UTF-8: ASCII escaped as JSON requires (controls as `\u00XX`), the rest as is.
    private static func writeByte(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
        case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
        case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
        case 0..<0x20, 0x7F: writeUnicodeEscape(UInt16(b), into: &out)
        default: out.append(b)
        }
    }

    private static func writeUnicodeEscape(_ unit: UInt16, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [92, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int(unit >> UInt16(shift)) & 15]) }
    }
}

/// ISO-8601 in UTC with milliseconds, written and read without Foundation's
/// formatters, which are slow and not thread-safe on every platform.
public enum ISODate {
    public static func string(fromMilliseconds ms: Int64) -> String {
        let days = floorDiv(ms, 86_400_000)
        let msOfDay = ms - days * 86_400_000
        let (y, m, d) = civil(fromDays: days)
        let h = msOfDay / 3_600_000, mi = msOfDay / 60_000 % 60, s = msOfDay / 1000 % 60, f = msOfDay % 1000
        func p(_ v: Int64, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        let frac = f == 0 ? "" : "." + p(f, 3)
        return "\(p(y, 4))-\(p(m, 2))-\(p(d, 2))T\(p(h, 2)):\(p(mi, 2)):\(p(s, 2))\(frac)Z"
    }

    public static func string(from date: Date) -> String {
        string(fromMilliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or `±HH:MM`; a missing zone means UTC.
    public static func milliseconds(from text: String) -> Int64? {
        let c = Array(text.utf8)
        func num(_ from: Int, _ len: Int) -> Int64? {
            guard from + len <= c.count else { return nil }
            var v: Int64 = 0
            for i in from..<(from + len) {
                guard c[i] >= 48 && c[i] <= 57 else { return nil }
                v = v * 10 + Int64(c[i] - 48)
            }
            return v
        }
        guard let y = num(0, 4), c.count >= 10, c[4] == 45, let mo = num(5, 2), c[7] == 45,
              let d = num(8, 2), (1...12).contains(mo), d >= 1, d <= daysInMonth(y, mo) else { return nil }
        var ms = days(fromCivil: y, mo, d) * 86_400_000
        var i = 10
        if i < c.count && (c[i] == UInt8(ascii: "T") || c[i] == UInt8(ascii: " ")) {
            guard let h = num(i + 1, 2), c.count > i + 3, c[i + 3] == 58, let mi = num(i + 4, 2),
                  h < 24, mi < 60 else { return nil }
            ms += h * 3_600_000 + mi * 60_000
            i += 6
            if i < c.count && c[i] == 58 {
                guard let s = num(i + 1, 2), s < 61 else { return nil }
                ms += s * 1000
                i += 3
                if i < c.count && c[i] == UInt8(ascii: ".") {
                    var j = i + 1, frac: Int64 = 0, digits = 0
                    while j < c.count, c[j] >= 48, c[j] <= 57 {
                        if digits < 3 { frac = frac * 10 + Int64(c[j] - 48); digits += 1 }
                        j += 1
                    }
                    guard j > i + 1 else { return nil }
                    while digits < 3 { frac *= 10; digits += 1 }
                    ms += frac
                    i = j
                }
            }
            if i < c.count {
                if c[i] == UInt8(ascii: "Z") { i += 1 } else if c[i] == 43 || c[i] == 45 {
                    let sign: Int64 = c[i] == 43 ? 1 : -1
                    guard let oh = num(i + 1, 2) else { return nil }
                    var om: Int64 = 0
                    if i + 3 < c.count && c[i + 3] == 58 {
                        guard let v = num(i + 4, 2) else { return nil }
                        om = v; i += 6
                    } else if let v = num(i + 3, 2) {
                        om = v; i += 5
                    } else { i += 3 }
                    ms -= sign * (oh * 3_600_000 + om * 60_000)
                }
            }
        }
        return i == c.count ? ms : nil
    }

    public static func date(from text: String) -> Date? {
        milliseconds(from: text).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    /// 28 to 31: February 30th or April 31st is not a date, not the next month's first days.
    private static func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
        days(fromCivil: m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - days(fromCivil: y, m, 1)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Howard Hinnant's days-from-civil algorithm.
    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }
}
