import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The audit trail: staff mutations in `admin_activity_logs` with secret-free
/// snapshots and connection metadata, customers' events in their organization's
/// `customer_activity_logs`, both append-only, each readable only by who may.
@Suite("Audit trail")
struct AuditTrailTests {
    static let sshEnvironment = ["SSH_CONNECTION": "203.0.113.9 51234 10.0.0.1 22", "TERM": "xterm-256color"]

    /// Secret values planted in the accounts, none of which may reach a log.
    static let accessToken = "EAAG-live-access-token-0123456789"
    static let refreshToken = "refresh-token-9876543210-live"
    static let plantedRecoveryHash = "$sha256$c2FsdHNhbHRzYWx0c2FsdA$0000000000000000000000000000000000000000000"

    /// Checks an entry's raw document: no secret field name and no secret value anywhere.
    static func expectNoSecrets(_ entry: Document, values: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let json = ExtendedJSON.string(from: entry)
        for name in secretFieldNames {
            #expect(!json.contains("\"\(name)\""), "field \(name) in \(json)", sourceLocation: sourceLocation)
        }
        for value in values where !value.isEmpty {
            #expect(!json.contains(value), "secret value in \(json)", sourceLocation: sourceLocation)
        }
    }

    /// A customer with every kind of secret filled in.
    static func customerWithSecrets(_ w: AccountWorld, _ email: String, in org: Organization) throws -> User {
        let id = ObjectId()
        let sealed = try w.vault.seal("JBSWY3DPEHPK3PXP", associatedData: "totp:\(id.hex)")
        return try w.customer(email, in: org) {
            $0._id = id
            $0.authentication.twoFactorEnabled = true
            $0.authentication.twoFactorSecret = sealed
            $0.authentication.totpLastUsedStep = 1_000
            $0.authentication.recoveryCodes = [plantedRecoveryHash]
            $0.socialAccounts = [User.SocialAccount(platform: .facebook, accountId: "fb-1", accountName: "Acme",
                                                    accessToken: accessToken, refreshToken: refreshToken,
                                                    connectedAt: w.clock.now)]
        }
    }

    static func secretValues(_ u: User) -> [String] {
        [u.passwordHash, u.authentication.twoFactorSecret, accessToken, refreshToken, plantedRecoveryHash].compactMap { $0 }
    }

