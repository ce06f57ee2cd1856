import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Turning two-factor sign-in on and off. Enrolling shows the secret, its
/// `otpauth://` URI and a QR code, and asks for one valid code before enabling;
/// the secret is stored sealed, the recovery codes only as hashes.
public struct TwoFactorEnrollment: Sendable {
    public struct Pending: Sendable {
        public let accountId: ObjectId
        public let secret: String
        public let uri: String
        public let qr: QRMatrix
    }

    let store: any DocumentStore
    let secrets: SecretVault
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, secrets: SecretVault, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.secrets = secrets
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    /// Starts enrolling the account with this email (a customer in scope, or staff).
    public func begin(email: String, by identity: Identity) throws -> Pending {
        let account = try self.account(email: email, by: identity)
        let secret = try TOTP.generateSecret()
        let uri = TOTP().provisioningURI(secret: secret, account: account.email, issuer: "socialdeck")
        return Pending(accountId: account.id, secret: secret, uri: uri, qr: try QRCode.encode(uri))
    }

    /// Enables two-factor sign-in once `code` proves the authenticator has the secret.
    /// Returns the recovery codes, shown once.
    public func confirm(_ pending: Pending, code: String, by identity: Identity) throws -> [String] {
        guard let account = try AccountRecord.find(id: pending.accountId, kind: .customer, in: store)
                ?? AccountRecord.find(id: pending.accountId, kind: .staff, in: store) else {
            throw CoreError.notFound("account")
        }
        try authorize(account, identity)
        guard let step = try TOTP().verify(code: code, secret: pending.secret, at: clock(), lastUsedStep: nil) else {
            throw CoreError.invalid("that code does not match; check the authenticator's clock and try the next code")
        }
        let recovery = try RecoveryCodes.generate()
        let update = Update.set(account.path("twoFactorEnabled"), true)
            .set(account.path("twoFactorSecret"), try secrets.seal(pending.secret, associatedData: SecretVault.totpContext(account.id)))
            .set(account.path("totpLastUsedStep"), step)
            .set(account.path("recoveryCodes"), BSONValue.array(recovery.hashes.map(BSONValue.string)))
        try store.updateOne(account.collection, .id(account.id), update, includeDeleted: true)
        try audit.record(.init(action: "two_factor_enabled", targetType: account.kind == .staff ? .adminUser : .user,
                               targetId: account.id, organizationId: account.organizationId, severity: .warning), by: identity)
        return recovery.codes
    }

    public func disable(email: String, by identity: Identity) throws {
        let account = try self.account(email: email, by: identity)
        try store.updateOne(account.collection, .id(account.id), Self.disabling(account.path), includeDeleted: true)
        try audit.record(.init(action: "two_factor_disabled", targetType: account.kind == .staff ? .adminUser : .user,
                               targetId: account.id, organizationId: account.organizationId, severity: .critical), by: identity)
    }

    /// The update that turns the second factor off: its secret, last step and recovery codes go.
    static func disabling(_ path: (String) -> String) -> Update {
        Update.set(path("twoFactorEnabled"), false).unset(path("twoFactorSecret")).unset(path("totpLastUsedStep")).unset(path("recoveryCodes"))
    }

    private func account(email: String, by identity: Identity) throws -> AccountRecord {
        let normalized = try AccountRules.normalizedEmail(email)
        guard let account = try AccountRecord.find(email: normalized, in: store),
              identity.organizationId == nil || account.organizationId == identity.organizationId else {
            throw CoreError.notFound("account \(normalized)")
        }
        try authorize(account, identity)
        return account
    }

    /// People manage their own second factor; otherwise it takes managing users (or staff).
    private func authorize(_ account: AccountRecord, _ identity: Identity) throws {
        guard identity.actorId != account.id else { return }
        switch account.kind {
        case .customer: try AccessControl.authorize(identity, .manageUsers, organizationId: account.organizationId)
        case .staff: try AccessControl.authorize(identity, .manageStaff, organizationId: nil)
        }
    }
}
