import Foundation
import Synchronization
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// A clock the tests move by hand: lockouts, session timeouts and TOTP windows
/// without sleeping.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = date("2026-11-29T09:00:00Z")) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

    func set(_ date: Date) { current.withLock { $0 = date } }

    /// What the core's `clock:` parameters take.
    var closure: @Sendable () -> Date { { [self] in self.now } }
}

/// Where every test identity connects from, unless a test says otherwise.
let testContext = ConnectionContext(ipAddress: "198.51.100.7", userAgent: "xterm-256color")

/// The password every seeded account has.
let seedPassword = "correct horse battery staple"

/// A ready store, wrapped the way `StoreLocation.open()` wraps it, with the
/// account-layer services built on one test clock. Seeds accounts, posts and
/// organizations directly through `ModelCollection`.
final class AccountWorld: @unchecked Sendable {
    let backend: Backend
    let base: any DocumentStore
    let store: AppendOnlyStore
    let clock: TestClock
    let vault: SecretVault
    let sessions = SessionRegistry()

    init(_ backend: Backend = .sqlite, clock: TestClock = TestClock()) throws {
        self.backend = backend
        self.clock = clock
        base = try backend.makeStore()
        try SchemaMigrator.prepare(base, now: clock.now)
        store = AppendOnlyStore(base)
        vault = SecretVault(key: try SecretKey.generate())
    }

    deinit {
        // SQLite stores live in a temporary directory of their own.
        if backend == .sqlite {
            let dir = (base.location as NSString).deletingLastPathComponent
            if dir.contains("socialdeck-test-") { try? FileManager.default.removeItem(atPath: dir) }
        }
    }

    func authenticator(policy: AccountPolicy = AccountPolicy(), hasher: PasswordHasher = fastHasher) -> Authenticator {
        Authenticator(store: store, secrets: vault, sessions: sessions, policy: policy, hasher: hasher, clock: clock.closure)
    }

    func users(policy: AccountPolicy = AccountPolicy()) -> UserAdministration {
        UserAdministration(store: store, policy: policy, hasher: fastHasher, clock: clock.closure)
    }

    func staffAdmin(policy: AccountPolicy = AccountPolicy()) -> StaffAdministration {
        StaffAdministration(store: store, policy: policy, hasher: fastHasher, clock: clock.closure)
    }

    var workflow: ContentWorkflow { ContentWorkflow(store: store, clock: clock.closure) }
    var twoFactor: TwoFactorEnrollment { TwoFactorEnrollment(store: store, secrets: vault, clock: clock.closure) }
    var audit: AuditTrail { AuditTrail(store: store, clock: clock.closure) }

    // MARK: Seeding

    @discardableResult
    func organization(_ slug: String) throws -> Organization {
        var o = Organization()
        o._id = ObjectId()
        o.name = slug.capitalized
        o.slug = slug
        o.createdAt = clock.now
        o.updatedAt = clock.now
        try ModelCollection(store, Organization.self).insert(o)
        return o
    }

    @discardableResult
    func customer(_ email: String, in org: Organization, role: UserRole = .user, permissions: [String] = [],
                  password: String = seedPassword, hasher: PasswordHasher = fastHasher,
                  configure: (inout User) -> Void = { _ in }) throws -> User {
        var u = User(_id: ObjectId(), organizationId: org._id, email: email, passwordHash: try hasher.hash(password),
                     profile: User.Profile(firstName: "Test", lastName: role.rawValue), role: role, permissions: permissions,
                     createdAt: clock.now, updatedAt: clock.now)
        configure(&u)
        try ModelCollection(store, User.self).insert(u)
        return u
    }

    @discardableResult
    func staff(_ email: String, role: StaffRole, permissions: [String] = [], password: String = seedPassword,
               configure: (inout AdminUser) -> Void = { _ in }) throws -> AdminUser {
        var a = AdminUser()
        a._id = ObjectId()
        a.email = email
        a.passwordHash = try fastHasher.hash(password)
        a.role = role
        a.permissions = permissions
        a.createdAt = clock.now
        a.updatedAt = clock.now
        configure(&a)
        try ModelCollection(store, AdminUser.self).insert(a)
        return a
    }

    /// A pending post of `org`, by `author`, with the given platform entries.
    @discardableResult
    func post(in org: Organization, by author: User, title: String,
              platforms: [Content.PlatformPost]? = nil) throws -> Content {
        var c = Content()
        c._id = ObjectId()
        c.organizationId = org._id
        c.userId = author._id
        c.title = title
        c.content.text = "Text of \(title)"
        c.platforms = platforms ?? [
            Content.PlatformPost(platform: .facebook, status: .draft, scheduledAt: clock.now.addingTimeInterval(86_400)),
            Content.PlatformPost(platform: .linkedin, status: .draft, scheduledAt: nil),
        ]
        c.createdAt = clock.now
        c.updatedAt = clock.now
        try insertPosts([c], into: store, now: clock.now)
        return c
    }

