import Foundation
import SocialdeckModel
import SocialdeckStorage

/// `socialdeck import`: JSON Lines (relaxed or canonical Extended JSON) for any
/// collection, or a CSV of posts for `content`. Every record is checked first;
/// one bad record means nothing is written.
public struct Importer {
    public struct Problem: Equatable, CustomStringConvertible, Sendable {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public struct Rejected: Error, CustomStringConvertible {
        public let problems: [Problem]
        public var description: String {
            let shown = problems.prefix(5).map(\.description).joined(separator: "; ")
            return "nothing imported: \(shown)" + (problems.count > 5 ? " (and \(problems.count - 5) more)" : "")
        }
    }

    let store: any DocumentStore
    let now: Date

    public init(store: any DocumentStore, now: Date = Date()) {
        self.store = store
        self.now = now
    }

    /// Validates and writes JSON Lines. Returns the number of documents written.
    @discardableResult
    public func importJSONLines(_ text: String, into collection: CollectionName) throws -> Int {
        var docs: [Document] = []
        var problems: [Problem] = []
        let scope = CollectionScope(collection: collection)
        // "\r\n" is one Character in Swift, so splitting on "\n" alone would miss Windows line ends.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            do {
                var doc = try ExtendedJSON.document(from: line)
                if doc["_id"] == nil { doc = Document([.init("_id", .objectId(ObjectId(date: now)))] + doc.fields) }
                try scope.validate(doc)
                docs.append(doc)
            } catch {
                problems.append(Problem(line: i + 1, message: Self.describe(error)))
            }
        }
        problems += try missingOrganizations(docs, scope: scope)
        return try write(docs, into: collection, problems: problems)
    }

    /// Validates and writes a CSV of posts with the columns platform, time, text.
    /// Times without a zone are read in `timeZone`. Posts land scheduled and approved
    /// unless `asDrafts`, when they wait in the approval queue.
    @discardableResult
    public func importPostsCSV(_ text: String, organizationSlug: String, timeZone: TimeZone, asDrafts: Bool) throws -> Int {
        guard let org = try ModelCollection(store, Organization.self).first(.eq("slug", organizationSlug)) else {
            throw ExchangeError("no organization with the slug '\(organizationSlug)'")
        }
        let users = ModelCollection(store, User.self)
        guard let author = try users.first(.eq("organizationId", org._id) && .isIn("role", anyOf: [UserRole.admin, UserRole.manager]))
            ?? users.first(.eq("organizationId", org._id)) else {
            throw ExchangeError("organization '\(organizationSlug)' has no users to own the posts")
        }
        var records = try CSVReader.records(text)
        if let first = records.first, first.fields.first?.lowercased() == "platform" { records.removeFirst() }
        var docs: [Document] = []
        var problems: [Problem] = []
        let encoder = DocumentEncoder()
        for record in records {
            do {
                let post = try PostCSVRow(record.fields, timeZone: timeZone, now: now)
                    .content(organization: org._id, author: author._id, asDrafts: asDrafts, now: now)
                docs.append(try encoder.encode(post))
            } catch {
                problems.append(Problem(line: record.line, message: Self.describe(error)))
            }
        }
        return try write(docs, into: .content, problems: problems)
    }

    private func write(_ docs: [Document], into collection: CollectionName, problems: [Problem]) throws -> Int {
        guard problems.isEmpty else { throw Rejected(problems: problems) }
        guard !docs.isEmpty else { return 0 }
        let ids = docs.compactMap { $0["_id"] }
        guard Set(ids).count == ids.count else { throw Rejected(problems: [Problem(line: 0, message: "the file repeats an _id")]) }
        let existing = try store.find(collection.rawValue, .isIn("_id", ids), limit: 1, projection: .include(["_id"]), includeDeleted: true)
        if let clash = existing.first?["_id"] {
            throw Rejected(problems: [Problem(line: 0, message: "_id \(ExtendedJSON.string(from: clash)) is already in \(collection)")])
        }
        do {
            try store.insertMany(docs, into: collection.rawValue)
        } catch {
            // MongoDB's insertMany is not one transaction; remove what got in, so a failed import leaves no trace.
            _ = try? store.deleteMany(collection.rawValue, .isIn("_id", ids))
            throw error
        }
        return docs.count
    }

    private func missingOrganizations(_ docs: [Document], scope: CollectionScope) throws -> [Problem] {
        guard scope.collection != .organizations, scope.organizationPath == "organizationId" else { return [] }
        let ids = Set(docs.compactMap { $0["organizationId"] })
        guard !ids.isEmpty else { return [] }
        let found = Set(try store.find(CollectionName.organizations.rawValue, .isIn("_id", Array(ids)),
                                       projection: .include(["_id"]), includeDeleted: true).compactMap { $0["_id"] })
        return ids.subtracting(found).map { Problem(line: 0, message: "organizationId \(ExtendedJSON.string(from: $0)) does not exist") }
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
