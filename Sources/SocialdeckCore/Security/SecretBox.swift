import COpenSSL

public enum SecretBoxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not shaped like `enc:v1:<key id>:<base64>`.
    case notSealed
    case unsupportedVersion(String)
    /// Sealed with a different key, e.g. after the key was rotated or lost.
    case wrongKey(sealedWith: String, current: String)
    /// The payload is not base64.
    case malformed(String)
    /// Too short to hold a nonce and a tag: the value was cut off.
    case truncated(byteCount: Int)
    /// GCM's tag did not match: the nonce, ciphertext or tag was altered, the value was cut
    /// short, or the associated data differs from what it was sealed with.
    case authenticationFailed
    case notUTF8

    public var description: String {
        switch self {
        case .notSealed: return "not an encrypted value (expected enc:v1:<key id>:<data>)"
        case .unsupportedVersion(let v): return "encrypted with format \(v), which this version of socialdeck cannot read"
        case .wrongKey(let sealed, let current): return "encrypted with key \(sealed), not the current key (\(current))"
        case .malformed(let why): return "the encrypted value is malformed: \(why)"
        case .truncated(let n): return "the encrypted value is truncated (\(n) bytes, less than a nonce and a tag)"
        case .authenticationFailed: return "the encrypted value was altered or belongs to another record; it cannot be trusted"
        case .notUTF8: return "the decrypted value is not UTF-8 text"
        }
    }
}

/// Encryption of individual field values (tokens, TOTP secrets) with AES-256-GCM.
///
/// A sealed value reads `enc:v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>`: recognisable in a
/// document, tied to the key that made it, and authenticated. The header and the caller's
/// associated data (say the document id and field path) are bound in as GCM's AAD, so a value
/// copied to another record or field fails to open instead of being silently accepted.
public struct SecretBox: Sendable {
    public static let version = "v1"
    public static let nonceByteCount = 12
    public static let tagByteCount = 16
    static let prefix = "enc:"

    private let key: SecretKey
    public var keyID: String { key.id }

    public init(key: SecretKey) {
        self.key = key
    }

    public func seal(_ plaintext: String, associatedData: String = "") throws -> String {
        let header = "\(Self.prefix)\(Self.version):\(key.id)"
        let nonce = try CryptoSupport.randomBytes(Self.nonceByteCount)
        let (ciphertext, tag) = try AESGCM.encrypt(Array(plaintext.utf8), key: key.bytes, nonce: nonce,
                                                   aad: Self.aad(header: header, associatedData))
        return header + ":" + CryptoSupport.base64(nonce + ciphertext + tag)
    }

    public func open(_ sealed: String, associatedData: String = "") throws -> String {
        let parts = try Self.split(sealed)
        guard parts.version == Self.version else { throw SecretBoxError.unsupportedVersion(parts.version) }
        guard parts.keyID == key.id else { throw SecretBoxError.wrongKey(sealedWith: parts.keyID, current: key.id) }
        guard let payload = CryptoSupport.bytes(fromBase64: parts.payload) else {
            throw SecretBoxError.malformed("the data is not base64")
        }
        guard payload.count >= Self.nonceByteCount + Self.tagByteCount else {
            throw SecretBoxError.truncated(byteCount: payload.count)
        }
        let nonce = Array(payload[..<Self.nonceByteCount])
        let ciphertext = Array(payload[Self.nonceByteCount..<(payload.count - Self.tagByteCount)])
        let tag = Array(payload.suffix(Self.tagByteCount))
        let header = "\(Self.prefix)\(parts.version):\(parts.keyID)"
        guard let plaintext = try AESGCM.decrypt(ciphertext, tag: tag, key: key.bytes, nonce: nonce,
                                                 aad: Self.aad(header: header, associatedData))
        else { throw SecretBoxError.authenticationFailed }
        guard let text = String(validating: plaintext, as: UTF8.self) else { throw SecretBoxError.notUTF8 }
        return text
    }

    /// Whether `value` looks like a sealed value of any version (it may still fail to open).
    public static func isSealed(_ value: String) -> Bool {
        (try? split(value)) != nil
    }

    /// The id of the key `value` was sealed with, or nil when it is not a sealed value.
    public static func keyID(of value: String) -> String? {
        try? split(value).keyID
    }

    // MARK: Internals

    static func aad(header: String, _ associatedData: String) -> [UInt8] {
        Array(header.utf8) + [0] + Array(associatedData.utf8)
    }

    static func split(_ value: String) throws(SecretBoxError) -> (version: String, keyID: String, payload: Substring) {
        guard value.hasPrefix(prefix) else { throw .notSealed }
        let fields = value.dropFirst(prefix.count).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw .notSealed }
        let version = fields[0], keyID = fields[1], payload = fields[2]
        guard version.first == "v", version.count >= 2, version.count <= 4,
              version.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
              keyID.utf8.count == 8, keyID.allSatisfy({ $0.isHexDigit && ($0.isNumber || $0.isLowercase) }),
              !payload.isEmpty,
              payload.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) })
        else { throw .notSealed }
        return (String(version), String(keyID), payload)
    }
}

/// AES-256-GCM through OpenSSL's EVP interface, 12-byte nonce, 16-byte tag.
enum AESGCM {
    static func encrypt(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], aad: [UInt8]) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard let ctx = EVP_CIPHER_CTX_new() else { throw OpenSSLError("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        guard plaintext.count < Int(Int32.max), aad.count < Int(Int32.max) else { throw OpenSSLError("AES-GCM (input too large)") }
        var length: Int32 = 0
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var tag = [UInt8](repeating: 0, count: SecretBox.tagByteCount)
        guard EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nil, key, nonce) == 1,
              EVP_EncryptUpdate(ctx, nil, &length, aad, Int32(aad.count)) == 1,
              EVP_EncryptUpdate(ctx, &ciphertext, &length, plaintext, Int32(plaintext.count)) == 1
        else { throw OpenSSLError("AES-256-GCM encryption") }
        var total = Int(length)
        guard ciphertext.withUnsafeMutableBufferPointer({ buf in
                  EVP_EncryptFinal_ex(ctx, buf.baseAddress! + total, &length) }) == 1
        else { throw OpenSSLError("AES-256-GCM encryption") }
        total += Int(length)
        guard EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, Int32(tag.count), &tag) == 1 else {
            throw OpenSSLError("AES-256-GCM tag")
        }
        return (Array(ciphertext.prefix(total)), tag)
    }

    /// The plaintext, or nil when the tag does not match.
    static func decrypt(_ ciphertext: [UInt8], tag: [UInt8], key: [UInt8], nonce: [UInt8], aad: [UInt8]) throws -> [UInt8]? {
        guard let ctx = EVP_CIPHER_CTX_new() else { throw OpenSSLError("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(ctx) }
        guard ciphertext.count < Int(Int32.max), aad.count < Int(Int32.max) else { return nil }
        var length: Int32 = 0
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var tag = tag
        guard EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nil, key, nonce) == 1,
              EVP_DecryptUpdate(ctx, nil, &length, aad, Int32(aad.count)) == 1,
              EVP_DecryptUpdate(ctx, &plaintext, &length, ciphertext, Int32(ciphertext.count)) == 1,
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(tag.count), &tag) == 1
        else { throw OpenSSLError("AES-256-GCM decryption") }
        var total = Int(length)
        let verified = plaintext.withUnsafeMutableBufferPointer { buf in
            EVP_DecryptFinal_ex(ctx, buf.baseAddress! + total, &length)
        }
        ERR_clear_error()
        guard verified == 1 else { return nil }
        total += Int(length)
        return Array(plaintext.prefix(total))
    }
}
