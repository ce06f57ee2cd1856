import Foundation
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport
import Testing

/// `socialdeck keys rotate`: every sealed value moves to the new key, the old key no
/// longer opens anything, and an interrupted rotation finishes when run again.
@Suite("Key rotation")
struct KeyRotationTests {
    func world(_ backend: Backend) throws -> (AccountWorld, String, User) {
        let (w, keyFile, user, _) = try worldWithTOTPSecret(backend)
        return (w, keyFile, user)
    }

    func worldWithTOTPSecret(_ backend: Backend) throws -> (AccountWorld, String, User, String) {
        let w = try AccountWorld(backend)
        let keyFile = TemporaryDirectory.make() + "/config/socialdeck/secret.key"
        let (vault, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        let org = try w.organization("acme")
        let user = try w.customer("tokens@acme.test", in: org)
        try SocialAccountTokens(store: w.store, vault: vault).connect(
            userId: user._id, platform: .linkedin, accountId: "li-1", accountName: "@acme", accessToken: "access-secret-1",
            refreshToken: "refresh-secret-1", at: w.clock.now, by: .localOperator())
        let pending = try TwoFactorEnrollment(store: w.store, secrets: vault, clock: w.clock.closure).begin(email: user.email, by: .localOperator())
        _ = try TwoFactorEnrollment(store: w.store, secrets: vault, clock: w.clock.closure)
            .confirm(pending, code: try TOTP().code(secret: pending.secret, at: w.clock.now), by: .localOperator())
        return (w, keyFile, try w.storedUser(user._id), pending.secret)
    }

    @Test(arguments: Backend.enabled)
    func everySecretMovesToTheNewKey(_ backend: Backend) throws {
        let (w, keyFile, before) = try world(backend)
        let (oldVault, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        let result = try KeyRotation(store: w.store).rotate(environment: [:], keyFile: keyFile, by: .localOperator())
        #expect(result.resealed == 3)
        #expect(result.newKeyID != oldVault.keyID)
        let (newVault, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        #expect(newVault.keyID == result.newKeyID)
        let after = try w.storedUser(before._id)
        let sealed = [after.authentication.twoFactorSecret, after.socialAccounts[0].accessToken, after.socialAccounts[0].refreshToken].compactMap { $0 }
        #expect(sealed.count == 3 && sealed.allSatisfy(newVault.isCurrent))
        let tokens = try SocialAccountTokens(store: w.store, vault: newVault).stored(userId: before._id, platform: .linkedin, accountId: "li-1")
        #expect(tokens.access == "access-secret-1" && tokens.refresh == "refresh-secret-1")
        #expect(throws: (any Error).self) {
            try SocialAccountTokens(store: w.store, vault: SecretVault(key: try SecretKey.generate())).stored(userId: before._id, platform: .linkedin, accountId: "li-1")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(!FileManager.default.fileExists(atPath: keyFile + ".next"))
        #expect(try w.adminLog().contains { $0.action == "secret_key_rotated" && $0.severity == .critical })
    }

    /// A dashboard keeps the vault it loaded at start-up; another process rotates the key under it.
    @Test(arguments: Backend.enabled)
    func aVaultLoadedBeforeARotationOpensAndSealsUnderTheNewKey(_ backend: Backend) throws {
        let (w, keyFile, user) = try world(backend)
        let (early, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        let oldKeyID = early.keyID
        let result = try KeyRotation(store: w.store).rotate(environment: [:], keyFile: keyFile, by: .localOperator())
        let tokens = try SocialAccountTokens(store: w.store, vault: early).stored(userId: user._id, platform: .linkedin, accountId: "li-1")
        #expect(tokens.access == "access-secret-1" && tokens.refresh == "refresh-secret-1")
        #expect(early.keyID == result.newKeyID && early.keyID != oldKeyID)
        try SocialAccountTokens(store: w.store, vault: early).connect(
            userId: user._id, platform: .facebook, accountId: "fb-1", accountName: "acme", accessToken: "access-secret-2",
            refreshToken: nil, at: w.clock.now, by: .localOperator())
        let sealed = try #require(try w.storedUser(user._id).socialAccounts.first { $0.platform == .facebook }?.accessToken)
        let (fresh, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        #expect(fresh.isCurrent(sealed))
    }

    @Test(arguments: Backend.enabled)
    func aTwoFactorSignInAcrossARotationIsNotAFailure(_ backend: Backend) throws {
        let (w, keyFile, user, secret) = try worldWithTOTPSecret(backend)
        let (early, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        let authenticator = Authenticator(store: w.store, secrets: early, sessions: w.sessions, hasher: fastHasher, clock: w.clock.closure)
        _ = try KeyRotation(store: w.store).rotate(environment: [:], keyFile: keyFile, by: .localOperator())
        w.clock.advance(by: 60)  // the enrolment used the current step's code
        let session = try authenticator.signIn(email: user.email, password: seedPassword,
                                               code: try TOTP().code(secret: secret, at: w.clock.now), context: testContext)
        #expect(session.identity.principal == .customer(userId: user._id, organizationId: user.organizationId, role: user.role))
        #expect(try w.storedUser(user._id).authentication.loginAttempts == 0)
        #expect(try w.customerLog().allSatisfy { $0.action != "login_failed" && $0.action != "two_factor_secret_unreadable" })
    }

    @Test func aVaultWhoseKeyFileVanishedSaysSoInsteadOfMakingANewKey() throws {
        let (w, keyFile, user) = try world(.sqlite)
        let (early, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        _ = try KeyRotation(store: w.store).rotate(environment: [:], keyFile: keyFile, by: .localOperator())
        try FileManager.default.removeItem(atPath: keyFile)
        #expect(throws: SecretKeyError.fileSystem(path: keyFile, operation: "read", errno: ENOENT)) {
            try SocialAccountTokens(store: w.store, vault: early).stored(userId: user._id, platform: .linkedin, accountId: "li-1")
        }
        #expect(!FileManager.default.fileExists(atPath: keyFile))
    }

    @Test func anInterruptedRotationFinishesWhenRunAgain() throws {
        let (w, keyFile, user) = try world(.sqlite)
        // A rotation that wrote its next key and resealed one value, then stopped.
        let next = try SecretKey.generate()
        let nextHex = next.hexEncoded + "\n"
        FileManager.default.createFile(atPath: keyFile + ".next", contents: Data(nextHex.utf8), attributes: [.posixPermissions: 0o600])
        let (current, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        let halfway = SecretVault(key: next, previousKeys: [try SecretKeyStore(environment: [:], keyFile: keyFile).load().key])
        let token = try current.open(user.socialAccounts[0].accessToken!, associatedData: "token:\(user._id.hex):linkedin:accessToken")
        var accounts = user.socialAccounts
        accounts[0].accessToken = try halfway.seal(token, associatedData: "token:\(user._id.hex):linkedin:accessToken")
        try w.base.updateOne("users", .id(user._id), .set("socialAccounts", try DocumentEncoder().encodeValue(accounts)))
        // Meanwhile everything still opens: the loader knows the next key too.
        _ = try SocialAccountTokens(store: w.store, vault: current).stored(userId: user._id, platform: .linkedin, accountId: "li-1")
        let result = try KeyRotation(store: w.store).rotate(environment: [:], keyFile: keyFile, by: .localOperator())
        #expect(result.newKeyID == next.id)
        #expect(result.resealed == 2)
        let (done, _) = try SecretVault.load(environment: [:], keyFile: keyFile)
        #expect(try SocialAccountTokens(store: w.store, vault: done).stored(userId: user._id, platform: .linkedin, accountId: "li-1").access == "access-secret-1")
    }

    @Test func aKeyFromTheEnvironmentIsNotRotatedBehindItsBack() throws {
        let (w, _, _) = try world(.sqlite)
        let env = [SecretKeyStore.environmentVariable: try SecretKey.generate().hexEncoded]
        #expect(throws: CoreError.self) { try KeyRotation(store: w.store).rotate(environment: env, by: .localOperator()) }
    }

    @Test func onlyStaffManagersRotate() throws {
        let (w, keyFile, _) = try world(.sqlite)
        let support = Identity(principal: .staff(adminId: ObjectId(), role: .support), sessionId: "s", context: testContext)
        #expect(throws: AccessDenied.self) { try KeyRotation(store: w.store).rotate(environment: [:], keyFile: keyFile, by: support) }
    }
}
