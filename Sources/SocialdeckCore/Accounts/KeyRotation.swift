import Foundation
import SocialdeckModel
import SocialdeckStorage

extension SecretVault {
    /// The key beside the key file while a rotation is under way; see `KeyRotation`.
    static func nextKeyPath(_ keyFile: String) -> String { keyFile + ".next" }

    /// The vault for this environment: the key from `SOCIALDECK_SECRET_KEY` or the key
    /// file (created on first use), plus the next key of an unfinished rotation. A vault
    /// from the key file reads it again when it meets a key it does not know.
    public static func load(environment: [String: String], keyFile: String? = nil) throws -> (SecretVault, SecretKeyStore.Loaded) {
        let loaded = try SecretKeyStore(environment: environment, keyFile: keyFile).load()
        switch loaded.origin {
        case .environment:
            return (SecretVault(key: loaded.key), loaded)
        case .keyFile(let path), .createdKeyFile(let path):
            let vault = SecretVault(keys: Keys(current: loaded.key, previous: try nextKeys(path))) {
                // Only read: a key file that has gone missing is an error, not a reason to make a new key.
                guard let key = try SecretKeyStore.readKeyFile(path) else {
                    throw SecretKeyError.fileSystem(path: path, operation: "read", errno: ENOENT)
                }
                return Keys(current: key, previous: try nextKeys(path))
            }
            return (vault, loaded)
        }
    }

    private static func nextKeys(_ keyFile: String) throws -> [SecretKey] {
        try SecretKeyStore.readKeyFile(nextKeyPath(keyFile)).map { [$0] } ?? []
    }
}

/// `socialdeck keys rotate`: re-encrypts every sealed secret under a new key.
///
/// The new key is written to `secret.key.next` first; values are re-sealed one
/// document at a time; only then does the new key replace `secret.key`. A crash
/// in between leaves both keys on disk, every value opens with one of them, and
/// running the command again finishes the job.
public struct KeyRotation: Sendable {
    let store: any DocumentStore
    let audit: AuditTrail

    public init(store: any DocumentStore) {
        self.store = store
        self.audit = AuditTrail(store: store)
    }

    public struct Result: Sendable, Equatable {
        public var resealed = 0
        public var newKeyID = ""
    }

    public func rotate(environment: [String: String], keyFile: String? = nil, by identity: Identity) throws -> Result {
        try AccessControl.authorize(identity, .manageStaff, organizationId: nil)
        let loaded = try SecretKeyStore(environment: environment, keyFile: keyFile).load()
        guard case .keyFile(let path) = loaded.origin else {
            throw CoreError.invalid("the key comes from \(SecretKeyStore.environmentVariable); rotate it where it is set, "
                                    + "or unset it to use the key file")
        }
        let nextPath = SecretVault.nextKeyPath(path)
        let next: SecretKey
        if let unfinished = try SecretKeyStore.readKeyFile(nextPath) {
            next = unfinished
        } else {
            next = try SecretKey.generate()
            try Self.writeKey(next, to: nextPath)
        }
        let vault = SecretVault(key: next, previousKeys: [loaded.key])
        var result = Result(newKeyID: next.id)
        result.resealed += try resealUsers(vault)
        result.resealed += try resealStaff(vault)
        try DurableDirectory.rename(nextPath, over: path)
        try audit.record(.init(action: "secret_key_rotated", targetType: .system, targetId: nil, severity: .critical,
                               info: ["from": .string(loaded.key.id), "to": .string(next.id), "resealed": .int64(Int64(result.resealed))]),
                         by: identity)
        return result
    }

    private func resealUsers(_ vault: SecretVault) throws -> Int {
        var count = 0
        for user in try ModelCollection(store, User.self).find(includeDeleted: true) {
            var update = Update()
            if let sealed = user.authentication.twoFactorSecret, !vault.isCurrent(sealed) {
                let context = SecretVault.totpContext(user._id)
                update = update.set("authentication.twoFactorSecret", try vault.seal(try vault.open(sealed, associatedData: context), associatedData: context))
                count += 1
            }
            var accounts = user.socialAccounts
            var changed = false
            for i in accounts.indices {
                for field in ["accessToken", "refreshToken"] {
                    let current = field == "accessToken" ? accounts[i].accessToken : accounts[i].refreshToken
                    guard let sealed = current, !vault.isCurrent(sealed) else { continue }
                    let context = SecretVault.tokenContext(user._id, accounts[i].platform, field)
                    let resealed = try vault.seal(try vault.open(sealed, associatedData: context), associatedData: context)
                    if field == "accessToken" { accounts[i].accessToken = resealed } else { accounts[i].refreshToken = resealed }
                    changed = true
                    count += 1
                }
            }
            if changed { update = update.set("socialAccounts", try DocumentEncoder().encodeValue(accounts)) }
            if !update.isEmpty { try store.updateOne(User.collection.rawValue, .id(user._id), update, includeDeleted: true) }
        }
        return count
    }

    private func resealStaff(_ vault: SecretVault) throws -> Int {
        var count = 0
        for a in try ModelCollection(store, AdminUser.self).find() {
            guard let sealed = a.security.twoFactorSecret, !vault.isCurrent(sealed) else { continue }
            let context = SecretVault.totpContext(a._id)
            try store.updateOne(AdminUser.collection.rawValue, .id(a._id),
                                .set("security.twoFactorSecret", try vault.seal(try vault.open(sealed, associatedData: context), associatedData: context)))
            count += 1
        }
        return count
    }

    /// Writes the next key and syncs it and its directory entry: values are sealed under
    /// it as soon as this returns, so it must outlive a power cut from then on.
    static func writeKey(_ key: SecretKey, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CoreError.invalid("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array((key.hexEncoded + "\n").utf8)
        guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress!, $0.count) }) == bytes.count, fsync(fd) == 0 else {
            unlink(path)
            throw CoreError.invalid("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        try DurableDirectory.syncParent(of: path)
    }
}
