import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Hand-offs between agents (`agent_messages`), in the store so that they work across
/// processes and survive a restart. A consumer claims the oldest queued message for its
/// agent with one find-and-modify under a lease; while the lease holds no other process
/// gets it, and it is finished once, by the claim's holder. A consumer that dies leaves a
/// lease that lapses, and the message is claimed again, up to `maxAttempts` times.
public struct AgentMessages: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date
    public var lease: TimeInterval = 300
    public var maxAttempts = 3
    private var collection: String { AgentMessage.collection.rawValue }

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public func send(from: AgentType, to: AgentType, type: String, payload: Document, organizationId: ObjectId?) throws -> AgentMessage {
        var message = AgentMessage()
        message.fromAgent = from
        message.toAgent = to
        message.type = type
        message.payload = payload
        message.organizationId = organizationId
        message.createdAt = clock()
        try ModelCollection(store, AgentMessage.self).insert(message)
        return message
    }

    /// The oldest message for `agent` that is queued, or whose claim lapsed, now claimed by `owner`.
    public func claim(for agent: AgentType, owner: String) throws -> AgentMessage? {
        let now = clock()
        let lapsed: Filter = .eq("status", AgentMessage.Delivery.processing) && .lt("claimedUntil", now)
        let available: Filter = .eq("toAgent", agent) && (.eq("status", AgentMessage.Delivery.queued) || lapsed)
        guard let doc = try store.findOneAndUpdate(collection, available, sort: [.asc("createdAt"), .asc("_id")],
                                                   Update.set("status", AgentMessage.Delivery.processing).set("claimedBy", owner)
                                                       .set("claimedUntil", now.addingTimeInterval(lease)).inc("attempts", Int64(1)),
                                                   returnUpdated: true) else { return nil }
        let message = try DocumentDecoder().decode(AgentMessage.self, from: doc)
        if (message.attempts ?? 1) > maxAttempts {
            try finish(message, owner: owner, error: "given up after \(maxAttempts) claims that never finished")
            return try claim(for: agent, owner: owner)
        }
        return message
    }

    /// Marks a claimed message done (or failed, with why). False when the claim had lapsed
    /// and another process holds the message now: its result stands, not this one.
    @discardableResult
    public func finish(_ message: AgentMessage, owner: String, error: String? = nil) throws -> Bool {
        var update = Update.set("status", error == nil ? AgentMessage.Delivery.done : .failed).set("processedAt", clock())
            .unset("claimedUntil")
        if let error { update = update.set("error", String(error.prefix(2000))) }
        return try store.updateOne(collection, .id(message._id) && .eq("status", AgentMessage.Delivery.processing)
                                       && .eq("claimedBy", owner) && .eq("attempts", Int64(message.attempts ?? 1)), update) == 1
    }
}
