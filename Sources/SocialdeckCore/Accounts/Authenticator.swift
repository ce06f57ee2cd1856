import Foundation
import SocialdeckModel
import SocialdeckStorage

/// Sign-in failures as the person sees them. Wrong password, unknown email, locked,
/// suspended and address-refused accounts all read the same; the audit trail records
/// which it was.
public enum SignInError: Error, Equatable, CustomStringConvertible {
    case refused
    /// The password was right and the account has two-factor sign-in: ask for a code.
    case codeRequired(recoveryCodesLeft: Int)
    case invalidInput(String)

    public var description: String {
        switch self {
        case .refused: return "sign-in refused: check the email and password, or try again later"
        case .codeRequired: return "enter the 6-digit code from your authenticator app, or a recovery code"
        case .invalidInput(let s): return s
        }
    }
}

/// Checks credentials, counts failures, locks and unlocks, verifies two-factor
/// codes, and opens sessions.
public struct Authenticator: Sendable {
    let store: any DocumentStore
    let policy: AccountPolicy
    let hasher: PasswordHasher
    let secrets: SecretVault
    let sessions: SessionRegistry
    let audit: AuditTrail
    let clock: @Sendable () -> Date

    public init(store: any DocumentStore, secrets: SecretVault, sessions: SessionRegistry, policy: AccountPolicy = AccountPolicy(),
                hasher: PasswordHasher = PasswordHasher(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.policy = policy
        self.hasher = hasher
        self.secrets = secrets
        self.sessions = sessions
        self.audit = AuditTrail(store: store, clock: clock)
        self.clock = clock
    }

    /// A hash of a random password, checked when the email is unknown so that an unknown
    /// email takes as long to refuse as a wrong password.
    private static let decoyHash: String = (try? PasswordHasher().hash(UUID().uuidString + UUID().uuidString)) ?? ""

    public func signIn(email rawEmail: String, password: String, code: String? = nil,
                       context: ConnectionContext) throws -> Session {
        let email = rawEmail.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !email.isEmpty, email.utf8.count <= 254, !email.utf8.contains(0) else {
            throw SignInError.invalidInput("enter a valid email address")
        }
        guard !password.isEmpty, password.utf8.count <= PasswordHasher.maximumPasswordBytes else {
            throw SignInError.invalidInput("passwords are 1 to \(PasswordHasher.maximumPasswordBytes) bytes long")
        }
        let now = clock()
        guard var account = try AccountRecord.find(email: email, in: store) else {
            _ = try? hasher.verify(password, against: Self.decoyHash)
            try refuse(nil, "login_failed", "unknown email", context, info: ["email": .string(email)])
        }
        if let inactive = account.inactiveReason {
            _ = try? hasher.verify(password, against: Self.decoyHash)
            try refuse(account, "login_refused", inactive, context)
        }
        if let until = account.lockedUntil {
            if until > now {
                _ = try? hasher.verify(password, against: Self.decoyHash)
                try refuse(account, "login_refused", "account locked until \(ISODate.string(from: until))", context)
            }
            // The lock has run out: the count starts again, so one more mistake does not lock it at once.
            try store.updateOne(account.collection, .id(account.id) && .eq(account.path("lockedUntil"), until),
                                Update.set(account.path("loginAttempts"), 0).unset(account.path("lockedUntil")), includeDeleted: true)
            account = try AccountRecord.find(id: account.id, kind: account.kind, in: store) ?? account
        }
        if !account.ipAllowlist.isEmpty && !IPAllowlist(account.ipAllowlist).allows(context.ipAddress) {
            _ = try? hasher.verify(password, against: Self.decoyHash)
            try refuse(account, "login_refused", "address \(context.ipAddress) is not on the account's allowlist", context, severity: .critical)
        }
        guard let stored = account.passwordHash, (try? hasher.verify(password, against: stored)) == true else {
            try recordFailure(account, reason: "wrong password", context: context, now: now)
        }
        var recoveryCodesLeft: Int?
        var usedRecoveryCode = false
        if account.twoFactorEnabled {
            guard let code, !code.isEmpty else { throw SignInError.codeRequired(recoveryCodesLeft: account.recoveryCodes.count) }
            let accepted: SecondFactor?
            do {
                accepted = try acceptSecondFactor(code, account: account, now: now)
            } catch let error as SecretBoxError {
                try? record(account, "two_factor_secret_unreadable", String(describing: error), context, severity: .critical)
                accepted = nil
            }
            switch accepted {
            case nil: try recordFailure(account, reason: "wrong or reused two-factor code", context: context, now: now)
            case .totp: recoveryCodesLeft = account.recoveryCodes.count
            case .recoveryCode(let left):
                recoveryCodesLeft = left
                usedRecoveryCode = true
                try? record(account, "recovery_code_used", "\(left) recovery codes left", context, severity: .warning)
            }
        }
        var update = Update.set(account.path("loginAttempts"), 0).set(account.path("lastLogin"), now)
            .unset(account.path("lockedUntil"))
        let hash = hasher.needsRehash(stored) ? try hasher.hash(password) : stored
        if hash != stored { update = update.set("passwordHash", hash) }
        try store.updateOne(account.collection, .id(account.id), update, includeDeleted: true)
        let id = try SessionIdentifier.make()
        let session = Session(id: id, identity: Identity(principal: account.principal, grants: account.grants, sessionId: id, context: context),
                              startedAt: now, lastActivity: now, timeout: account.sessionTimeout ?? policy.customerSessionTimeout,
                              account: AccountStamp(account, passwordHash: hash), recoveryCodesLeft: recoveryCodesLeft, usedRecoveryCode: usedRecoveryCode)
        sessions.add(session)
        try audit.record(.init(action: "login_succeeded", targetType: account.kind == .staff ? .adminUser : .user,
                               targetId: account.id, organizationId: account.organizationId), by: session.identity)
        return session
    }

    /// Counts a failure atomically (racing failures all count), locks the account at
    /// the limit, records both, and throws the generic refusal.
    private func recordFailure(_ account: AccountRecord, reason: String, context: ConnectionContext, now: Date) throws -> Never {
        let after = try store.findOneAndUpdate(account.collection, .id(account.id), sort: [],
                                               .inc(account.path("loginAttempts"), 1), returnUpdated: true)
        let attempts = Int(after?.value(at: account.path("loginAttempts"))?.int64Value ?? 0)
        try? record(account, "login_failed", reason, context, severity: .warning, info: ["attempts": .int64(Int64(attempts))])
        if attempts >= policy.maxFailedAttempts {
            let until = now.addingTimeInterval(policy.lockoutDuration)
            try store.updateOne(account.collection, .id(account.id), .set(account.path("lockedUntil"), until), includeDeleted: true)
            try? record(account, "account_locked", "\(attempts) failed sign-ins in a row", context, severity: .critical,
                        info: ["lockedUntil": .date(until)])
        }
        throw SignInError.refused
    }

    private func refuse(_ account: AccountRecord?, _ action: String, _ reason: String, _ context: ConnectionContext,
                        severity: Severity = .warning, info: Document = Document()) throws -> Never {
        if let account {
            try? record(account, action, reason, context, severity: severity, info: info)
        } else {
            try? audit.recordAnonymous(.init(action: action, targetType: .user, targetId: nil, reason: reason,
                                             severity: severity, info: info), userId: nil, context: context, staff: true)
        }
        throw SignInError.refused
    }

    private func record(_ account: AccountRecord, _ action: String, _ reason: String, _ context: ConnectionContext,
                        severity: Severity, info: Document = Document()) throws {
        try audit.recordAnonymous(.init(action: action, targetType: account.kind == .staff ? .adminUser : .user,
                                        targetId: account.id, organizationId: account.organizationId, reason: reason,
                                        severity: severity, info: info.isEmpty ? nil : info),
                                  userId: account.id, context: context, staff: account.kind == .staff)
    }

    private enum SecondFactor { case totp, recoveryCode(left: Int) }

    /// A TOTP code (each time step usable once, claimed atomically) or a recovery code
    /// (used up); nil when neither is accepted.
    private func acceptSecondFactor(_ code: String, account: AccountRecord, now: Date) throws -> SecondFactor? {
        let digits = code.filter { !$0.isWhitespace }
        if digits.count == 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
            guard let sealed = account.twoFactorSecret else { return nil }
            let secret = try secrets.open(sealed, associatedData: SecretVault.totpContext(account.id))
            guard let step = try TOTP().verify(code: digits, secret: secret, at: now, lastUsedStep: account.totpLastUsedStep) else {
                return nil
            }
            let path = account.path("totpLastUsedStep")
            let claim = Filter.id(account.id) && (.isNull(path) || .lt(path, step))
            return try store.findOneAndUpdate(account.collection, claim, sort: [], .set(path, step), returnUpdated: true) != nil ? .totp : nil
        }
        guard let remaining = RecoveryCodes.consume(code, hashes: account.recoveryCodes) else { return nil }
        let path = account.path("recoveryCodes")
        let claim = Filter.id(account.id) && .compare(path, .eq, .array(account.recoveryCodes.map(BSONValue.string)))
        let spent = try store.findOneAndUpdate(account.collection, claim, sort: [],
                                               .set(path, BSONValue.array(remaining.map(BSONValue.string))), returnUpdated: true) != nil
        return spent ? .recoveryCode(left: remaining.count) : nil
    }
}

enum SessionIdentifier {
    /// 128 bits from OpenSSL's generator, hex.
    static func make() throws -> String { CryptoSupport.hex(try CryptoSupport.randomBytes(16)) }
}
