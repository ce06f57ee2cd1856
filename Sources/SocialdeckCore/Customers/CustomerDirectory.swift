import Foundation
import Synchronization
import SocialdeckModel
import SocialdeckStorage

/// Looking customers up: `socialdeck customers search|show` and the customers pane.
/// Staff with `customers.view` search every organization; a customer admin
/// (`users.manage`) searches their own organization's people. The index is built on the
/// first search and again only when accounts or organizations changed, so typing costs
/// a change-version probe and a search in memory.
public final class CustomerDirectory: Sendable {
    let store: any DocumentStore
    let clock: @Sendable () -> Date
    private let cache = Mutex<(scope: ObjectId?, version: ChangeVersion, index: CustomerIndex)?>(nil)

    public init(store: any DocumentStore, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.clock = clock
    }

    public func search(_ query: String, limit: Int = 50, for identity: Identity) throws -> [CustomerMatch] {
        try Self.authorize(identity)
        guard query.count <= 200, !SafeText.hasControls(query) else { throw CoreError.invalid("search for up to 200 characters of plain text") }
        return try index(for: identity).search(query, limit: limit)
    }

    /// Everything staff need about one account, secrets left out.
    public func profile(_ userId: ObjectId, for identity: Identity) throws -> CustomerProfile {
        try Self.authorize(identity)
        guard let user = try ModelCollection(store, User.self).first(.id(userId) && AccessControl.scope(identity), includeDeleted: true) else {
            throw CoreError.notFound("customer \(userId.hex)")
        }
        return try CustomerProfile.read(user, from: store, at: clock())
    }

    public func profile(email: String, for identity: Identity) throws -> CustomerProfile {
        try Self.authorize(identity)
        let normalized = try AccountRules.normalizedEmail(email)
        guard let user = try ModelCollection(store, User.self).first(.eq("email", normalized) && AccessControl.scope(identity),
                                                                     includeDeleted: true) else {
            throw CoreError.notFound("customer \(normalized)")
        }
        return try CustomerProfile.read(user, from: store, at: clock())
    }

    static func authorize(_ identity: Identity) throws {
        try AccessControl.authorize(identity, identity.isStaff ? .viewCustomers : .manageUsers, organizationId: identity.organizationId)
    }

    private func index(for identity: Identity) throws -> CustomerIndex {
        let scope = identity.organizationId
        let version = try store.changeVersion(of: [CollectionName.users.rawValue, CollectionName.organizations.rawValue])
        if let cached = cache.withLock({ $0 }), cached.scope == scope, cached.version == version { return cached.index }
        let index = try CustomerIndex.build(from: store, organizationId: scope, at: clock())
        cache.withLock { $0 = (scope, version, index) }
        return index
    }
}
