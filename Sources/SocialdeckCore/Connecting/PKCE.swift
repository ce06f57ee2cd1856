import Foundation

/// Proof Key for Code Exchange (RFC 7636): a one-time secret that only this process
/// knows, so a code caught on its way to the loopback redirect is useless to anyone else.
public struct PKCE: Sendable, Equatable {
    /// 43 characters of base64url: 32 random bytes, as RFC 7636 §4.1 recommends.
    public let verifier: String

    public init(verifier: String) {
        self.verifier = verifier
    }

    public static func random() throws -> PKCE {
        PKCE(verifier: base64URL(try CryptoSupport.randomBytes(32)))
    }

    /// `S256`: base64url(SHA-256(verifier)), unpadded.
    public var challenge: String {
        Self.base64URL(CryptoSupport.sha256(Array(verifier.utf8)))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        CryptoSupport.base64(bytes, padded: false)
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
    }

    /// A random value for `state`, checked on the way back against cross-site requests.
    static func state() throws -> String {
        base64URL(try CryptoSupport.randomBytes(16))
    }
}
