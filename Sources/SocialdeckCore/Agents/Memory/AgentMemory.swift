import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What the agents know about each organization (`agent_memory`): insights, the posts
/// that did well, what reviewers taught. Recalled by relevance to the task in hand: by
/// the cosine of the provider's embeddings where `[llm] embedding_model` names a model,
/// else (and for items without a vector) by the store's text search (SQLite's FTS5, BM25
/// over the organization's items on MongoDB). Bounded per organization and kind: when
/// full, the least useful item goes first, the one recalled least often and longest ago.
public struct AgentMemory: Sendable {
    let store: any DocumentStore
    /// The model client whose embeddings model, if any, vectors are made with.
    let client: LLMClient?
    let clock: @Sendable () -> Date
    private var collection: String { AgentMemoryItem.collection.rawValue }

    public init(store: any DocumentStore, client: LLMClient? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.client = client
        self.clock = clock
    }

    private var embeddingModel: String? { client?.settings.embeddingModel }

    /// The items of `kinds` most relevant to `query`, counted as used.
    public func recall(_ query: String, organizationId: ObjectId, kinds: [String], limit: Int = 3) throws -> [AgentMemoryItem] {
        let filter: Filter = .eq("organizationId", organizationId) && .isIn("kind", anyOf: kinds.map { BSONValue.string($0) })
        var items = try nearest(query, filter: filter, limit: limit)
        if items.count < limit {
            let decoder = DocumentDecoder()
            for doc in try store.searchText(collection, path: "text", query: query, filter: filter, limit: limit) where items.count < limit {
                let item = try decoder.decode(AgentMemoryItem.self, from: doc)
                if !items.contains(where: { $0._id == item._id }) { items.append(item) }
            }
        }
        if !items.isEmpty {
            try store.updateMany(collection, .isIn("_id", items.map { .objectId($0._id) }),
                                 Update.inc("uses", Int64(1)).set("lastUsedAt", clock()))
        }
        return items
    }

    /// The items with a vector from the configured model closest to the query's, by cosine.
    private func nearest(_ query: String, filter: Filter, limit: Int) throws -> [AgentMemoryItem] {
        guard let model = embeddingModel, let client else { return [] }
        let candidates = try ModelCollection(store, AgentMemoryItem.self).find(filter && .eq("embeddingModel", model), limit: 5_000)
        guard !candidates.isEmpty, let vector = try client.embed([query])?.first else { return [] }
        let scored: [(item: AgentMemoryItem, score: Double)] = candidates.map { ($0, Self.cosine(vector, $0.embedding ?? [])) }
        let ranked = scored.filter { $0.score > 0 }.sorted { a, b in a.score != b.score ? a.score > b.score : a.item._id.hex < b.item._id.hex }
        return ranked.prefix(limit).map(\.item)
    }

    static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var dot = 0.0, na = 0.0, nb = 0.0
        for i in a.indices {
            dot += a[i] * b[i]
            na += a[i] * a[i]
            nb += b[i] * b[i]
        }
        return na > 0 && nb > 0 ? dot / (na.squareRoot() * nb.squareRoot()) : 0
    }

    /// Keeps an item (with its vector, when an embeddings model is configured; an item the
    /// provider could not embed is kept without and recalled by text), then lets the least
    /// useful of its organization and kind go past `keep`.
    public func remember(_ item: AgentMemoryItem, keep: Int) throws {
        var item = item
        if let model = embeddingModel, let vector = try? client?.embed([item.text])?.first {
            item.embedding = vector
            item.embeddingModel = model
        }
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
