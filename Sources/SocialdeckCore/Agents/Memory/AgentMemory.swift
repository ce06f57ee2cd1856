import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What the agents know about each organization (`agent_memory`): insights, the posts
/// that did well, what reviewers taught. Recalled by relevance to the task in hand (the
/// store's text search: SQLite's FTS5, BM25 over the organization's items on MongoDB),
/// and bounded per organization and kind: when full, the least useful item goes first,
/// the one recalled least often and longest ago.
public struct AgentMemory: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date
    private var collection: String { AgentMemoryItem.collection.rawValue }

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    /// The items of `kinds` most relevant to `query`, counted as used.
    public func recall(_ query: String, organizationId: ObjectId, kinds: [String], limit: Int = 3) throws -> [AgentMemoryItem] {
        let filter: Filter = .eq("organizationId", organizationId) && .isIn("kind", anyOf: kinds.map { BSONValue.string($0) })
        let found = try store.searchText(collection, path: "text", query: query, filter: filter, limit: limit)
        let decoder = DocumentDecoder()
        let items = try found.map { try decoder.decode(AgentMemoryItem.self, from: $0) }
        if !items.isEmpty {
            try store.updateMany(collection, .isIn("_id", items.map { .objectId($0._id) }),
                                 Update.inc("uses", Int64(1)).set("lastUsedAt", clock()))
        }
        return items
    }

    /// Keeps an item, then lets the least useful of its organization and kind go past `keep`.
    public func remember(_ item: AgentMemoryItem, keep: Int) throws {
        try ModelCollection(store, AgentMemoryItem.self).insert(item)
        guard let org = item.organizationId else { return }
        let mine: Filter = .eq("organizationId", org) && .eq("agentType", item.agentType) && .eq("kind", item.kind)
        let all = try store.find(collection, mine, projection: .include(["_id", "uses", "lastUsedAt", "createdAt"]))
        guard all.count > keep else { return }
        func usefulness(_ d: Document) -> (Int, Date, String) {
            (Int(d["uses"]?.doubleValue ?? 0), d["lastUsedAt"]?.dateValue ?? d["createdAt"]?.dateValue ?? .distantPast,
             d["_id"]?.objectIdValue?.hex ?? "")
        }
        let least = all.sorted { usefulness($0) < usefulness($1) }.prefix(all.count - keep).compactMap { $0["_id"] }
        try store.deleteMany(collection, .isIn("_id", Array(least)))
    }
}
