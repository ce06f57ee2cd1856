import SocialdeckModel

/// The document structure of ``TOMLDocument``: lines, comments, keys, table
/// headers, and where each key/value pair goes. Values are in
/// `TOMLParser+Values.swift`.
struct TOMLParser {
    struct KeyPart {
        var name: String
        var position: TOMLPosition
    }

    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var lineStart = 0
    /// The key path of the current `[table]`, for messages.
    var tablePath: [KeyPart] = []

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        if scalars.first == "\u{FEFF}" { index = 1; lineStart = 1 }
    }

    // MARK: Reading characters

    var atEnd: Bool { index >= scalars.count }
    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    var position: TOMLPosition { TOMLPosition(line: line, column: index - lineStart + 1) }

    func peek(at offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    func error(_ message: String) -> TOMLError { TOMLError(position, message) }

    mutating func skipWhitespace() {
        while let c = peek, c == " " || c == "\t" { index += 1 }
    }

    var atNewline: Bool { peek == "\n" || peek == "\r" }

    /// Consumes LF or CRLF; a carriage return on its own is an error.
    mutating func consumeNewline() throws(TOMLError) {
        if peek == "\r" {
            guard peek(at: 1) == "\n" else { throw error("a carriage return must be followed by a line feed") }
            index += 1
        }
        index += 1
        line += 1
        lineStart = index
    }

    mutating func skipComment() throws(TOMLError) {
        while let c = peek, c != "\n", c != "\r" {
            if isControl(c) && c != "\t" { throw error("control character \(c.codeDescription) in a comment") }
            index += 1
        }
    }

    /// Whitespace, comments and newlines, as allowed between the elements of a multi-line array.
    mutating func skipBlankSpace() throws(TOMLError) {
        while true {
            skipWhitespace()
            if peek == "#" { try skipComment() }
            if atNewline { try consumeNewline() } else { return }
        }
    }

    /// After a key/value pair or header: optional whitespace and comment, then a newline or the end.
    mutating func expectLineEnd(after what: String) throws(TOMLError) {
        skipWhitespace()
        if peek == "#" { try skipComment() }
        if atEnd { return }
        guard atNewline else { throw error("expected the end of the line after \(what), found '\(peek!)'") }
        try consumeNewline()
    }

    func isControl(_ c: Unicode.Scalar) -> Bool { c.value < 0x20 || c.value == 0x7F }

    // MARK: The document

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        let root = TOMLTableBuilder(origin: .root, defined: TOMLPosition(line: 1, column: 1))
        var current = root
        while !atEnd {
            skipWhitespace()
            guard let c = peek else { break }
            switch c {
            case "#": try skipComment()
            case "\n", "\r": try consumeNewline()
            case "[":
                (current, tablePath) = try parseHeader(root: root)
                try expectLineEnd(after: "the table header")
            default:
                try parseKeyValue(into: current, context: tablePath, depth: 0)
                try expectLineEnd(after: "the value")
            }
        }
        return root.build()
    }

    /// `[a.b.c]`: finds or creates the table and returns it as the current one.
    mutating func parseHeader(root: TOMLTableBuilder) throws(TOMLError) -> (TOMLTableBuilder, [KeyPart]) {
        let start = position
        index += 1
        if peek == "[" { throw TOMLError(start, "arrays of tables ('[[...]]') are not supported") }
        skipWhitespace()
        let path = try parseKey()
        skipWhitespace()
        guard peek == "]" else { throw error("expected ']' to close the table header") }
        index += 1
        var table = root
        for (n, part) in path.enumerated() {
            let isLast = n == path.count - 1
            let name = Self.display(path[...n])
            switch table[part.name] {
            case nil:
                let child = TOMLTableBuilder(origin: isLast ? .header : .implicit, defined: start)
                table.set(part.name, .table(child, key: part.position))
                table = child
            case .value(let value, let key, _, _):
                throw Self.notATable(name, value, key, at: part.position)
            case .table(let child, _):
                switch child.origin {
                case .header where isLast:
                    throw TOMLError(start, "table [\(name)] is defined twice (first on line \(child.defined.line))")
                case .dotted where isLast:
                    throw TOMLError(start, "table [\(name)] was already defined by dotted keys on line \(child.defined.line)")
                case .implicit where isLast:
                    child.origin = .header
                    child.defined = start
                default:
                    break
                }
                table = child
            }
        }
        return (table, path)
    }

    /// `key = value`, where the key may be dotted; used for documents and inline tables.
    /// `context` is the path of `table`, for messages.
    mutating func parseKeyValue(into table: TOMLTableBuilder, context: [KeyPart], depth: Int) throws(TOMLError) {
        let path = try parseKey()
        skipWhitespace()
        guard peek == "=" else {
            if atEnd || atNewline || peek == "#" { throw error("expected '=' after the key") }
            throw error("expected '=' after the key, found '\(peek!)'")
        }
        index += 1
        skipWhitespace()
        let valuePosition = position
        var elements: [TOMLPosition] = []
        let value = try parseValue(depth: depth, elementPositions: &elements)
        try insert(value, at: path, valuePosition: valuePosition, elements: elements, into: table, context: context)
    }

    func insert(_ value: TOMLValue, at path: [KeyPart], valuePosition: TOMLPosition,
                elements: [TOMLPosition], into root: TOMLTableBuilder, context: [KeyPart]) throws(TOMLError) {
        var table = root
        for (n, part) in path.dropLast().enumerated() {
            let name = Self.display(context + path[...n])
            switch table[part.name] {
            case nil:
                let child = TOMLTableBuilder(origin: .dotted, defined: part.position)
                table.set(part.name, .table(child, key: part.position))
                table = child
            case .value(let value, let key, _, _):
                throw Self.notATable(name, value, key, at: part.position)
            case .table(let child, _):
                guard child.origin == .dotted else {
                    throw TOMLError(part.position, "'\(name)' is a [table] defined on line \(child.defined.line); dotted keys cannot add to it")
                }
                table = child
            }
        }
        let last = path[path.count - 1]
        if let existing = table[last.name] {
            let first: Int
            switch existing {
            case .value(_, let key, _, _): first = key.line
            case .table(let child, _): first = child.defined.line
            }
            throw TOMLError(last.position, "duplicate key '\(Self.display(context + path))' (first set on line \(first))")
        }
        table.set(last.name, .value(value, key: last.position, value: valuePosition, elements: elements))
    }

    static func notATable(_ name: String, _ value: TOMLValue, _ key: TOMLPosition, at position: TOMLPosition) -> TOMLError {
        if case .table = value {
            return TOMLError(position, "'\(name)' is an inline table (line \(key.line)) and cannot be extended")
        }
        return TOMLError(position, "'\(name)' is already a value (line \(key.line)), so it cannot be a table")
    }

    // MARK: Keys

    /// A bare, quoted or dotted key.
    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            let start = position
            guard let c = peek else { throw error("expected a key") }
            let name: String
            if c == "\"" {
                if peek(at: 1) == "\"" && peek(at: 2) == "\"" { throw error("multi-line strings cannot be keys") }
                name = try parseBasicString()
            } else if c == "'" {
                name = try parseLiteralString()
            } else if Self.isBareKeyCharacter(c) {
                var s = String.UnicodeScalarView()
                while let c = peek, Self.isBareKeyCharacter(c) { s.append(c); index += 1 }
                name = String(s)
            } else if c == "=" {
                throw error("expected a key before '='")
            } else {
                throw error("expected a key, found '\(c)'; keys are letters, digits, '_' and '-', or quoted")
            }
            parts.append(KeyPart(name: name, position: start))
            guard parts.count <= TOMLDocument.maximumDepth else {
                throw TOMLError(start, "the key has more than \(TOMLDocument.maximumDepth) parts")
            }
            skipWhitespace()
            guard peek == "." else { return parts }
            index += 1
            skipWhitespace()
        }
    }

    static func isBareKeyCharacter(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    /// A key path as it would be written: `keys.approvals`, `styles."status.failed"`.
    static func display(_ path: some Sequence<KeyPart>) -> String {
        path.map { part in
            !part.name.isEmpty && part.name.unicodeScalars.allSatisfy(isBareKeyCharacter)
                ? part.name : "\"\(part.name)\""
        }.joined(separator: ".")
    }
}
