import Foundation
import SocialdeckModel
import SocialdeckStorage

/// A customer's consent to the processing of their data (`users.gdpr`): given or
/// withdrawn, and when. The person may change their own; their organization's admin or
/// staff who manage users may record it for them, saying why (a signed form, an email).
/// Each change is audited.
public struct ConsentRecord: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public enum State: Sendable, Equatable {
        case notAsked
        case given(Date?)
        case withdrawn(Date?)

        public init(_ gdpr: User.UserGDPR?) {
            guard let gdpr else { self = .notAsked; return }
            self = gdpr.consentGiven ? .given(gdpr.consentDate) : gdpr.consentDate == nil ? .notAsked : .withdrawn(gdpr.consentDate)
        }

        /// "given 2026-03-01", "withdrawn 2026-04-02", "not asked".
        public var text: String {
            func day(_ d: Date?) -> String { d.map { " " + String(ISODate.string(from: $0).prefix(10)) } ?? "" }
            switch self {
            case .notAsked: return "not asked"
            case .given(let d): return "given" + day(d)
            case .withdrawn(let d): return "withdrawn" + day(d)
            }
        }
    }

    public func set(_ userId: ObjectId, given: Bool, reason: String? = nil, by identity: Identity) throws -> State {
        guard let user = try ModelCollection(store, User.self).first(.id(userId) && AccessControl.scope(identity)) else {
            throw CoreError.notFound("customer \(userId.hex)")
        }
        guard !user.isErased else { throw CoreError.invalid("this account was erased") }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if identity.actorId != userId {
            try AccessControl.authorize(identity, .manageUsers, organizationId: user.organizationId)
            guard let reason, (1...500).contains(reason.count), !SafeText.hasControls(reason) else {
                throw CoreError.invalid("recording consent for someone else needs a reason: how they gave or withdrew it")
            }
        }
        if (user.gdpr?.consentGiven ?? false) == given, user.gdpr?.consentDate != nil {
            throw CoreError.invalid("consent is \(given ? "given" : "withdrawn") already")
        }
        let now = clock()
        let before = Document([.init("consentGiven", .bool(user.gdpr?.consentGiven ?? false)),
                               .init("consentDate", user.gdpr?.consentDate.map { .date($0) } ?? .null)])
        let after = Document([.init("consentGiven", .bool(given)), .init("consentDate", .date(now))])
        var gdpr = user.gdpr ?? User.UserGDPR(consentGiven: given)
        gdpr.consentGiven = given
        gdpr.consentDate = now
        let changed = try store.updateOne(User.collection.rawValue, .id(userId) && .eq("updatedAt", user.updatedAt),
                                          Update.set("gdpr", try DocumentEncoder().encode(gdpr)).set("updatedAt", now))
        guard changed == 1 else { throw CoreError.conflict("the account changed meanwhile; try again") }
        try AuditTrail(store: store, clock: clock).record(
            .init(action: given ? "consent_given" : "consent_withdrawn", targetType: .user, targetId: userId,
                  organizationId: user.organizationId, before: before, after: after, reason: reason), by: identity)
        return given ? .given(now) : .withdrawn(now)
    }
}