    @Test(arguments: Backend.enabled)
    func staffMutationsAreAuditedWithoutSecrets(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let boss = try w.staff("boss@socialdeck.test", role: .superAdmin)
        let target = try w.staff("target@socialdeck.test", role: .support) {
            $0.security.twoFactorEnabled = true
            $0.security.twoFactorSecret = "enc:v1:0123abcd:c2VhbGVkc2VjcmV0c2VhbGVkc2VjcmV0"
            $0.security.recoveryCodes = [Self.plantedRecoveryHash]
            $0.security.totpLastUsedStep = 77
        }
        let support = try w.staff("support@socialdeck.test", role: .support)
        let victim = try Self.customerWithSecrets(w, "victim@acme.test", in: org)
        let ssh = ConnectionContext.current(environment: Self.sshEnvironment)
        let bossIdentity = identity(of: boss, sessionId: "sess-boss", context: ssh)

        // 1. A new staff account.
        let created = try w.staffAdmin().add(email: "New.Hire@SocialDeck.test", password: "a very long staff password",
                                             role: .admin, firstName: "New", by: bossIdentity)
        // 2. A changed allowlist, on an account with a second factor.
        try w.staffAdmin().setAllowedAddresses(target._id, ["10.0.0.0/8", "2001:db8::/32"], by: bossIdentity)
        // 3. A customer suspended by support, from a local session.
        let local = ConnectionContext.current(environment: ["TERM": "screen"])
        try w.users().suspend(victim._id, reason: "chargeback fraud", by: identity(of: support, sessionId: "sess-support", context: local))

        let raw = try w.rawAdminLog()
        let log = try w.adminLog()
        #expect(log.map(\.action) == ["staff_created", "staff_ip_allowlist_changed", "user_suspended"])
        #expect(try w.customerLog().isEmpty)

        let createdEntry = log[0]
        #expect(createdEntry.adminUserId == boss._id)
        #expect(createdEntry.targetType == .adminUser)
        #expect(createdEntry.targetId == created._id)
        #expect(createdEntry.severity == .warning)
        #expect(createdEntry.details.before == nil)
        #expect(createdEntry.details.after?["email"] == .string("new.hire@socialdeck.test"))
        #expect(createdEntry.details.after?["role"] == .string("admin"))
        #expect(createdEntry.metadata.ipAddress == "203.0.113.9")
        #expect(createdEntry.metadata.userAgent == "xterm-256color")
        #expect(createdEntry.metadata.sessionId == "sess-boss")
        Self.expectNoSecrets(raw[0], values: [created.passwordHash ?? ""])

        let allowlistEntry = log[1]
        #expect(allowlistEntry.targetId == target._id)
        #expect(allowlistEntry.severity == .warning)
        #expect(allowlistEntry.details.before?.value(at: "security.ipWhitelist") == .array([]))
        #expect(allowlistEntry.details.after?.value(at: "security.ipWhitelist") == .array([.string("10.0.0.0/8"), .string("2001:db8::/32")]))
        #expect(allowlistEntry.details.before?.value(at: "security.twoFactorEnabled") == .bool(true))
        #expect(allowlistEntry.metadata.sessionId == "sess-boss")
        Self.expectNoSecrets(raw[1], values: [target.passwordHash!, target.security.twoFactorSecret!, Self.plantedRecoveryHash])

        let suspendEntry = log[2]
        #expect(suspendEntry.adminUserId == support._id)
        #expect(suspendEntry.targetType == .user)
        #expect(suspendEntry.targetId == victim._id)
        #expect(suspendEntry.details.reason == "chargeback fraud")
        #expect(suspendEntry.severity == .warning)
        #expect(suspendEntry.details.before?.value(at: "authentication.isActive") == .bool(true))
        #expect(suspendEntry.details.after?.value(at: "authentication.isActive") == .bool(false))
        // The connected account is still described, without its tokens.
        #expect(suspendEntry.details.after?.value(at: "socialAccounts")?.arrayValue?.first?.documentValue?["accountId"] == .string("fb-1"))
        #expect(suspendEntry.metadata.ipAddress == "local")
        #expect(suspendEntry.metadata.userAgent == "screen")
        #expect(suspendEntry.metadata.sessionId == "sess-support")
        Self.expectNoSecrets(raw[2], values: Self.secretValues(victim))

        // A super_admin account is a critical event.
        _ = try w.staffAdmin().add(email: "root2@socialdeck.test", password: "another long password", role: .superAdmin, by: bossIdentity)
        #expect(try w.adminLog().last?.severity == .critical)
    }

    @Test func theConnectionComesFromSSHOrIsLocal() {
        let ssh = ConnectionContext.current(environment: Self.sshEnvironment)
        #expect(ssh == ConnectionContext(ipAddress: "203.0.113.9", userAgent: "xterm-256color"))
        let client = ConnectionContext.current(environment: ["SSH_CLIENT": "2001:db8::9 51234 22", "TERM": "vt100"])
        #expect(client == ConnectionContext(ipAddress: "2001:db8::9", userAgent: "vt100"))
        let both = ConnectionContext.current(environment: ["SSH_CONNECTION": "192.0.2.1 1 10.0.0.1 22", "SSH_CLIENT": "192.0.2.2 1 22"])
        #expect(both.ipAddress == "192.0.2.1")
        #expect(ConnectionContext.current(environment: ["TERM": "xterm"]) == ConnectionContext(ipAddress: "local", userAgent: "xterm"))
        #expect(ConnectionContext.current(environment: ["SSH_CONNECTION": ""]).ipAddress == "local")
        #expect(ConnectionContext.current(environment: [:]) == ConnectionContext(ipAddress: "local", userAgent: "unknown"))
        #expect(ConnectionContext.current(environment: [:]).isLocal)
        #expect(!ssh.isLocal)
    }

