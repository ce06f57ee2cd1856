import SocialdeckModel

/// `insertAll` for a store that cannot write in one transaction (a standalone MongoDB
/// server): each batch is inserted as it comes, and if anything fails, the batches
/// already written are deleted again. Readers can see them meanwhile. When the
/// clean-up fails too (often the same outage), the error names every `_id` that may
/// be left behind, so that nothing stays half-imported without anyone being told.
public struct CompensatingInsert {
    static let deleteChunk = 1000

    let store: any DocumentStore
    let collection: String

    public init(store: any DocumentStore, collection: String) {
        self.store = store
        self.collection = collection
    }

    public func run(_ produce: (_ write: ([Document]) throws -> Void) throws -> Void) throws -> InsertAtomicity {
        // Every _id sent, the failing batch's too: an unordered failure may have let some in.
        var sent: [BSONValue] = []
        do {
            try produce { documents in
                let identified = documents.map { doc in
                    doc["_id"] == nil ? Document([.init("_id", .objectId(ObjectId()))] + doc.fields) : doc
                }
                sent += identified.map { $0["_id"]! }
                try store.insertMany(identified, into: collection)
            }
        } catch {
            try removeAgain(sent, after: error)
            throw error
        }
        return .compensated
    }

    private func removeAgain(_ ids: [BSONValue], after failure: Error) throws {
        var remaining = ids[...]
        do {
            while !remaining.isEmpty {
                let chunk = remaining.prefix(Self.deleteChunk)
                try store.deleteMany(collection, .isIn("_id", Array(chunk)))
                remaining = remaining.dropFirst(chunk.count)
            }
        } catch let cleanup {
            throw StoreError.leftBehind(collection: collection, ids: stillPresent(remaining) ?? Array(remaining),
                                        failure: String(describing: failure), cleanupFailure: String(describing: cleanup))
        }
    }

    /// Which of `ids` the store still holds, or nil when it cannot say.
    private func stillPresent(_ ids: ArraySlice<BSONValue>) -> [BSONValue]? {
        var present: [BSONValue] = []
        var rest = ids
        while !rest.isEmpty {
            let chunk = Array(rest.prefix(Self.deleteChunk))
            rest = rest.dropFirst(chunk.count)
            guard let found = try? store.find(collection, .isIn("_id", chunk), projection: .include(["_id"]), includeDeleted: true) else {
                return nil
            }
            let foundIds = Set(found.compactMap { $0["_id"] })
            present += chunk.filter(foundIds.contains)
        }
        return present
    }
}
