import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Managing platform staff: `socialdeck staff …`. Audited like every staff mutation.
public struct StaffAdministration: Sendable {
    let store: any DocumentStore
    let policy: AccountPolicy
    let hasher: PasswordHasher
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, policy: AccountPolicy = AccountPolicy(), hasher: PasswordHasher = PasswordHasher(),
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.policy = policy
        self.hasher = hasher
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    var staff: ModelCollection<AdminUser> { ModelCollection(store) }

    /// True on a store with no staff account yet, when the first run offers to create one.
    public func isEmpty() throws -> Bool { try staff.count() == 0 }

    /// The email as `add` stores it, or why it is refused: for asking again at once,
    /// before anything else is asked.
    public static func checkedEmail(_ raw: String) throws -> String { try AccountRules.normalizedEmail(raw) }

    /// Throws why `add` would refuse `password` for `email`.
    public func checkNewPassword(_ password: String, email: String) throws {
        try AccountRules.checkNewPassword(password, email: email, policy: policy)
    }

    @discardableResult
    public func add(email rawEmail: String, password: String, role: StaffRole, firstName: String = "", lastName: String = "",
                    by identity: Identity) throws -> AdminUser {
        try AccessControl.authorize(identity, .manageStaff, organizationId: nil)
        let email = try AccountRules.normalizedEmail(rawEmail)
        try AccountRules.checkNewPassword(password, email: email, policy: policy)
        let now = clock()
        var a = AdminUser()
        a._id = ObjectId(date: now)
        a.email = email
        a.passwordHash = try hasher.hash(password)
        a.role = role
        a.profile.firstName = firstName
        a.profile.lastName = lastName
        a.createdAt = now
        a.updatedAt = now
        try AccountEmails.claim(email, for: .staff, id: a._id, in: store) { try staff.insert(a) }
        try audit.record(.init(action: "staff_created", targetType: .adminUser, targetId: a._id, after: try staff.encode(a),
                               severity: role == .superAdmin ? .critical : .warning), by: identity)
        return a
    }

    public func list(by identity: Identity) throws -> [AdminUser] {
        guard identity.isStaff else { throw AccessDenied(action: .manageStaff, reason: "staff accounts are for staff") }
        return try staff.find(sort: [.asc("email")])
    }

    public func member(email: String, by identity: Identity) throws -> AdminUser {
        guard identity.isStaff else { throw AccessDenied(action: .manageStaff, reason: "staff accounts are for staff") }
        let normalized = try AccountRules.normalizedEmail(email)
        guard let a = try staff.first(.eq("email", normalized)) else { throw CoreError.notFound("staff account \(normalized)") }
        return a
    }

    public func setPassword(_ id: ObjectId, to password: String, by identity: Identity) throws {
        if identity.actorId != id { try AccessControl.authorize(identity, .manageStaff, organizationId: nil) }
        let a = try target(id)
        try AccountRules.checkNewPassword(password, email: a.email, policy: policy)
        try change(a, .set("passwordHash", try hasher.hash(password)), action: "staff_password_changed", by: identity)
    }

    public func unlock(_ id: ObjectId, by identity: Identity) throws {
        try AccessControl.authorize(identity, .unlockAccounts, organizationId: nil)
        let a = try target(id)
        try change(a, Update.set("security.loginAttempts", 0).unset("security.lockedUntil"), action: "staff_unlocked", by: identity)
    }

    public func setActive(_ id: ObjectId, _ active: Bool, reason: String?, by identity: Identity) throws {
        try AccessControl.authorize(identity, .manageStaff, organizationId: nil)
        let a = try target(id)
        try change(a, .set("isActive", active), action: active ? "staff_activated" : "staff_deactivated", reason: reason,
                   severity: .warning, by: identity)
    }

    /// Replaces the addresses (or CIDR ranges) the account may sign in from; empty allows any.
    public func setAllowedAddresses(_ id: ObjectId, _ entries: [String], by identity: Identity) throws {
        try AccessControl.authorize(identity, .manageStaff, organizationId: nil)
        let a = try target(id)
        if let bad = entries.first(where: { !IPAllowlist.isValid($0) }) {
            throw CoreError.invalid("'\(SafeText.escapingControls(bad))' is not an IP address or CIDR range")
        }
        try change(a, .set("security.ipWhitelist", BSONValue.array(entries.map(BSONValue.string))), action: "staff_ip_allowlist_changed",
                   severity: .warning, by: identity)
    }

    func target(_ id: ObjectId) throws -> AdminUser {
        guard let a = try staff.get(id) else { throw CoreError.notFound("staff account \(id.hex)") }
        return a
    }

    func change(_ a: AdminUser, _ update: Update, action: String, reason: String? = nil, severity: Severity = .info,
                by identity: Identity) throws {
        try store.updateOne(AdminUser.collection.rawValue, .id(a._id), update.set("updatedAt", clock()))
        let after = try staff.get(a._id)
        try audit.record(.init(action: action, targetType: .adminUser, targetId: a._id, before: try staff.encode(a),
                               after: try after.map(staff.encode), reason: reason, severity: severity), by: identity)
    }
}
