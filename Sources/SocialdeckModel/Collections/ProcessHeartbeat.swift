import Foundation

/// One process running the core (`process_heartbeats`): a daemon or a dashboard's
/// publisher. Each pass writes `lastSeenAt`; the health pane calls a process whose
/// heartbeat is old stale, and a clean stop removes its own.
public struct ProcessHeartbeat: StoredModel, Equatable {
    public static let collection = CollectionName.processHeartbeats

    /// Derived from `owner`, so every beat of one process writes the same document.
    public var _id = ObjectId(high: 0, low: 0)
    /// `host:pid:random`, as the publisher's leases name it.
    public var owner = ""
    public var kind = Kind.daemon
    public var host = ""
    public var pid = 0
    public var startedAt = Date(timeIntervalSince1970: 0)
    public var lastSeenAt = Date(timeIntervalSince1970: 0)
    /// What the last pass did, such as "3 published" or the error that stopped it.
    public var lastPass: String?
    public var lastError: String?

    public init() {}

    public enum Kind: String, Codable, Sendable, CaseIterable, BSONRepresentable {
        case daemon, dashboard
    }
}
