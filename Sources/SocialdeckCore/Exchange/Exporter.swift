import Foundation
import SocialdeckModel
import SocialdeckStorage

/// `socialdeck export`: one collection as JSON Lines of relaxed Extended JSON,
/// in `_id` order, with every secret removed.
public struct Exporter {
    public struct Options: Sendable {
        public var organizationSlug: String?
        public var since: Date?
        public var limit: Int?
        public init(organizationSlug: String? = nil, since: Date? = nil, limit: Int? = nil) {
            self.organizationSlug = organizationSlug
            self.since = since
            self.limit = limit
        }
    }

    let store: any DocumentStore

    public init(store: any DocumentStore) { self.store = store }

    /// Streams the lines to `write`, a page at a time, and returns how many were written.
    @discardableResult
    public func export(_ collection: CollectionName, options: Options, write: (String) throws -> Void) throws -> Int {
        if let limit = options.limit, limit < 0 { throw ExchangeError("--limit cannot be negative") }
        let scope = CollectionScope(collection: collection)
        var filter = Filter.all
        if let slug = options.organizationSlug {
            guard let path = scope.organizationPath else {
                throw ExchangeError("\(collection) does not belong to an organization; drop --org")
            }
            guard let org = try ModelCollection(store, Organization.self).first(.eq("slug", slug), includeDeleted: true) else {
                throw ExchangeError("no organization with the slug '\(slug)'")
            }
            filter = filter && .eq(path, org._id)
        }
        if let since = options.since { filter = filter && .gte(scope.timePath, since) }
        var written = 0
        var last: BSONValue?
        let page = 1000
        while options.limit.map({ written < $0 }) ?? true {
            let pageFilter = last.map { filter && .compare("_id", .gt, $0) } ?? filter
            let want = min(page, (options.limit ?? Int.max) - written)
            let docs = try store.find(collection.rawValue, pageFilter, sort: [.asc("_id")], limit: want, includeDeleted: true)
            for doc in docs {
                try write(ExtendedJSON.string(from: SecretRedaction.redact(doc)))
                written += 1
            }
            guard docs.count == want, let lastDoc = docs.last else { break }
            last = lastDoc["_id"]
        }
        return written
    }
}

public struct ExchangeError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ d: String) { description = d }
}