    @Test(arguments: Backend.enabled)
    func theLocalOperatorIsAuditedByName(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let op = Identity(principal: .localOperator(name: "deploy"), sessionId: "cli-4242",
                          context: ConnectionContext.current(environment: ["TERM": "xterm"]))
        let first = try w.staffAdmin().add(email: "first@socialdeck.test", password: "the first admin password",
                                           role: .superAdmin, by: op)
        let entry = try #require(try w.adminLog().last)
        #expect(entry.action == "staff_created")
        #expect(entry.adminUserId == nil)
        #expect(entry.targetId == first._id)
        #expect(entry.details.additionalInfo?["operator"] == .string("deploy"))
        #expect(entry.metadata.sessionId == "cli-4242")
        #expect(entry.metadata.ipAddress == "local")
        Self.expectNoSecrets(try #require(try w.rawAdminLog().last), values: [first.passwordHash!])
    }

    @Test(arguments: Backend.enabled)
    func customerEventsGoToTheirOrganizationsLog(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let admin = try w.customer("admin@acme.test", in: org, role: .admin)
        let victim = try Self.customerWithSecrets(w, "victim@acme.test", in: org)
        let ssh = ConnectionContext.current(environment: Self.sshEnvironment)
        try w.users().suspend(victim._id, reason: "left the company", by: identity(of: admin, sessionId: "sess-a", context: ssh))
        try w.users().setPassword(victim._id, to: "a fresh long password", by: identity(of: admin, sessionId: "sess-a", context: ssh))

        #expect(try w.adminLog().isEmpty)
        let log = try w.customerLog()
        #expect(log.map(\.action) == ["user_suspended", "password_changed"])
        for entry in log {
            #expect(entry.organizationId == org._id)
            #expect(entry.userId == admin._id)
            #expect(entry.targetId == victim._id)
            #expect(entry.metadata.ipAddress == "203.0.113.9")
            #expect(entry.metadata.userAgent == "xterm-256color")
            #expect(entry.metadata.sessionId == "sess-a")
        }
        #expect(log[0].details.reason == "left the company")
        let newHash = try #require(try w.storedUser(victim._id).passwordHash)
        #expect(newHash != victim.passwordHash)
        for doc in try w.rawCustomerLog() {
            Self.expectNoSecrets(doc, values: Self.secretValues(victim) + [newHash])
        }
    }

    @Test(arguments: Backend.enabled)
    func theLogsAreAppendOnly(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let org = try w.organization("acme")
        let admin = try w.customer("admin@acme.test", in: org, role: .admin)
        let boss = try w.staff("boss@socialdeck.test", role: .superAdmin)
        try w.audit.record(.init(action: "staff_probe", targetType: .system, targetId: nil, reason: "r1"), by: identity(of: boss))
        try w.audit.record(.init(action: "customer_probe", targetType: .organization, targetId: org._id, reason: "r2"),
                           by: identity(of: admin))

        for collection in [CollectionName.adminActivityLogs.rawValue, CollectionName.customerActivityLogs.rawValue] {
            let before = try w.store.find(collection)
            #expect(before.count == 1)
            let id = try #require(before.first?["_id"]?.objectIdValue)
            let mutations: [(String, () throws -> Any)] = [
                ("updateOne", { try w.store.updateOne(collection, .id(id), .set("action", "forged")) }),
                ("updateOne including deleted", { try w.store.updateOne(collection, .all, .set("action", "forged"), includeDeleted: true) }),
                ("updateMany", { try w.store.updateMany(collection, .all, .set("details.reason", "forged")) }),
                ("findOneAndUpdate", { try w.store.findOneAndUpdate(collection, .id(id), sort: [], .set("severity", "info"),
                                                                    returnUpdated: true) as Any }),
                ("deleteOne", { try w.store.deleteOne(collection, .id(id)) }),
                ("deleteMany", { try w.store.deleteMany(collection, .all) }),
            ]
            for (name, mutate) in mutations {
                let error = #expect(throws: StoreError.self, "\(name) on \(collection)") { _ = try mutate() }
                if let error, case .invalidUpdate = error {} else { Issue.record("\(name) on \(collection): \(String(describing: error))") }
            }
            #expect(try w.store.find(collection) == before)
            #expect(try w.base.find(collection) == before)
        }
        // The typed views refuse too.
        expectStoreRefusal { try ModelCollection(w.store, AdminActivityLog.self).updateMany(.all, .set("action", "x")) }
        expectStoreRefusal { try ModelCollection(w.store, CustomerActivityLog.self).softDelete(ObjectId(), at: w.clock.now) }

        // Adding and reading still work, through the trail and directly.
        try w.audit.record(.init(action: "staff_probe_2", targetType: .system, targetId: nil), by: identity(of: boss))
        var extra = AdminActivityLog()
        extra.action = "direct_insert"
        try ModelCollection(w.store, AdminActivityLog.self).insert(extra)
        var batch = [CustomerActivityLog(), CustomerActivityLog()]
        batch[0].action = "batch_1"
        batch[1].action = "batch_2"
        try ModelCollection(w.store, CustomerActivityLog.self).insert(batch)
        #expect(try w.store.count(CollectionName.adminActivityLogs.rawValue) == 3)
        #expect(try w.store.count(CollectionName.customerActivityLogs.rawValue) == 3)
        #expect(try w.adminLog().map(\.action).sorted() == ["direct_insert", "staff_probe", "staff_probe_2"])

        // Other collections stay writable through the same store.
        #expect(try w.store.updateOne(CollectionName.users.rawValue, .id(admin._id), .set("profile.firstName", "Ada")) == 1)
        #expect(try w.storedUser(admin._id).profile.firstName == "Ada")
    }

    func expectStoreRefusal<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) {
        do {
            _ = try body()
            Issue.record("the append-only store accepted a change", sourceLocation: sourceLocation)
        } catch StoreError.invalidUpdate {
        } catch {
            Issue.record("expected StoreError.invalidUpdate, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Backend.enabled)
    func eachReaderSeesOnlyTheirLog(_ backend: Backend) throws {
        let w = try AccountWorld(backend)
        let acme = try w.organization("acme")
        let globex = try w.organization("globex")
        let adminA = try w.customer("admin@acme.test", in: acme, role: .admin)
        let managerA = try w.customer("manager@acme.test", in: acme, role: .manager)
        let adminB = try w.customer("admin@globex.test", in: globex, role: .admin)
        let support = try w.staff("support@socialdeck.test", role: .support)
        let analyst = try w.staff("analyst@socialdeck.test", role: .analyst)
        try w.audit.record(.init(action: "a_event", targetType: .organization, targetId: acme._id), by: identity(of: adminA))
        try w.audit.record(.init(action: "b_event", targetType: .organization, targetId: globex._id), by: identity(of: adminB))
        try w.audit.record(.init(action: "staff_event", targetType: .system, targetId: nil), by: identity(of: support))

        expectDenied(.viewAuditLogs) { try w.audit.customerEntries(organizationId: globex._id, for: identity(of: adminA)) }
        #expect(try w.audit.customerEntries(organizationId: acme._id, for: identity(of: adminA)).map(\.action) == ["a_event"])
        #expect(try w.audit.customerEntries(organizationId: globex._id, for: identity(of: adminB)).map(\.action) == ["b_event"])
        expectDenied(.viewAuditLogs) { try w.audit.customerEntries(organizationId: acme._id, for: identity(of: managerA)) }
        expectDenied(.viewAuditLogs) { try w.audit.staffEntries(for: identity(of: adminA)) }

        #expect(try w.audit.customerEntries(organizationId: globex._id, for: identity(of: support)).map(\.action) == ["b_event"])
        #expect(try w.audit.staffEntries(for: identity(of: support)).map(\.action) == ["staff_event"])
        expectDenied(.viewAuditLogs) { try w.audit.staffEntries(for: identity(of: analyst)) }
        // Even with the grant, a customer cannot read the staff log.
        let granted = try w.customer("auditor@acme.test", in: acme, role: .viewer, permissions: ["audit.view"])
        expectDenied { try w.audit.staffEntries(for: identity(of: granted)) }
        #expect(try w.audit.customerEntries(organizationId: acme._id, for: identity(of: granted)).count == 1)
    }
}
