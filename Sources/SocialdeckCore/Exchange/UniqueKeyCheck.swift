import SocialdeckModel
import SocialdeckStorage

/// Finds, before anything is written, the records a unique index would refuse: one
/// whose `_id` (or email, or slug) repeats an earlier line's, or is already in the store.
/// Within the input it remembers a 16-byte digest of each key with its line, a few dozen
/// bytes a record; keys are looked up in the store a batch at a time.
struct UniqueKeyCheck {
    static let lookupBatch = 500

    private struct Digest: Hashable {
        let high: UInt64
        let low: UInt64
    }

    private struct Pending {
        let line: Int
        let values: [BSONValue]
    }

    let store: any DocumentStore
    let collection: CollectionName
    /// `_id`, then the paths of each unique index.
    private let keys: [[String]]
    private var seen: [Digest: Int] = [:]
    private var pending: [[Pending]]
    private var pendingCount = 0

    init(store: any DocumentStore, collection: CollectionName) {
        self.store = store
        self.collection = collection
        keys = [["_id"]] + SchemaCatalog.schema(for: collection).indexes.filter(\.unique).map { $0.keys.map(\.path) }
        pending = keys.map { _ in [] }
    }

    /// Remembers the document's keys; returns its problems, and those of earlier lines
    /// whose keys a store lookup just found.
    mutating func add(_ doc: Document, line: Int) throws -> [Importer.Problem] {
        var problems: [Importer.Problem] = []
        for (k, paths) in keys.enumerated() {
            let values = paths.map { doc.value(at: $0) ?? .null }
            // Like SQLite's unique indexes, a record without the field clashes with none.
            if values.allSatisfy({ $0 == .null }) { continue }
            let digest = Self.digest(k, values)
            if let first = seen[digest] {
                problems.append(Importer.Problem(line: line, message: "\(Self.describe(paths, values)) repeats line \(first)"))
                continue
            }
            seen[digest] = line
            pending[k].append(Pending(line: line, values: values))
            pendingCount += 1
        }
        if pendingCount >= Self.lookupBatch { problems += try lookUp() }
        return problems
    }

    /// Looks up the keys not yet looked up.
    mutating func finish() throws -> [Importer.Problem] { try lookUp() }

    private mutating func lookUp() throws -> [Importer.Problem] {
        var problems: [Importer.Problem] = []
        for (k, paths) in keys.enumerated() where !pending[k].isEmpty {
            let batch = pending[k]
            pending[k] = []
            let filter: Filter = paths.count == 1
                ? .isIn(paths[0], batch.map { $0.values[0] })
                : .or(batch.map { entry in .and(zip(paths, entry.values).map { .compare($0, .eq, $1) }) })
            let found = try store.find(collection.rawValue, filter, projection: .include(paths), includeDeleted: true)
            let present = Set(found.map { doc in paths.map { doc.value(at: $0) ?? .null } })
            for entry in batch where present.contains(entry.values) {
                problems.append(Importer.Problem(line: entry.line, message: "\(Self.describe(paths, entry.values)) is already in \(collection.rawValue)"))
            }
        }
        pendingCount = 0
        return problems
    }

    private static func describe(_ paths: [String], _ values: [BSONValue]) -> String {
        paths.joined(separator: ", ") + " " + values.map(ExtendedJSON.string(from:)).joined(separator: ", ")
    }

    private static func digest(_ key: Int, _ values: [BSONValue]) -> Digest {
        let bytes = CryptoSupport.sha256(Document([.init("k", .int32(Int32(key))), .init("v", .array(values))]).bsonBytes())
        func word(_ at: Int) -> UInt64 { bytes[at..<at + 8].reduce(0) { $0 << 8 | UInt64($1) } }
        return Digest(high: word(0), low: word(8))
    }
}
