import COpenSSL

public enum SecretKeyFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither 64 hex characters nor base64 of 32 bytes. Carries only the length: the text
    /// may be a real key with a typo, and must not end up in a log.
    case notAKey(characterCount: Int)

    public var description: String {
        switch self {
        case .notAKey(let n):
            return "expected 64 hex characters or the base64 of 32 bytes, got \(n) characters (value not shown)"
        }
    }
}

/// A 256-bit key for `SecretBox`. Its `id` (the first 8 hex digits of its SHA-256) is stored
/// beside every value it encrypts, so a value sealed with another key is recognised as such.
/// Printing a key shows only the id.
public struct SecretKey: Sendable, Equatable, CustomStringConvertible {
    public static let byteCount = 32

    let bytes: [UInt8]
    public let id: String

    /// Exactly `byteCount` bytes; nil otherwise.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
        self.id = Self.id(of: bytes)
    }

    /// 64 hex characters (either case) or standard base64 of 32 bytes, surrounding
    /// whitespace ignored.
    public init(text: String) throws(SecretKeyFormatError) {
        let trimmed = text.trimmingASCIIWhitespace()
        let decoded: [UInt8]?
        if trimmed.utf8.count == 2 * Self.byteCount {
            decoded = CryptoSupport.bytes(fromHex: trimmed)
        } else if trimmed.utf8.count <= 64 {
            decoded = CryptoSupport.bytes(fromBase64: trimmed)
        } else {
            decoded = nil
        }
        guard let decoded, let key = SecretKey(bytes: decoded) else {
            throw .notAKey(characterCount: text.count)
        }
        self = key
    }

    public static func generate() throws -> SecretKey {
        SecretKey(bytes: try CryptoSupport.randomBytes(byteCount))!
    }

    /// The form written to key files and accepted by `SOCIALDECK_SECRET_KEY`.
    public var hexEncoded: String { CryptoSupport.hex(bytes) }

    public var description: String { "SecretKey(id: \(id))" }

    public static func == (a: SecretKey, b: SecretKey) -> Bool {
        CryptoSupport.constantTimeEqual(a.bytes, b.bytes)
    }

    static func id(of bytes: [UInt8]) -> String {
        String(CryptoSupport.hex(CryptoSupport.sha256(bytes)).prefix(8))
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
