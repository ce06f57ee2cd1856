import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Inviting people into an organization (`socialdeck invitations …`, `:invite` in the
/// dashboard): whoever may manage the organization's users names an email and a role;
/// the person is emailed a one-time code and accepts it by choosing a password, which
/// makes their account. The code is the only credential acceptance needs, so it is long
/// (32 symbols, about 158 bits), kept only as a hash, valid for a week and used once.
/// An invitation counts as a seat of the plan until it is accepted, revoked or expired.
///
/// The invitee's address in the audit trail is personal data of someone who has no
/// account yet, so those entries are sealed with a personal key under the invitation's
/// id, and the account made from it takes that id: erasing the person destroys the key
/// with their own.
public struct Invitations: Sendable {
    let store: any DocumentStore
    /// Seals the code for the outbox; accepting does not need it.
    let vault: SecretVault?
    let policy: AccountPolicy
    let hasher: PasswordHasher
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public static let lifetime: TimeInterval = 7 * 86_400
    static let codeSymbols = 32

    public init(store: any DocumentStore, vault: SecretVault? = nil, policy: AccountPolicy = AccountPolicy(),
                hasher: PasswordHasher = PasswordHasher(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.vault = vault
        self.policy = policy
        self.hasher = hasher
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    var invitations: ModelCollection<Invitation> { ModelCollection(store) }

    /// A new invitation and its code. The code goes out by email (the outbox sends it);
    /// `code` is returned for an operator without email who hands it over in person.
    @discardableResult
    public func invite(_ rawEmail: String, role: UserRole, to organizationId: ObjectId, by identity: Identity) throws -> (invitation: Invitation, code: String) {
        try AccessControl.authorize(identity, .manageUsers, organizationId: organizationId)
        guard let vault else { throw CoreError.invalid("inviting needs the store's secret key, to seal the code until it is emailed") }
        guard let org = try ModelCollection(store, Organization.self).first(.id(organizationId) && AccessControl.scope(identity, organizationPath: "_id")) else {
            throw CoreError.notFound("organization \(organizationId.hex)")
        }
        let email = try AccountRules.normalizedEmail(rawEmail)
        try OrganizationSettings.checkDomain(email, allowed: org.settings.allowedDomains)
        guard try !AccountEmails.isInUse(email, in: store) else { throw CoreError.conflict("\(email) has an account already") }
        let now = clock()
        if let open = try invitations.first(.eq("organizationId", organizationId) && .eq("email", email) && Self.open(at: now)) {
            throw CoreError.conflict("\(email) was invited on \(Self.day(open.createdAt)) already; revoke that invitation to send a new one")
        }
        try PlanLimits(store: store).check(.users, organizationId, at: now)
        let code = RecoveryCodes.format(try RecoveryCodes.randomSymbols(Self.codeSymbols))
        var invitation = Invitation()
        invitation._id = ObjectId(date: now)
        invitation.organizationId = organizationId
        invitation.email = email
        invitation.role = role
        invitation.invitedBy = identity.actorId
        invitation.codeHash = Self.hash(code)
        invitation.sealedCode = try vault.seal(code, associatedData: Self.context(invitation._id))
        var delivery = UserNotification.EmailDelivery()
        delivery.to = email
        delivery.nextAttemptAt = now
        invitation.delivery = delivery
        invitation.createdAt = now
        invitation.expiresAt = now.addingTimeInterval(Self.lifetime)
        try invitations.insert(invitation)
        try audit.record(.init(action: "user_invited", targetType: .organization, targetId: organizationId, organizationId: organizationId,
                               after: Document([.init("email", .string(email)), .init("role", .string(role.rawValue)),
                                                .init("expiresAt", invitation.expiresAt.bsonValue)]), subject: invitation._id), by: identity)
        return (invitation, code)
    }

    /// The organization's invitations, newest first, with accepted, revoked and expired ones
    /// from the last 30 days.
    public func list(_ organizationId: ObjectId, by identity: Identity) throws -> [Invitation] {
        try AccessControl.authorize(identity, .manageUsers, organizationId: organizationId)
        let recent = clock().addingTimeInterval(-30 * 86_400)
        return try invitations.find(.eq("organizationId", organizationId) && AccessControl.scope(identity) && .gte("createdAt", recent),
                                    sort: [.desc("createdAt")], limit: 200)
    }

    /// Takes back a pending invitation: its code stops working and its email, if unsent, is not sent.
    public func revoke(_ invitationId: ObjectId, by identity: Identity) throws {
        guard let invitation = try invitations.first(.id(invitationId) && AccessControl.scope(identity)) else {
            throw CoreError.notFound("invitation \(invitationId.hex)")
        }
        try AccessControl.authorize(identity, .manageUsers, organizationId: invitation.organizationId)
        let now = clock()
        guard invitation.state(at: now) == .pending else { throw CoreError.invalid("the invitation of \(invitation.email) is \(invitation.state(at: now).rawValue)") }
        let update = Update.set("revokedAt", now).unset("sealedCode")
        guard try store.updateOne(Invitation.collection.rawValue, .id(invitationId) && Self.unsettled, update) == 1 else {
            throw CoreError.conflict("the invitation of \(invitation.email) was accepted or revoked meanwhile")
        }
        try withdrawUnsentEmail(invitationId)
        try audit.record(.init(action: "invitation_revoked", targetType: .organization, targetId: invitation.organizationId,
                               organizationId: invitation.organizationId,
                               before: Document([.init("email", .string(invitation.email)), .init("role", .string(invitation.role.rawValue))]),
                               subject: invitation._id), by: identity)
    }

    /// Accepts an invitation with its code: the account is made with `password` and the
    /// invitation is used up. Any other outcome says the code does not work, without
    /// saying whether it was wrong, used, revoked or expired, except to the one who holds
    /// a code that was once valid (it names the state then).
    @discardableResult
    public func accept(code: String, password: String, firstName: String = "", lastName: String = "", timezone: String = "UTC",
                       context: ConnectionContext) throws -> User {
        guard let normalized = Self.normalize(code),
              let invitation = try invitations.first(.eq("codeHash", Self.hash(normalized))) else {
            throw CoreError.invalid("that invitation code does not work; check it against the email, or ask for a new invitation")
        }
        let now = clock()
        let state = invitation.state(at: now)
        guard state == .pending else { throw CoreError.invalid("that invitation was \(state.rawValue); ask your admin for a new one") }
        guard try ModelCollection(store, Organization.self).get(invitation.organizationId) != nil else {
            throw CoreError.invalid("the organization of that invitation no longer exists")
        }
        guard TimeZone(identifier: timezone) != nil else { throw CoreError.invalid("unknown time zone '\(timezone)'") }
        try AccountRules.checkNewPassword(password, email: invitation.email, policy: policy)
        let hash = try hasher.hash(password)
        let claim = Filter.id(invitation._id) && Self.unsettled
        var user = User(_id: invitation._id, organizationId: invitation.organizationId, email: invitation.email, passwordHash: hash,
                        profile: User.Profile(firstName: firstName, lastName: lastName, timezone: timezone),
                        role: invitation.role, createdAt: now, updatedAt: now)
        user.preferences = User.Preferences()
        user.authentication.emailVerified = true
        guard try store.updateOne(Invitation.collection.rawValue, claim, Update.set("acceptedAt", now).set("userId", user._id).unset("sealedCode")) == 1 else {
            throw CoreError.conflict("that invitation was used meanwhile")
        }
        try withdrawUnsentEmail(invitation._id)
        do {
            try AccountEmails.claim(invitation.email, for: .customer, id: user._id, in: store) { try ModelCollection<User>(store).insert(user) }
        } catch {
            _ = try store.updateOne(Invitation.collection.rawValue, .id(invitation._id), Update.unset("acceptedAt").unset("userId"))
            throw error
        }
        let identity = Identity(principal: .customer(userId: user._id, organizationId: user.organizationId, role: user.role),
                                sessionId: "invitation-\(invitation._id.hex)", context: context)
        try audit.record(.init(action: "invitation_accepted", targetType: .user, targetId: user._id, organizationId: user.organizationId,
                               after: try ModelCollection<User>(store).encode(user), info: Document([.init("invitedBy", invitation.invitedBy.map { .objectId($0) } ?? .null)])),
                         by: identity)
        return user
    }

    /// An email not sent yet is not needed once its invitation is used or taken back.
    private func withdrawUnsentEmail(_ id: ObjectId) throws {
        _ = try store.updateOne(Invitation.collection.rawValue, .id(id) && .eq("delivery.state", UserNotification.EmailDelivery.State.pending),
                                Update.set("delivery.state", UserNotification.EmailDelivery.State.withdrawn))
    }

    /// Neither accepted nor revoked.
    static let unsettled: Filter = .isNull("acceptedAt") && .isNull("revokedAt")

    /// Pending at `now`: an open invitation, which holds a seat of the plan (`Invitation.State.pending`).
    static func open(at now: Date) -> Filter { unsettled && .gt("expiresAt", now) }

    // MARK: The code

    /// The code's 32 symbols without dashes or spaces, lower case; nil when it cannot be one.
    static func normalize(_ code: String) -> String? {
        guard code.utf8.count <= 128 else { return nil }
        let symbols = code.lowercased().filter { $0 != "-" && $0 != " " }
        guard symbols.count == codeSymbols, symbols.allSatisfy(RecoveryCodes.alphabet.contains) else { return nil }
        return symbols
    }

    static func hash(_ code: String) -> String {
        CryptoSupport.hex(CryptoSupport.sha256(Array((normalize(code) ?? code).utf8)))
    }

    static func context(_ id: ObjectId) -> String { "invitation:\(id.hex)" }

    static func day(_ date: Date) -> String { String(ISODate.string(from: date).prefix(10)) }
}
