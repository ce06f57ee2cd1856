import COpenSSL
import Foundation

public enum TOTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stored secret is not base32, or is empty.
    case invalidSecret
    /// A time before 1970 or beyond what a 64-bit step counter holds.
    case invalidTime

    public var description: String {
        switch self {
        case .invalidSecret: return "the two-factor secret is not valid base32"
        case .invalidTime: return "the time is outside the range a TOTP step counter covers"
        }
    }
}

/// Time-based one-time passwords (RFC 6238, over RFC 4226's HOTP), what authenticator apps
/// show. The defaults (SHA-1, 6 digits, 30 s) are the only ones every app supports.
public struct TOTP: Sendable, Hashable {
    public enum Algorithm: String, Sendable, Hashable {
        case sha1 = "SHA1", sha256 = "SHA256", sha512 = "SHA512"

        var digest: OpaquePointer? {
            switch self {
            case .sha1: return EVP_sha1()
            case .sha256: return EVP_sha256()
            case .sha512: return EVP_sha512()
            }
        }
    }

    public let digits: Int
    public let period: Int
    public let algorithm: Algorithm

    /// The bytes of a secret `generateSecret()` makes: 160 bits, RFC 4226's recommendation.
    public static let secretByteCount = 20

    public init(digits: Int = 6, period: Int = 30, algorithm: Algorithm = .sha1) {
        precondition((6...8).contains(digits), "TOTP codes have 6 to 8 digits")
        precondition(period > 0, "the TOTP period must be positive")
        self.digits = digits
        self.period = period
        self.algorithm = algorithm
    }

    /// A new random secret, base32 without padding, for `provisioningURI` and storage.
    public static func generateSecret() throws -> String {
        Base32.encode(try CryptoSupport.randomBytes(secretByteCount))
    }

    /// The step counter at `date`: whole periods since the Unix epoch; nil before 1970.
    public func step(at date: Date) -> Int64? {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= 0, seconds < 9.0e18 else { return nil }
        return Int64(seconds) / Int64(period)
    }

    public func code(secret: String, at date: Date) throws -> String {
        guard let step = step(at: date) else { throw TOTPError.invalidTime }
        return try code(secret: secret, step: step)
    }

    public func code(secret: String, step: Int64) throws -> String {
        guard step >= 0 else { throw TOTPError.invalidTime }
        return try code(key: Self.key(from: secret), step: step)
    }

    /// The step `code` belongs to, when it is the code for the step at `date` or the one just
    /// before or after it (clock drift and typing time), and that step is later than
    /// `lastUsedStep`, so a code cannot be used twice. Store the returned step as the new
    /// `lastUsedStep`. Anything other than exactly `digits` ASCII digits (surrounding spaces
    /// aside) is refused. Throws only when the stored secret itself is unusable.
    public func verify(code: String, secret: String, at date: Date, lastUsedStep: Int64?) throws -> Int64? {
        let key = try Self.key(from: secret)
        guard code.utf8.count <= 64 else { return nil }
        let typed = Array(code.trimmingCharacters(in: .whitespaces).utf8)
        guard typed.count == digits,
              typed.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let now = step(at: date)
        else { return nil }

        var matched: Int64?
        for candidate in [now - 1, now, now + 1] where candidate >= 0 {
            if let last = lastUsedStep, candidate <= last { continue }
            let expected = Array(try self.code(key: key, step: candidate).utf8)
            if CryptoSupport.constantTimeEqual(expected, typed), matched == nil {
                matched = candidate
            }
        }
        return matched
    }

    /// The `otpauth://` URI an authenticator app reads from a QR code, following the Key URI
    /// Format: label `Issuer:account`, every part percent-encoded (`@` kept in the label).
    public func provisioningURI(secret: String, account: String, issuer: String) -> String {
        let cleanSecret = String(secret.uppercased().filter { $0 != " " && $0 != "-" && $0 != "=" })
        var label = FormEncoding.percentEncoded(account, keeping: "@")
        if !issuer.isEmpty { label = FormEncoding.percentEncoded(issuer, keeping: "@") + ":" + label }
        var query = ["secret=" + FormEncoding.percentEncoded(cleanSecret)]
        if !issuer.isEmpty { query.append("issuer=" + FormEncoding.percentEncoded(issuer)) }
        query += ["algorithm=\(algorithm.rawValue)", "digits=\(digits)", "period=\(period)"]
        return "otpauth://totp/\(label)?" + query.joined(separator: "&")
    }

    // MARK: HOTP

    /// RFC 4226 §5.3: HMAC of the big-endian counter, dynamic truncation, then the low digits.
    func code(key: [UInt8], step: Int64) throws -> String {
        let counter = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(step) >> UInt64(56 - 8 * $0)) }
        let mac = try CryptoSupport.hmac(algorithm.digest, key: key, message: counter)
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = UInt32(mac[offset] & 0x7f) << 24 | UInt32(mac[offset + 1]) << 16
            | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    static func key(from secret: String) throws(TOTPError) -> [UInt8] {
        guard secret.utf8.count <= 1024, let key = Base32.decode(secret), !key.isEmpty else {
            throw .invalidSecret
        }
        return key
    }
}
