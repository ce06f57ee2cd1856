import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The processes running the core, each known by the heartbeat its passes write
/// (`process_heartbeats`): the daemon after each publisher pass, a dashboard's publisher
/// after each of its own. A process that stops cleanly removes its heartbeat; one that
/// dies leaves it to grow old, which is how the health pane tells them apart.
public struct ProcessHeartbeats: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    /// Heartbeats older than this are removed when a new process starts.
    static let forgottenAfter: TimeInterval = 7 * 86_400

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    private var collection: String { ProcessHeartbeat.collection.rawValue }

    static func id(of owner: String) -> ObjectId {
        .derived(at: Date(timeIntervalSince1970: 0)) { $0.add(owner.utf8) }
    }

    /// Records that `owner` is alive, and what its last pass did.
    public func beat(owner: String, kind: ProcessHeartbeat.Kind, lastPass: String? = nil, error: String? = nil) throws {
        let now = clock()
        var update = Update.set("lastSeenAt", now)
        update = lastPass.map { update.set("lastPass", String($0.prefix(200))) } ?? update
        update = error.map { update.set("lastError", String($0.prefix(300))) } ?? update.unset("lastError")
        if try store.updateOne(collection, .id(Self.id(of: owner)), update) == 1 { return }
        var heartbeat = ProcessHeartbeat()
        heartbeat._id = Self.id(of: owner)
        heartbeat.owner = owner
        heartbeat.kind = kind
        let parts = owner.split(separator: ":")
        heartbeat.host = parts.first.map(String.init) ?? ""
        heartbeat.pid = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        heartbeat.startedAt = now
        heartbeat.lastSeenAt = now
        heartbeat.lastPass = lastPass
        heartbeat.lastError = error
        do {
            try ModelCollection(store, ProcessHeartbeat.self).insert(heartbeat)
            try store.deleteMany(collection, .lt("lastSeenAt", now.addingTimeInterval(-Self.forgottenAfter)))
        } catch StoreError.duplicateKey {
            try store.updateOne(collection, .id(heartbeat._id), update)
        }
    }

    /// A clean stop: the process is gone, not dead.
    public func remove(owner: String) throws {
        try store.deleteOne(collection, .id(Self.id(of: owner)))
    }

    /// Newest first.
    public func list() throws -> [ProcessHeartbeat] {
        try ModelCollection(store, ProcessHeartbeat.self).find(sort: [.desc("lastSeenAt")], limit: 100)
    }
}
