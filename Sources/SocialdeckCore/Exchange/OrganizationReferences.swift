import SocialdeckModel
import SocialdeckStorage

/// The organizations an import's records belong to, each with the first line naming
/// it, checked against the store once the whole input has been read.
struct OrganizationReferences {
    static let lookupBatch = 1000

    /// nil when the collection's records need no organization check.
    private let path: String?
    private var firstLine: [BSONValue: Int] = [:]

    init(_ scope: CollectionScope) {
        path = scope.collection != .organizations && scope.organizationPath == "organizationId" ? "organizationId" : nil
    }

    mutating func add(_ doc: Document, line: Int) {
        guard let path, let id = doc[path], firstLine[id] == nil else { return }
        firstLine[id] = line
    }

    func missing(in store: any DocumentStore) throws -> [Importer.Problem] {
        var problems: [Importer.Problem] = []
        var rest = firstLine.keys[...]
        while !rest.isEmpty {
            let ids = Array(rest.prefix(Self.lookupBatch))
            rest = rest.dropFirst(ids.count)
            let found = Set(try store.find(CollectionName.organizations.rawValue, .isIn("_id", ids), projection: .include(["_id"]),
                                           includeDeleted: true).compactMap { $0["_id"] })
            for id in ids where !found.contains(id) {
                problems.append(Importer.Problem(line: firstLine[id]!, message: "organizationId \(ExtendedJSON.string(from: id)) does not exist"))
            }
        }
        return problems
    }
}
