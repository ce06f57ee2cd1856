import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What people taught the agents about one organization, kept in `agent_memory` as the
/// learning agent's `preference` items: reasons drafts were rejected ("too salesy"),
/// the lines editors cut from drafts and added to them, and the habits their edits
/// show ("too long"). The newest first, a bounded number of each.
public struct AgentPreferences: Sendable {
    let store: any DocumentStore
    static let kept = 8
    /// Preference items kept per organization; the least useful go first (``AgentMemory``).
    static let bound = 200

    public init(store: any DocumentStore) {
        self.store = store
    }

    public struct Learned: Sendable, Equatable {
        /// Rejection reasons and editing habits.
        public var avoid: [String] = []
        public var prefer: [String] = []
        /// Lines editors cut from drafts, and lines they added.
        public var cut: [String] = []
        public var added: [String] = []
    }

    public func of(_ organizationId: ObjectId) throws -> Learned {
        let items = try ModelCollection(store, AgentMemoryItem.self)
            .find(.eq("organizationId", organizationId) && .eq("agentType", AgentType.learning) && .eq("kind", "preference"),
                  sort: [.desc("createdAt")], limit: 100)
        var learned = Learned()
        for item in items {
            let prefer = item.metadata?["stance"]?.stringValue == "prefer"
            let line = item.metadata?["form"]?.stringValue == "line"
            let list = line ? (prefer ? \Learned.added : \Learned.cut) : prefer ? \Learned.prefer : \Learned.avoid
            let text = item.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, !learned[keyPath: list].contains(text), learned[keyPath: list].count < Self.kept else { continue }
            learned[keyPath: list].append(text)
        }
        return learned
    }

    /// Remembers a rejection's reason (or, `prefer`, something people liked).
    public func remember(_ text: String, prefer: Bool = false, line: Bool = false, organizationId: ObjectId, at now: Date) throws {
        var item = AgentMemoryItem()
        item.agentType = .learning
        item.organizationId = organizationId
        item.kind = "preference"
        item.text = String(text.prefix(300))
        item.metadata = ["stance": .string(prefer ? "prefer" : "avoid")]
        if line { item.metadata?["form"] = .string("line") }
        item.createdAt = now
        try AgentMemory(store: store, clock: { now }).remember(item, keep: Self.bound)
    }
}
