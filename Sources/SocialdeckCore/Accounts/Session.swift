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
    /// The account as it was at sign-in; a change to it ends the session.
    let account: AccountStamp
    /// Recovery codes the account has left, when it signs in with a second factor.
    public let recoveryCodesLeft: Int?
    /// True when this sign-in used up a recovery code.
    public let usedRecoveryCode: Bool

    public func isExpired(at now: Date) -> Bool { now.timeIntervalSince(lastActivity) > timeout }
}

public struct SessionExpired: Error, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "your session ended after a period of inactivity; sign in again" }
}

/// The sessions of this process (one dashboard, or one command), safe to use from
/// the input thread and the refresh queue at once.
public final class SessionRegistry: Sendable {
    private struct State {
        var open: [String: Session] = [:]
        /// Sessions ended because their account changed, with the reason, so that every
        /// later check says why rather than "inactivity".
        var ended: [String: String] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    func add(_ session: Session) {
        state.withLock { $0.open[session.id] = session }
    }

    /// The session, without recording activity (a refresh is not the person acting);
    /// throws when it has expired, and forgets it.
    @discardableResult
    public func check(_ id: String, at now: Date) throws -> Session {
        try state.withLock { try Self.live(id, in: &$0, at: now) }
    }

    /// Records activity and returns the session, or throws when it has expired (and forgets it).
    @discardableResult
    public func touch(_ id: String, at now: Date) throws -> Session {
        try state.withLock { state in
            var s = try Self.live(id, in: &state, at: now)
            s.lastActivity = now
            state.open[id] = s
            return s
        }
    }

    private static func live(_ id: String, in state: inout State, at now: Date) throws -> Session {
        if let reason = state.ended[id] { throw SessionEnded(reason: reason) }
        guard let s = state.open[id] else { throw SessionExpired() }
        if s.isExpired(at: now) {
            state.open[id] = nil
            throw SessionExpired()
        }
        return s
    }

    public func end(_ id: String) {
        state.withLock { $0.open[id] = nil }
    }

    /// Ends a session because its account changed; later checks throw `SessionEnded`.
    func end(_ id: String, because reason: String) {
        state.withLock {
            $0.open[id] = nil
            $0.ended[id] = reason
        }
    }
}
