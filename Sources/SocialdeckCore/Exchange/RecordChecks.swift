import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What every imported record passes before anything is written: MongoDB's 16 MiB
/// limit and the unique keys. Records that pass are spooled; the problems found are
/// kept (the first thousand, shown in line order) and counted.
struct RecordChecks {
    let spool: ImportSpool
    private var keys: UniqueKeyCheck
    private var kept: [Importer.Problem] = []
    private var total = 0

    init(store: any DocumentStore, collection: CollectionName) throws {
        spool = try ImportSpool()
        keys = UniqueKeyCheck(store: store, collection: collection)
    }

    mutating func report(_ line: Int, _ message: String) {
        total += 1
        if kept.count < Importer.keptProblems { kept.append(Importer.Problem(line: line, message: message)) }
    }

    mutating func accept(_ doc: Document, line: Int) throws {
        let bson = doc.bsonBytes()
        guard bson.count <= Importer.maximumDocumentBytes else {
            let size = String(format: "%.1f", Double(bson.count) / 1_048_576)
            return report(line, "the document is \(size) MiB, over the limit of \(Importer.maximumDocumentBytes >> 20) MiB (MongoDB's, applied on both backends)")
        }
        for problem in try keys.add(doc, line: line) { report(problem.line, problem.message) }
        // Once the import is refused, nothing more needs keeping.
        if total == 0 { try spool.append(bson) }
    }

    /// Finishes the store lookups; the problems to show, and how many there were.
    mutating func finish() throws -> (kept: [Importer.Problem], total: Int) {
        for problem in try keys.finish() { report(problem.line, problem.message) }
        return (kept.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element), total)
    }
}
