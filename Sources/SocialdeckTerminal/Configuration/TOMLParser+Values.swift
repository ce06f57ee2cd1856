import SocialdeckModel

/// The values of ``TOMLDocument``: strings, numbers, booleans, arrays and
/// inline tables, and the clear refusals of what the subset leaves out.
extension TOMLParser {
    mutating func parseValue(depth: Int, elementPositions: inout [TOMLPosition]) throws(TOMLError) -> TOMLValue {
        guard let c = peek, !atNewline else { throw error("expected a value after '='") }
        switch c {
        case "\"":
            if peek(at: 1) == "\"" && peek(at: 2) == "\"" {
                throw error("multi-line strings (\"\"\") are not supported; use \\n in a one-line string")
            }
            return .string(try parseBasicString())
        case "'":
            if peek(at: 1) == "'" && peek(at: 2) == "'" {
                throw error("multi-line literal strings (''') are not supported")
            }
            return .string(try parseLiteralString())
        case "[": return try parseArray(depth: depth, elementPositions: &elementPositions)
        case "{": return try parseInlineTable(depth: depth)
        case "#": throw error("expected a value before the comment")
        default: return try parseBareValue()
        }
    }

    // MARK: Strings

    /// `"…"` with escapes; the opening quote is at the current position.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = position
        index += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek else { throw TOMLError(start, "unterminated string; expected a closing '\"'") }
            if atNewline { throw error("a string cannot span lines; close it with '\"' on the same line") }
            if c == "\"" { index += 1; return String(out) }
            if c == "\\" {
                out.append(try parseEscape())
                continue
            }
            if isControl(c) && c != "\t" {
                throw error("control character \(c.codeDescription) in a string; write it as an escape")
            }
            out.append(c)
            index += 1
        }
    }

    private mutating func parseEscape() throws(TOMLError) -> Unicode.Scalar {
        let start = position
        index += 1
        guard let e = peek, !atNewline else { throw TOMLError(start, "a backslash at the end of a line; multi-line strings are not supported") }
        index += 1
        switch e {
        case "b": return "\u{8}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let count = e == "u" ? 4 : 8
            var hex = ""
            for _ in 0..<count {
                guard let h = peek, h.properties.isASCIIHexDigit else {
                    throw TOMLError(start, "\\\(e) needs \(count) hexadecimal digits")
                }
                hex.unicodeScalars.append(h)
                index += 1
            }
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw TOMLError(start, "\\\(e)\(hex) is not a Unicode scalar value")
            }
            return scalar
        default:
            throw TOMLError(start, "unknown escape '\\\(e)'; the escapes are \\\" \\\\ \\b \\t \\n \\f \\r \\uXXXX \\UXXXXXXXX")
        }
    }

    /// `'…'`: no escapes.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = position
        index += 1
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peek else { throw TOMLError(start, "unterminated string; expected a closing \"'\"") }
            if atNewline { throw error("a string cannot span lines; close it with \"'\" on the same line") }
            if c == "'" { index += 1; return String(out) }
            if isControl(c) && c != "\t" {
                throw error("control character \(c.codeDescription) in a string")
            }
            out.append(c)
            index += 1
        }
    }

    // MARK: Arrays and inline tables

    private mutating func parseArray(depth: Int, elementPositions: inout [TOMLPosition]) throws(TOMLError) -> TOMLValue {
        let start = position
        guard depth < TOMLDocument.maximumDepth else {
            throw error("values nest more than \(TOMLDocument.maximumDepth) levels deep")
        }
        index += 1
        var items: [TOMLValue] = []
        while true {
            try skipBlankSpace()
            if peek == "]" { index += 1; return .array(items) }
            if atEnd { throw error("the array opened on line \(start.line) is never closed; expected ']'") }
            if peek == "," { throw error("expected a value before ','") }
            elementPositions.append(position)
            var nested: [TOMLPosition] = []
            items.append(try parseValue(depth: depth + 1, elementPositions: &nested))
            try skipBlankSpace()
            switch peek {
            case ",": index += 1
            case "]": index += 1; return .array(items)
            case nil: throw error("the array opened on line \(start.line) is never closed; expected ']'")
            case let c?: throw error("expected ',' or ']' after an array element, found '\(c)'")
            }
        }
    }

    private mutating func parseInlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        let start = position
        guard depth < TOMLDocument.maximumDepth else {
            throw error("values nest more than \(TOMLDocument.maximumDepth) levels deep")
        }
        index += 1
        let table = TOMLTableBuilder(origin: .dotted, defined: start)
        skipWhitespace()
        if peek == "}" { index += 1; return .table(table.build()) }
        while true {
            if atEnd || atNewline { throw error("an inline table must be on one line; expected '}'") }
            try parseKeyValue(into: table, context: [], depth: depth + 1)
            skipWhitespace()
            switch peek {
            case ",":
                index += 1
                skipWhitespace()
                if peek == "}" { throw error("a trailing comma is not allowed in an inline table") }
            case "}":
                index += 1
                return .table(table.build())
            case nil, "\n", "\r":
                throw error("an inline table must be on one line; expected '}'")
            case let c?:
                throw error("expected ',' or '}' in the inline table, found '\(c)'")
            }
        }
    }

    // MARK: Booleans and numbers

    private mutating func parseBareValue() throws(TOMLError) -> TOMLValue {
        let start = position
        var token = ""
        while let c = peek, !" \t\r\n,]}#".unicodeScalars.contains(c) {
            token.unicodeScalars.append(c)
            index += 1
        }
        switch token {
        case "": throw TOMLError(start, "expected a value, found '\(peek.map(String.init) ?? "")'")
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan", "-nan": return .float(.nan)
        default: break
        }
        let scalars = Array(token.unicodeScalars)
        let digit = { (i: Int) in i < scalars.count && ("0"..."9").contains(scalars[i]) }
        if token.contains(":") || (digit(0) && digit(1) && digit(2) && digit(3) && scalars.count > 4 && scalars[4] == "-") {
            throw TOMLError(start, "dates and times are not supported; write '\(token)' as a string")
        }
        guard let first = scalars.first, first == "+" || first == "-" || first == "." || digit(0) else {
            throw TOMLError(start, "expected a value; a string needs quotes, as in \"\(token)\"")
        }
        return try Self.number(token, at: start)
    }

    static func number(_ token: String, at start: TOMLPosition) throws(TOMLError) -> TOMLValue {
        let invalid = TOMLError(start, "'\(token)' is not a valid number")
        var body = Substring(token)
        var sign = ""
        if let s = body.first, s == "+" || s == "-" { sign = String(s); body = body.dropFirst() }

        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where body.hasPrefix(prefix) {
            guard sign.isEmpty else { throw TOMLError(start, "a sign is not allowed on '\(prefix)' integers") }
            let digits = body.dropFirst(2)
            guard validDigits(digits, radix: radix) else { throw invalid }
            guard let value = Int64(String(digits.filter { $0 != "_" }), radix: radix) else {
                throw TOMLError(start, "'\(token)' is out of the 64-bit integer range")
            }
            return .integer(value)
        }

        let mantissa: Substring, exponent: Substring?
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = body[..<e]
            exponent = body[body.index(after: e)...]
        } else {
            mantissa = body
            exponent = nil
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, validDigits(parts[0], radix: 10) else { throw invalid }
        if parts[0].count > 1 && parts[0].first == "0" {
            throw TOMLError(start, "leading zeros are not allowed in '\(token)'")
        }
        if parts.count == 2 && !validDigits(parts[1], radix: 10) { throw invalid }
        if var e = exponent {
            if let s = e.first, s == "+" || s == "-" { e = e.dropFirst() }
            guard validDigits(e, radix: 10) else { throw invalid }
        }
        let plain = sign + String(body.filter { $0 != "_" })
        if parts.count == 1 && exponent == nil {
            guard let value = Int64(plain) else { throw TOMLError(start, "'\(token)' is out of the 64-bit integer range") }
            return .integer(value)
        }
        guard let value = Double(plain), value.isFinite else { throw TOMLError(start, "'\(token)' is out of the float range") }
        return .float(value)
    }

    /// Digits of the radix with single underscores only between digits.
    static func validDigits(_ s: Substring, radix: Int) -> Bool {
        guard let first = s.first, let last = s.last, first != "_", last != "_", !s.contains("__") else { return false }
        return s.allSatisfy { $0 == "_" || ($0.isASCII && $0.hexDigitValue.map { $0 < radix } == true) }
    }
}
