import Foundation
import SocialdeckModel
import SocialdeckStorage

/// A customer account's role, its second factor, and taking it away and back (a soft
/// delete). Staff with `users.manage`, or the organization's own admin. An organization keeps at least one
/// active admin: the last one can be neither demoted nor deleted.
extension UserAdministration {
    public func changeRole(_ userId: ObjectId, to role: UserRole, reason: String? = nil, by identity: Identity) throws {
        let user = try target(userId, identity)
        try AccessControl.authorize(identity, .manageUsers, organizationId: user.organizationId)
        guard user.role != role else { throw CoreError.invalid("\(user.email) is \(role.rawValue) already") }
        guard identity.actorId != userId else { throw CoreError.invalid("you cannot change your own role") }
        if user.role == .admin { try keepAnAdmin(besides: user) }
        try change(user, .set("role", role), action: "user_role_changed", reason: reason, severity: .warning, by: identity)
    }

    public func delete(_ userId: ObjectId, reason: String, by identity: Identity) throws {
        let user = try target(userId, identity)
        try AccessControl.authorize(identity, .manageUsers, organizationId: user.organizationId)
        guard user.deletedAt == nil else { throw CoreError.invalid("\(user.email) is deleted already") }
        guard identity.actorId != userId else { throw CoreError.invalid("you cannot delete your own account") }
        if user.role == .admin { try keepAnAdmin(besides: user) }
        try change(user, .set("deletedAt", clock()), action: "user_deleted", reason: reason, severity: .warning, by: identity)
    }

    public func restore(_ userId: ObjectId, reason: String? = nil, by identity: Identity) throws {
        let user = try target(userId, identity, includeDeleted: true)
        try AccessControl.authorize(identity, .manageUsers, organizationId: user.organizationId)
        guard user.deletedAt != nil else { throw CoreError.invalid("\(user.email) is not deleted") }
        guard !user.isErased else { throw CoreError.invalid("this account was erased; it cannot be restored") }
        try change(user, .unset("deletedAt"), action: "user_restored", reason: reason, by: identity)
    }

    /// Turns a customer's second factor off (a lost phone, no recovery code left): they
    /// sign in with the password alone and can enrol again. Support may do it.
    public func resetTwoFactor(_ userId: ObjectId, reason: String? = nil, by identity: Identity) throws {
        let user = try target(userId, identity)
        try authorizeAny(identity, [.unlockAccounts, .manageUsers], user.organizationId)
        guard user.authentication.twoFactorEnabled else { throw CoreError.invalid("\(user.email) has no second factor to reset") }
        try change(user, TwoFactorEnrollment.disabling { "authentication.\($0)" }, action: "two_factor_reset", reason: reason,
                   severity: .critical, by: identity)
    }

    /// How many active admins the user's organization has besides them: the check that
    /// keeps every organization one, shared by demotion, deletion and erasure.
    static func otherActiveAdmins(besides user: User, in store: any DocumentStore) throws -> Int {
        try store.count(User.collection.rawValue, .eq("organizationId", user.organizationId) && .eq("role", UserRole.admin)
                            && .eq("authentication.isActive", true) && .ne("_id", user._id))
    }

    private func keepAnAdmin(besides user: User) throws {
        guard try Self.otherActiveAdmins(besides: user, in: store) > 0 else {
            throw CoreError.conflict("\(user.email) is the organization's only active admin; make another admin first")
        }
    }
}
