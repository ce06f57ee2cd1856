import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What a session was granted on: who the account is, its role and extra grants, and
/// a digest of its password hash (the hash itself stays out of the session).
struct AccountStamp: Sendable, Equatable {
    let kind: AccountRecord.Kind
    let id: ObjectId
    let principal: Identity.Principal
    let grants: [String]
    let credentialDigest: [UInt8]

    /// `passwordHash` is the hash the account holds from now on, when sign-in just upgraded it.
    init(_ account: AccountRecord, passwordHash: String? = nil) {
        kind = account.kind
        id = account.id
        principal = account.principal
        grants = account.grants
        credentialDigest = CryptoSupport.sha256(Array((passwordHash ?? account.passwordHash ?? "").utf8))
    }

    /// Why a session granted on this stamp must end now that the account reads
    /// `current`; nil when it may go on.
    func endingReason(_ current: AccountRecord?, at now: Date) -> String? {
        guard let current else { return "your account was deleted" }
        if let inactive = current.inactiveReason {
            switch inactive {
            case AccountRecord.deletedReason: return "your account was deleted"
            case AccountRecord.deactivatedReason: return "your account was deactivated"
            case AccountRecord.organizationDeletedReason: return "your organization was deleted"
            default: return "your account was suspended"
            }
        }
        if let until = current.lockedUntil, until > now { return "your account was locked" }
        let now = AccountStamp(current)
        if now.principal != principal { return "your role changed" }
        if now.grants != grants { return "your permissions changed" }
        if now.credentialDigest != credentialDigest { return "your password was changed" }
        return nil
    }
}

/// An open session ended because its account changed (suspended, deactivated,
/// deleted, locked, a new role or password).
public struct SessionEnded: Error, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { "you were signed out: \(reason); sign in again" }
}

/// Checks, before each refresh and each command, that a session may still act: it has
/// not expired, and its account still reads as it did at sign-in. The account is read
/// by `_id`, and only when its collection changed since the last check (an idle
/// dashboard's tick reads nothing but the change version). Any failure ends the
/// session, so nothing further is read under it.
public struct SessionGuard: Sendable {
    let store: any DocumentStore
    let sessions: SessionRegistry
    let sessionId: String
    let clock: @Sendable () -> Date
    /// The account collection's change version when the account last read as granted.
    private let checked = ChangeWatch<ObjectId>()

    public init(store: any DocumentStore, sessions: SessionRegistry, session: Session,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.sessions = sessions
        self.sessionId = session.id
        self.clock = clock
    }

    /// Throws `SessionExpired` or `SessionEnded`.
    public func check() throws {
        let now = clock()
        let session = try sessions.check(sessionId, at: now)
        // A customer's account also ends with its organization (deleted).
        let collections = session.account.kind == .customer ? [CollectionName.users, .organizations] : [.adminUsers]
        let version = try store.changeVersion(of: collections.map(\.rawValue))
        // A lock that has run out ends nothing, so an unchanged account needs no read.
        if checked.isCurrent(session.account.id, version, now: now) { return }
        let current = try AccountRecord.find(id: session.account.id, kind: session.account.kind, in: store)
        if let reason = session.account.endingReason(current, at: now) {
            sessions.end(sessionId, because: reason)
            throw SessionEnded(reason: reason)
        }
        checked.record(session.account.id, version, at: now)
    }
}
