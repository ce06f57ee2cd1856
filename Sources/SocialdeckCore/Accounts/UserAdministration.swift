import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Managing customer accounts: `socialdeck user …` and the support pane. Every
/// command checks the permission matrix and the organization, and is audited.
public struct UserAdministration: Sendable {
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

    var users: ModelCollection<User> { ModelCollection(store) }

    public struct NewUser: Sendable {
        public var email: String
        public var password: String
        public var organizationSlug: String
        public var role: UserRole
        public var firstName: String
        public var lastName: String
        public var timezone: String

        public init(email: String, password: String, organizationSlug: String, role: UserRole,
                    firstName: String = "", lastName: String = "", timezone: String = "UTC") {
            self.email = email
            self.password = password
            self.organizationSlug = organizationSlug
            self.role = role
            self.firstName = firstName
            self.lastName = lastName
            self.timezone = timezone
        }
    }

    @discardableResult
    public func add(_ new: NewUser, by identity: Identity) throws -> User {
        let email = try AccountRules.normalizedEmail(new.email)
        guard let org = try ModelCollection(store, Organization.self).first(.eq("slug", new.organizationSlug) && AccessControl.scope(identity, organizationPath: "_id")) else {
            throw CoreError.notFound("organization '\(new.organizationSlug)'")
        }
        try AccessControl.authorize(identity, .manageUsers, organizationId: org._id)
        guard TimeZone(identifier: new.timezone) != nil else { throw CoreError.invalid("unknown time zone '\(new.timezone)'") }
        try AccountRules.checkNewPassword(new.password, email: email, policy: policy)
        let now = clock()
        try PlanLimits(store: store).check(.users, org._id, at: now)
        var user = User(_id: ObjectId(date: now), organizationId: org._id, email: email, passwordHash: try hasher.hash(new.password),
                        profile: User.Profile(firstName: new.firstName, lastName: new.lastName, timezone: new.timezone),
                        role: new.role, createdAt: now, updatedAt: now)
        user.preferences = User.Preferences()
        try AccountEmails.claim(email, for: .customer, id: user._id, in: store) { try users.insert(user) }
        try audit.record(.init(action: "user_created", targetType: .user, targetId: user._id, organizationId: org._id,
                               after: try users.encode(user)), by: identity)
        return user
    }

    /// Users the identity may see: its own organization for customers; for staff, one
    /// organization or all of them.
    public func list(organizationId: ObjectId? = nil, by identity: Identity) throws -> [User] {
        let target = organizationId ?? identity.organizationId
        try AccessControl.authorize(identity, identity.isStaff ? .viewCustomers : .manageUsers, organizationId: target)
        var filter = AccessControl.scope(identity)
        if let organizationId { filter = filter && .eq("organizationId", organizationId) }
        return try users.find(filter, sort: [.asc("email")])
    }

    /// Users with their organization's slug, optionally of the organization with `slug`.
    public func list(organizationSlug slug: String?, by identity: Identity) throws -> [(user: User, organization: String)] {
        let orgs = try ModelCollection(store, Organization.self).find(AccessControl.scope(identity, organizationPath: "_id"), includeDeleted: true)
        let slugs = Dictionary(orgs.map { ($0._id, $0.slug) }, uniquingKeysWith: { a, _ in a })
        var orgId: ObjectId?
        if let slug {
            guard let found = orgs.first(where: { $0.slug == slug }) else { throw CoreError.notFound("organization '\(slug)'") }
            orgId = found._id
        }
        return try list(organizationId: orgId, by: identity).map { ($0, slugs[$0.organizationId] ?? "?") }
    }

    /// A user the identity may act on; another organization's user is "not found".
    public func user(email: String, includeDeleted: Bool = false, by identity: Identity) throws -> User {
        let normalized = try AccountRules.normalizedEmail(email)
        guard let user = try users.first(.eq("email", normalized) && AccessControl.scope(identity), includeDeleted: includeDeleted) else {
            throw CoreError.notFound("user \(normalized)")
        }
        return user
    }

    public func setPassword(_ userId: ObjectId, to password: String, by identity: Identity) throws {
        let user = try target(userId, identity)
        if identity.actorId != userId { try AccessControl.authorize(identity, .manageUsers, organizationId: user.organizationId) }
        try AccountRules.checkNewPassword(password, email: user.email, policy: policy)
        try change(user, Update.set("passwordHash", try hasher.hash(password)), action: "password_changed", by: identity)
    }

    public func suspend(_ userId: ObjectId, reason: String, by identity: Identity) throws {
        let user = try target(userId, identity)
        try authorizeAny(identity, [.suspendUsers, .manageUsers], user.organizationId)
        guard identity.actorId != userId else { throw CoreError.invalid("you cannot suspend your own account") }
        try change(user, .set("authentication.isActive", false), action: "user_suspended", reason: reason, severity: .warning, by: identity)
    }

    public func activate(_ userId: ObjectId, reason: String? = nil, by identity: Identity) throws {
        let user = try target(userId, identity)
        try authorizeAny(identity, [.suspendUsers, .manageUsers], user.organizationId)
        try change(user, .set("authentication.isActive", true), action: "user_activated", reason: reason, by: identity)
    }

    public func unlock(_ userId: ObjectId, by identity: Identity) throws {
        let user = try target(userId, identity)
        try authorizeAny(identity, [.unlockAccounts, .manageUsers], user.organizationId)
        try change(user, Update.set("authentication.loginAttempts", 0).unset("authentication.lockedUntil"),
                   action: "account_unlocked", by: identity)
    }

    func target(_ userId: ObjectId, _ identity: Identity, includeDeleted: Bool = false) throws -> User {
        guard let user = try users.first(.id(userId) && AccessControl.scope(identity), includeDeleted: includeDeleted) else {
            throw CoreError.notFound("user \(userId.hex)")
        }
        return user
    }

    func authorizeAny(_ identity: Identity, _ actions: [Action], _ organizationId: ObjectId) throws {
        try AccessControl.authorize(identity, anyOf: actions, organizationId: organizationId)
    }

    /// Applies an update, then audits the account before and after (secrets removed).
    func change(_ user: User, _ update: Update, action: String, reason: String? = nil, severity: Severity = .info,
                by identity: Identity) throws {
        let now = clock()
        try store.updateOne(User.collection.rawValue, .id(user._id), update.set("updatedAt", now), includeDeleted: true)
        let after = try users.get(user._id, includeDeleted: true)
        try audit.record(.init(action: action, targetType: .user, targetId: user._id, organizationId: user.organizationId,
                               before: try users.encode(user), after: try after.map(users.encode), reason: reason,
                               severity: severity), by: identity)
    }
}
