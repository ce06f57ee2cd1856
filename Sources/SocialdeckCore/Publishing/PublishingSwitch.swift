import Foundation
import SocialdeckModel
import SocialdeckStorage

/// The maintenance switch: while it is on, no process publishes anything (jobs wait,
/// and go out when it is off, unless they became too late meanwhile) and no agent runs
/// (workflow requests wait). Every dashboard shows it in its header.
public struct PublishingSwitch: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    private var collection: String { SystemSetting.collection.rawValue }
    private var key: Filter { .compare("_id", .eq, .string(SystemSetting.publishingId)) }

    public func state() throws -> SystemSetting {
        guard let doc = try store.findOne(collection, key) else {
            var off = SystemSetting()
            off._id = SystemSetting.publishingId
            return off
        }
        return try DocumentDecoder().decode(SystemSetting.self, from: doc)
    }

    /// Throws while maintenance is on, saying why: agents wait for it to end.
    public func ensureRunning() throws {
        let setting = try state()
        guard setting.paused else { return }
        throw CoreError.conflict("socialdeck is in maintenance (\(SafeText.escapingControls(setting.reason ?? ""))); "
                                 + "agents and publishing wait until `socialdeck maintenance off`")
    }

    /// Pauses (or resumes) all publishing, audited. Pausing needs a reason people will read.
    public func set(paused: Bool, reason: String?, by identity: Identity) throws {
        try AccessControl.authorize(identity, .managePublishing, organizationId: nil)
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if paused, reason?.isEmpty ?? true { throw CoreError.invalid("say why publishing is paused; every dashboard shows it") }
        if let reason, reason.count > 200 { throw CoreError.invalid("keep the reason under 200 characters") }
        let before = try state()
        let now = clock()
        var update = Update.set("paused", paused).set("changedBy", Self.actor(identity)).set("changedAt", now)
        update = paused ? update.set("reason", reason ?? "") : update.unset("reason")
        if try store.updateOne(collection, key, update) == 0 {
            var setting = SystemSetting()
            setting._id = SystemSetting.publishingId
            do { try store.insertOne(try DocumentEncoder().encode(setting), into: collection) } catch StoreError.duplicateKey {}
            try store.updateOne(collection, key, update)
        }
        try AuditTrail(store: store, clock: clock).record(
            .init(action: paused ? "publishing_paused" : "publishing_resumed", targetType: .system, targetId: nil,
                  before: Document([.init("paused", .bool(before.paused))]), after: Document([.init("paused", .bool(paused))]),
                  reason: reason), by: identity)
    }

    /// Who changed it, as the header shows it.
    static func actor(_ identity: Identity) -> String {
        switch identity.principal {
        case .customer(let id, _, _): return "user \(id.hex)"
        case .staff(let id, _): return "staff \(id.hex)"
        case .localOperator(let name): return name
        }
    }
}
