/// A place in a TOML file: 1-based line and column (columns count Unicode
/// scalars, so a tab or an emoji is one column).
public struct TOMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TOMLPosition, b: TOMLPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "line \(line), column \(column)" }
}

/// Why a TOML file was refused, and where. `description` reads
/// "line 12: expected '=' after the key".
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ position: TOMLPosition, _ message: String) {
        self.init(line: position.line, column: position.column, message: message)
    }

    public var position: TOMLPosition { TOMLPosition(line: line, column: column) }
    public var description: String { "line \(line): \(message)" }
}

/// One value of the supported TOML subset. Dates and arrays of tables are
/// refused by the parser rather than represented here.
public indirect enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var integerValue: Int64? {
        if case .integer(let i) = self { return i }
        return nil
    }

    /// An integer or a float, as a `Double`.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .boolean(let b) = self { return b }
        return nil
    }

    public var arrayValue: [TOMLValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var tableValue: TOMLTable? {
        if case .table(let t) = self { return t }
        return nil
    }

    /// "a string", "an integer", … for messages such as "expected a boolean, found a string".
    public var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}

/// A TOML table with its keys in file order, and where each key and value was written.
public struct TOMLTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: TOMLValue
        /// Where the key (its last dotted part) starts.
        public var keyPosition: TOMLPosition
        /// Where the value starts; for a table made by a header or dotted keys, where it was first named.
        public var valuePosition: TOMLPosition
        /// Where each element starts when `value` is an array (one entry per element).
        public var elementPositions: [TOMLPosition]

        public init(key: String, value: TOMLValue, keyPosition: TOMLPosition,
                    valuePosition: TOMLPosition, elementPositions: [TOMLPosition] = []) {
            self.key = key
            self.value = value
            self.keyPosition = keyPosition
            self.valuePosition = valuePosition
            self.elementPositions = elementPositions
        }
    }

    public private(set) var entries: [Entry]
    private var index: [String: Int]

    public init(entries: [Entry] = []) {
        self.entries = []
        self.index = [:]
        for entry in entries { append(entry) }
    }

    mutating func append(_ entry: Entry) {
        precondition(index[entry.key] == nil, "duplicate TOML key \(entry.key)")
        index[entry.key] = entries.count
        entries.append(entry)
    }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    public subscript(key: String) -> TOMLValue? { entry(key)?.value }

    public func entry(_ key: String) -> Entry? {
        index[key].map { entries[$0] }
    }

    /// The value at a path of keys through nested tables: `value(at: ["keys", "approvals"])`.
    public func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first, let value = self[first] else { return nil }
        if path.count == 1 { return value }
        return value.tableValue?.value(at: Array(path.dropFirst()))
    }
}
