import Foundation
import SocialdeckModel
import SocialdeckStorage

/// `socialdeck import`: JSON Lines (relaxed or canonical Extended JSON) for any
/// collection, or a CSV of posts for `content`. The input is read once, as a stream:
/// every record is checked (model, size, unique keys within the input and against the
/// store, organizations) and spooled to a private temporary file; one bad record means
/// nothing is written. Then the spooled documents are written as one unit (`insertAll`).
public struct Importer {
    /// MongoDB's limit on a document, applied on both backends.
    public static let maximumDocumentBytes = 16 * 1024 * 1024
    /// A JSON line may be longer than its BSON (escapes, canonical wrappers, spacing), but not
    /// this much: a longer line is refused unread, so one line never costs more memory than this.
    public static let maximumLineBytes = 4 * maximumDocumentBytes
    /// At most this many problems are kept to show; the rest are counted.
    static let keptProblems = 1000

    public struct Problem: Equatable, CustomStringConvertible, Sendable {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public struct Rejected: Error, CustomStringConvertible {
        /// The first problems, in line order.
        public let problems: [Problem]
        /// How many problems there were in all.
        public let total: Int
        public var description: String {
            let shown = problems.prefix(5).map(\.description).joined(separator: "; ")
            return "nothing imported: \(shown)" + (total > 5 ? " (and \(total - 5) more)" : "")
        }
    }

    let store: any DocumentStore
    let now: Date
    /// Documents per write; a batch also stops at 16 MiB.
    let batchSize: Int

    public init(store: any DocumentStore, now: Date = Date(), batchSize: Int = 1000) {
        self.store = store
        self.now = now
        self.batchSize = batchSize
    }

    @discardableResult
    public func importJSONLines(_ text: String, into collection: CollectionName) throws -> Int {
        try importJSONLines(from: MemorySource(text), into: collection)
    }

    /// Checks and writes JSON Lines. Returns the number of documents written.
    @discardableResult
    public func importJSONLines(from input: some ByteSource, into collection: CollectionName) throws -> Int {
        try refuseAuditLogs(collection)
        let scope = CollectionScope(collection: collection)
        var reader = StreamReader(input)
        var checks = try RecordChecks(store: store, collection: collection)
        var references = OrganizationReferences(scope)
        var number = 0
        while let line = try reader.nextLine(limit: Self.maximumLineBytes) {
            number += 1
            guard case .text(let bytes) = line else {
                checks.report(number, "the line is over \(Self.maximumLineBytes >> 20) MiB, longer than a document of at most \(Self.maximumDocumentBytes >> 20) MiB needs")
                continue
            }
            if bytes.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) { continue }
            do {
                var doc = try ExtendedJSON.document(fromUTF8: bytes)
                if doc["_id"] == nil { doc = Document([.init("_id", .objectId(ObjectId(date: now)))] + doc.fields) }
                try scope.validate(doc)
                references.add(doc, line: number)
                try checks.accept(doc, line: number)
            } catch {
                checks.report(number, Self.describe(error))
            }
        }
        for problem in try references.missing(in: store) { checks.report(problem.line, problem.message) }
        return try write(checks, into: collection)
    }

    @discardableResult
    public func importPostsCSV(_ text: String, organizationSlug: String, timeZone: TimeZone, asDrafts: Bool) throws -> Int {
        try importPostsCSV(from: MemorySource(text), organizationSlug: organizationSlug, timeZone: timeZone, asDrafts: asDrafts)
    }

    /// Checks and writes a CSV of posts with the columns platform, time, text.
    /// Times without a zone are read in `timeZone`. Posts land scheduled and approved
    /// unless `asDrafts`, when they wait in the approval queue.
    @discardableResult
    public func importPostsCSV(from input: some ByteSource, organizationSlug: String, timeZone: TimeZone, asDrafts: Bool) throws -> Int {
        guard let org = try ModelCollection(store, Organization.self).first(.eq("slug", organizationSlug)) else {
            throw ExchangeError("no organization with the slug '\(organizationSlug)'")
        }
        let users = ModelCollection(store, User.self)
        guard let author = try users.first(.eq("organizationId", org._id) && .isIn("role", anyOf: [UserRole.admin, UserRole.manager]))
            ?? users.first(.eq("organizationId", org._id)) else {
            throw ExchangeError("organization '\(organizationSlug)' has no users to own the posts")
        }
        var csv = CSVReader(input, limit: Self.maximumDocumentBytes)
        var checks = try RecordChecks(store: store, collection: .content)
        let encoder = DocumentEncoder()
        var first = true
        while let item = try csv.next() {
            defer { first = false }
            switch item {
            case .bad(let line, let message):
                checks.report(line, message)
            case .record(let line, let fields):
                if first, fields.first?.lowercased() == "platform" { continue }
                do {
                    let post = try PostCSVRow(fields, timeZone: timeZone, now: now)
                        .content(organization: org._id, author: author._id, asDrafts: asDrafts, now: now)
                    try checks.accept(try encoder.encode(post), line: line)
                } catch {
                    checks.report(line, Self.describe(error))
                }
            }
        }
        return try write(checks, into: .content)
    }

    private func refuseAuditLogs(_ collection: CollectionName) throws {
        guard !AppendOnlyStore.protectedCollections.contains(collection.rawValue) else {
            throw ExchangeError("\(collection.rawValue) is an audit log: socialdeck writes its entries as things happen, and none can be imported")
        }
    }

    private func write(_ checks: RecordChecks, into collection: CollectionName) throws -> Int {
        var checks = checks
        let problems = try checks.finish()
        guard problems.total == 0 else { throw Rejected(problems: problems.kept, total: problems.total) }
        let spool = checks.spool
        guard spool.count > 0 else { return 0 }
        var keys = Set<RollupKey>()
        if collection == .content {
            try spool.forEachBatch(maxCount: batchSize, maxBytes: Self.maximumDocumentBytes) { posts in
                keys.formUnion(ContentRollups.keys(of: posts))
            }
        }
        let now = self.now
        try ContentRollups(store: store, clock: { now }).writing(keys) {
            try store.insertAll(into: collection.rawValue) { write in
                try spool.forEachBatch(maxCount: batchSize, maxBytes: Self.maximumDocumentBytes, write)
            }
        }
        return spool.count
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing field '\((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx), DecodingError.dataCorrupted(let ctx):
            let path = ctx.codingPath.map(\.stringValue).joined(separator: ".")
            return "field '\(path)': \(ctx.debugDescription)"
        default:
            return String(describing: error)
        }
    }
}
