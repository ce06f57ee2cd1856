import Foundation
import SocialdeckModel
import SocialdeckStorage

/// What sign-in needs from either kind of account, with the document paths of its
/// fields: customers keep them under `authentication`, staff under `security`.
struct AccountRecord: Sendable {
    enum Kind: Sendable { case customer, staff }

    let kind: Kind
    let id: ObjectId
    let email: String
    let passwordHash: String?
    let loginAttempts: Int
    let lockedUntil: Date?
    /// Why the account may not sign in at all (deleted, suspended, deactivated); nil when it may.
    let inactiveReason: String?
    var isActive: Bool { inactiveReason == nil }
    let twoFactorEnabled: Bool
    let twoFactorSecret: String?
    let totpLastUsedStep: Int64?
    let recoveryCodes: [String]
    let organizationId: ObjectId?
    let principal: Identity.Principal
    let grants: [String]
    let ipAllowlist: [String]
    let sessionTimeout: TimeInterval?

    static let deletedReason = "account deleted"
    static let deactivatedReason = "staff account deactivated"

    var collection: String { kind == .customer ? CollectionName.users.rawValue : CollectionName.adminUsers.rawValue }
    var section: String { kind == .customer ? "authentication" : "security" }
    func path(_ field: String) -> String { "\(section).\(field)" }

    static let organizationDeletedReason = "organization deleted"

    /// A customer account; `organizationDeleted` when its organization is taken away,
    /// which stops its people signing in (and ends their sessions) until it is restored.
    init(_ u: User, organizationDeleted: Bool = false) {
        kind = .customer
        id = u._id
        email = u.email
        passwordHash = u.passwordHash
        loginAttempts = u.authentication.loginAttempts
        lockedUntil = u.authentication.lockedUntil
        inactiveReason = u.deletedAt != nil ? Self.deletedReason : organizationDeleted ? Self.organizationDeletedReason
            : !u.authentication.isActive ? "account suspended" : nil
        twoFactorEnabled = u.authentication.twoFactorEnabled
        twoFactorSecret = u.authentication.twoFactorSecret
        totpLastUsedStep = u.authentication.totpLastUsedStep
        recoveryCodes = u.authentication.recoveryCodes ?? []
        organizationId = u.organizationId
        principal = .customer(userId: u._id, organizationId: u.organizationId, role: u.role)
        grants = u.permissions
        ipAllowlist = []
        sessionTimeout = nil
    }

    init(_ a: AdminUser) {
        kind = .staff
        id = a._id
        email = a.email
        passwordHash = a.passwordHash
        loginAttempts = a.security.loginAttempts
        lockedUntil = a.security.lockedUntil
        inactiveReason = a.isActive ? nil : Self.deactivatedReason
        twoFactorEnabled = a.security.twoFactorEnabled
        twoFactorSecret = a.security.twoFactorSecret
        totpLastUsedStep = a.security.totpLastUsedStep
        recoveryCodes = a.security.recoveryCodes ?? []
        organizationId = nil
        principal = .staff(adminId: a._id, role: a.role)
        grants = a.permissions
        ipAllowlist = a.security.ipWhitelist
        sessionTimeout = TimeInterval(a.security.sessionTimeout * 60)
    }

    /// Looks an email up among customers, then staff. The email is only ever compared
    /// as a plain string, so operator-shaped input (`{"$ne": null}`) matches nothing.
    static func find(email: String, in store: any DocumentStore) throws -> AccountRecord? {
        if let user = try ModelCollection(store, User.self).first(.eq("email", email), includeDeleted: true) {
            return try customer(user, in: store)
        }
        if let staff = try ModelCollection(store, AdminUser.self).first(.eq("email", email)) {
            return AccountRecord(staff)
        }
        return nil
    }

    static func find(id: ObjectId, kind: Kind, in store: any DocumentStore) throws -> AccountRecord? {
        switch kind {
        case .customer: return try ModelCollection(store, User.self).get(id, includeDeleted: true).map { try customer($0, in: store) }
        case .staff: return try ModelCollection(store, AdminUser.self).get(id).map(AccountRecord.init)
        }
    }

    private static func customer(_ user: User, in store: any DocumentStore) throws -> AccountRecord {
        let deleted = try store.count(Organization.collection.rawValue, .id(user.organizationId) && .exists("deletedAt", true),
                                      includeDeleted: true) > 0
        return AccountRecord(user, organizationDeleted: deleted)
    }
}
