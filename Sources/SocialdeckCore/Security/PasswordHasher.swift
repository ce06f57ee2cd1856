import COpenSSL
import Foundation
import SocialdeckStorage

public enum PasswordHashError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyPassword
    case passwordTooLong(byteCount: Int, limit: Int)
    /// The stored value is not a hash this code wrote.
    case malformedHash(String)
    /// A well-formed hash whose parameters are outside what a sign-in may spend.
    case unsupportedParameters(String)

    public var description: String {
        switch self {
        case .emptyPassword: return "the password is empty"
        case .passwordTooLong(let n, let limit): return "the password is \(n) bytes; at most \(limit) are accepted"
        case .malformedHash(let why): return "the stored password hash is malformed: \(why)"
        case .unsupportedParameters(let why): return "the stored password hash is not supported: \(why)"
        }
    }
}

/// Password hashing with scrypt (OpenSSL's `EVP_PBE_scrypt`), stored as a self-describing
/// string that carries its own parameters, so they can be raised later and old hashes upgraded
/// at the next sign-in (`needsRehash`).
public struct PasswordHasher: Sendable {
    /// Longer passwords are refused before any hashing: a 1 MB "password" is an attack.
    public static let maximumPasswordBytes = 1024
    public static let saltByteCount = 16
    public static let hashByteCount = 32

    public let parameters: ScryptParameters

    public init(parameters: ScryptParameters = .recommended) {
        self.parameters = parameters
    }

    /// A new salt and hash for `password`, e.g. `$scrypt$ln=14,r=8,p=5$…$…`.
    public func hash(_ password: String) throws -> String {
        let bytes = try Self.passwordBytes(password)
        if let problem = parameters.problem { throw PasswordHashError.unsupportedParameters(problem) }
        let salt = try CryptoSupport.randomBytes(Self.saltByteCount)
        let derived = try Self.scrypt(bytes, salt: salt, parameters: parameters, length: Self.hashByteCount)
        return EncodedPasswordHash(parameters: parameters, salt: salt, hash: derived).string
    }

    /// Whether `password` matches `encoded`, using the parameters stored with it.
    /// Throws for an empty or over-long password and for a stored value that is not a valid hash.
    public func verify(_ password: String, against encoded: String) throws -> Bool {
        let bytes = try Self.passwordBytes(password)
        let stored = try EncodedPasswordHash(parsing: encoded)
        let clock = ContinuousClock(), started = clock.now
        let derived = try Self.scrypt(bytes, salt: stored.salt, parameters: stored.parameters,
                                      length: stored.hash.count)
        // The KDF's share of a sign-in, for the dashboard benchmark and anyone asking why sign-in is slow.
        if let log = LogFile.shared, log.accepts(.debug) {
            let elapsed = clock.now - started
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            log.record(.debug, "scrypt", "password checked (\(stored.parameters)) in \(String(format: "%.1f", ms)) ms")
        }
        return CryptoSupport.constantTimeEqual(derived, stored.hash)
    }

    /// True when `encoded` was made with weaker parameters, a shorter salt or hash than this
    /// hasher uses, or cannot be read at all: after a successful sign-in, store a fresh hash.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let stored = try? EncodedPasswordHash(parsing: encoded) else { return true }
        return stored.parameters.isWeaker(than: parameters)
            || stored.salt.count < Self.saltByteCount
            || stored.hash.count < Self.hashByteCount
    }

    /// The bytes that get hashed. The length check comes first and reads only the string's
    /// stored UTF-8 count, so a huge input is refused without being scanned. Then NFKC, as
    /// NIST SP 800-63B advises, so the same password typed on terminals or keyboards that
    /// compose accents differently gives the same bytes.
    static func passwordBytes(_ password: String) throws(PasswordHashError) -> [UInt8] {
        let count = password.utf8.count
        guard count > 0 else { throw .emptyPassword }
        guard count <= maximumPasswordBytes else {
            throw .passwordTooLong(byteCount: count, limit: maximumPasswordBytes)
        }
        return Array(password.precomposedStringWithCompatibilityMapping.utf8)
    }

    static func scrypt(_ password: [UInt8], salt: [UInt8], parameters: ScryptParameters, length: Int) throws -> [UInt8] {
        let n = UInt64(1) << UInt64(parameters.logN)
        let r = UInt64(parameters.r), p = UInt64(parameters.p)
        // OpenSSL refuses to run when its V (128·r·(N+2)) and B (128·r·p) buffers exceed maxmem,
        // and its default maxmem (32 MiB) is below OWASP's parameters; allow exactly what is needed.
        let maxmem = 128 * r * (n + 2) + 128 * r * p + (1 << 20)
        var key = [UInt8](repeating: 0, count: length)
        let ok = password.withUnsafeBufferPointer { pw in
            pw.withMemoryRebound(to: CChar.self) { pass in
                salt.withUnsafeBufferPointer { s in
                    EVP_PBE_scrypt(pass.baseAddress, pass.count, s.baseAddress, s.count,
                                   n, r, p, maxmem, &key, key.count)
                }
            }
        }
        guard ok == 1 else { throw OpenSSLError("EVP_PBE_scrypt(\(parameters))") }
        return key
    }
}
