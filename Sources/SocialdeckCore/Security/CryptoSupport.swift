import COpenSSL
import Foundation

/// OpenSSL itself failed (out of memory, an algorithm missing from the build), as opposed to
/// bad input, which each primitive reports with its own error type.
public struct OpenSSLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let operation: String
    public let reason: String

    init(_ operation: String) {
        self.operation = operation
        let code = ERR_get_error()
        if code == 0 {
            reason = "no reason given"
        } else {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reason = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
        ERR_clear_error()
    }

    public var description: String { "OpenSSL \(operation) failed: \(reason)" }
}

/// The small building blocks the security primitives share: randomness, digests, HMAC,
/// constant-time comparison and the text encodings of bytes.
enum CryptoSupport {
    static func randomBytes(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard count == 0 || RAND_bytes(&bytes, Int32(count)) == 1 else { throw OpenSSLError("RAND_bytes") }
        return bytes
    }

    static func sha256(_ data: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        }
        // SHA-256 of an in-memory buffer cannot fail short of the process being out of memory.
        precondition(ok == 1 && length == 32, "EVP_Digest(SHA-256) failed")
        return Array(digest.prefix(Int(length)))
    }

    /// HMAC with the digest `md` (`EVP_sha1()` and friends).
    static func hmac(_ md: OpaquePointer?, key: [UInt8], message: [UInt8]) throws -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { k in
            message.withUnsafeBufferPointer { m in
                HMAC(md, k.baseAddress, Int32(k.count), m.baseAddress, m.count, &mac, &length)
            }
        }
        guard result != nil else { throw OpenSSLError("HMAC") }
        return Array(mac.prefix(Int(length)))
    }

    /// Equal length and equal bytes, taking the same time wherever the first difference is.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return CRYPTO_memcmp(a, b, a.count) == 0
    }

    // MARK: Text encodings

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hex in either case; nil for an odd length or any other character.
    static func bytes(fromHex text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func base64(_ bytes: [UInt8], padded: Bool = true) -> String {
        let text = Data(bytes).base64EncodedString()
        return padded ? text : String(text.prefix { $0 != "=" })
    }

    /// Standard base64, with or without its `=` padding; nil for anything else.
    static func bytes(fromBase64 text: some StringProtocol) -> [UInt8]? {
        var s = String(text)
        guard !s.contains(where: { $0 == "\n" || $0 == "\r" || $0 == " " }) else { return nil }
        if !s.hasSuffix("=") {
            switch s.utf8.count % 4 {
            case 2: s += "=="
            case 3: s += "="
            case 1: return nil
            default: break
            }
        }
        return Data(base64Encoded: s).map(Array.init)
    }
}
