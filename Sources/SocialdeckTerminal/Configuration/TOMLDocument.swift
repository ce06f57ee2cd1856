/// A parsed TOML file, for socialdeck's themes and `config.toml`.
///
/// The parser is written here, without a dependency, and accepts a strict
/// subset of TOML 1.0: comments; `[table]` and `[dotted.table]` headers; bare,
/// quoted and dotted keys; basic strings (escapes `\" \\ \b \t \n \f \r
/// \uXXXX \UXXXXXXXX`) and 'literal' strings; integers (decimal, `0x`, `0o`,
/// `0b`, `_` separators); floats (including `inf` and `nan`); booleans; arrays,
/// on one line or several, with an optional trailing comma; one-line inline
/// tables. Dates, times, multi-line strings and arrays of tables (`[[x]]`) are
/// refused with an error saying so, never skipped. A key defined twice is an
/// error, as is extending a table the way TOML forbids.
///
/// Every error carries a 1-based line and column. Input is limited to
/// ``maximumSize`` bytes and values and key paths to ``maximumDepth`` levels.
/// A UTF-8 byte-order mark is ignored; lines may end in LF or CRLF.
public struct TOMLDocument: Sendable, Equatable {
    /// 1 MiB: theme and configuration files are a few kilobytes.
    public static let maximumSize = 1 << 20
    /// How deep arrays and inline tables may nest, and how many parts a key or header may have.
    public static let maximumDepth = 32

    public var root: TOMLTable

    public init(root: TOMLTable) {
        self.root = root
    }

    public init(parsing text: String) throws(TOMLError) {
        guard text.utf8.count <= Self.maximumSize else {
            throw TOMLError(line: 1, column: 1, message: "the file is larger than 1 MiB")
        }
        var parser = TOMLParser(scalars: Array(text.unicodeScalars))
        root = try parser.parseDocument()
    }

    /// Parses raw bytes, refusing anything that is not UTF-8 with the line of the first bad byte.
    public init(parsing bytes: [UInt8]) throws(TOMLError) {
        guard bytes.count <= Self.maximumSize else {
            throw TOMLError(line: 1, column: 1, message: "the file is larger than 1 MiB")
        }
        var parser = TOMLParser(scalars: try Self.decodeUTF8(bytes))
        root = try parser.parseDocument()
    }

    public subscript(key: String) -> TOMLValue? { root[key] }

    public func value(at path: [String]) -> TOMLValue? { root.value(at: path) }

    static func decodeUTF8(_ bytes: [UInt8]) throws(TOMLError) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return scalars
            case .error:
                throw TOMLError(line: line, column: column, message: "the file is not valid UTF-8")
            }
        }
    }
}

/// A table while the parser fills it in. TOML's rules on which tables may be
/// extended later depend on how each was created, so that is recorded. Inline
/// tables are stored finished, as values, so nothing can extend them.
final class TOMLTableBuilder {
    enum Origin {
        case root
        /// Created as the parent of a header, `[a]` for `[a.b]`; may still get its own header.
        case implicit
        /// Defined by its own `[header]`.
        case header
        /// Created by a dotted key, `a.b = 1`, or an inline table being parsed.
        case dotted
    }

    enum Child {
        case value(TOMLValue, key: TOMLPosition, value: TOMLPosition, elements: [TOMLPosition])
        case table(TOMLTableBuilder, key: TOMLPosition)
    }

    var origin: Origin
    /// Where the table was defined (its header, dotted key or brace).
    var defined: TOMLPosition
    private(set) var order: [String] = []
    private(set) var children: [String: Child] = [:]

    init(origin: Origin, defined: TOMLPosition) {
        self.origin = origin
        self.defined = defined
    }

    subscript(key: String) -> Child? { children[key] }

    func set(_ key: String, _ child: Child) {
        if children[key] == nil { order.append(key) }
        children[key] = child
    }

    func build() -> TOMLTable {
        var table = TOMLTable()
        for key in order {
            switch children[key]! {
            case .value(let value, let keyPosition, let valuePosition, let elements):
                table.append(.init(key: key, value: value, keyPosition: keyPosition,
                                   valuePosition: valuePosition, elementPositions: elements))
            case .table(let builder, let keyPosition):
                table.append(.init(key: key, value: .table(builder.build()), keyPosition: keyPosition,
                                   valuePosition: builder.defined))
            }
        }
        return table
    }
}
