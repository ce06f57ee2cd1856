import Foundation
import Synchronization

/// A signed-in session. It ends after its timeout of inactivity; the dashboard
/// then asks for the password again.
public struct Session: Sendable, Equatable {
    public let id: String
    public let identity: Identity
    public let startedAt: Date
    public internal(set) var lastActivity: Date
    public let timeout: TimeInterval

    public func isExpired(at now: Date) -> Bool { now.timeIntervalSince(lastActivity) > timeout }
}

public struct SessionExpired: Error, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "your session ended after a period of inactivity; sign in again" }
}

/// The sessions of this process (one dashboard, or one command), safe to use from
/// the input thread and the refresh queue at once.
public final class SessionRegistry: Sendable {
    private let sessions = Mutex<[String: Session]>([:])

    public init() {}

    func add(_ session: Session) {
        sessions.withLock { $0[session.id] = session }
    }

    /// Records activity and returns the session, or throws when it has expired (and forgets it).
    @discardableResult
    public func touch(_ id: String, at now: Date) throws -> Session {
        try sessions.withLock { all in
            guard var s = all[id] else { throw SessionExpired() }
            if s.isExpired(at: now) {
                all[id] = nil
                throw SessionExpired()
            }
            s.lastActivity = now
            all[id] = s
            return s
        }
    }

    public func end(_ id: String) {
        sessions.withLock { $0[id] = nil }
    }
}