    // MARK: Reading back

    func rawUser(_ id: ObjectId) throws -> Document {
        try #require(try store.findOne(CollectionName.users.rawValue, .id(id), includeDeleted: true))
    }

    func rawStaff(_ id: ObjectId) throws -> Document {
        try #require(try store.findOne(CollectionName.adminUsers.rawValue, .id(id)))
    }

    func rawPost(_ id: ObjectId) throws -> Document {
        try #require(try store.findOne(CollectionName.content.rawValue, .id(id)))
    }

    func storedUser(_ id: ObjectId) throws -> User {
        try #require(try ModelCollection(store, User.self).get(id, includeDeleted: true))
    }

    func storedStaff(_ id: ObjectId) throws -> AdminUser {
        try #require(try ModelCollection(store, AdminUser.self).get(id))
    }

    func storedPost(_ id: ObjectId) throws -> Content {
        try #require(try ModelCollection(store, Content.self).get(id))
    }

    /// Staff-log entries, oldest first, their personal parts opened.
    func adminLog() throws -> [AdminActivityLog] {
        try audit.opened(AdminActivityLog.self, rawAdminLog())
    }

    /// Customer-log entries, oldest first, their personal parts opened.
    func customerLog() throws -> [CustomerActivityLog] {
        try audit.opened(CustomerActivityLog.self, rawCustomerLog())
    }

    func rawAdminLog() throws -> [Document] {
        try store.find(CollectionName.adminActivityLogs.rawValue, sort: [.asc("timestamp"), .asc("_id")])
    }

    func rawCustomerLog() throws -> [Document] {
        try store.find(CollectionName.customerActivityLogs.rawValue, sort: [.asc("timestamp"), .asc("_id")])
    }
}

// MARK: Identities

func identity(of user: User, sessionId: String = "sess-customer", context: ConnectionContext = testContext) -> Identity {
    Identity(principal: .customer(userId: user._id, organizationId: user.organizationId, role: user.role),
             grants: user.permissions, sessionId: sessionId, context: context)
}

func identity(of admin: AdminUser, sessionId: String = "sess-staff", context: ConnectionContext = testContext) -> Identity {
    Identity(principal: .staff(adminId: admin._id, role: admin.role), grants: admin.permissions,
             sessionId: sessionId, context: context)
}

/// The secret-bearing field names no audit snapshot may contain.
let secretFieldNames = ["passwordHash", "twoFactorSecret", "recoveryCodes", "accessToken", "refreshToken"]

extension Error {
    /// True for `AccessDenied`, whatever the action and reason.
    var isAccessDenied: Bool { self is AccessDenied }
}

// MARK: Expecting errors by kind

enum CoreErrorKind: String { case notFound, conflict, invalid }

extension CoreError {
    var kind: CoreErrorKind {
        switch self {
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .invalid: return .invalid
        }
    }
}

/// Expects `body` to throw a `CoreError` of `kind` (any message).
func expectCoreError<T>(_ kind: CoreErrorKind, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                        _ body: () throws -> T) {
    do {
        _ = try body()
        Issue.record("expected CoreError.\(kind.rawValue), nothing was thrown \(comment.map { "(\($0))" } ?? "")",
                     sourceLocation: sourceLocation)
    } catch let error as CoreError {
        #expect(error.kind == kind, "expected CoreError.\(kind.rawValue), got \(error) \(comment.map { "(\($0))" } ?? "")",
                sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected CoreError.\(kind.rawValue), got \(type(of: error)): \(error) \(comment.map { "(\($0))" } ?? "")",
                     sourceLocation: sourceLocation)
    }
}

/// Expects `body` to throw `AccessDenied` (for `action`, when given).
func expectDenied<T>(_ action: Action? = nil, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: () throws -> T) {
    do {
        _ = try body()
        Issue.record("expected AccessDenied, nothing was thrown \(comment.map { "(\($0))" } ?? "")", sourceLocation: sourceLocation)
    } catch let error as AccessDenied {
        if let action {
            #expect(error.action == action, "denied for \(error.action), expected \(action)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected AccessDenied, got \(type(of: error)): \(error) \(comment.map { "(\($0))" } ?? "")",
                     sourceLocation: sourceLocation)
    }
}

/// Expects a sign-in to fail with exactly `expected` (for `.invalidInput`, any message).
func expectSignIn<T>(_ expected: SignInError, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: () throws -> T) {
    do {
        _ = try body()
        Issue.record("expected SignInError.\(expected), but the sign-in succeeded \(comment.map { "(\($0))" } ?? "")",
                     sourceLocation: sourceLocation)
    } catch let error as SignInError {
        switch (expected, error) {
        case (.invalidInput, .invalidInput): break
        default:
            #expect(error == expected, "\(comment.map { "(\($0)) " } ?? "")", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected SignInError.\(expected), got \(type(of: error)): \(error) \(comment.map { "(\($0))" } ?? "")",
                     sourceLocation: sourceLocation)
    }
}
