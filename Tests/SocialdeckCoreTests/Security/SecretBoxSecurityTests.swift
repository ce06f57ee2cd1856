import Foundation
import Testing
import SocialdeckCore

/// AES-256-GCM field encryption: format, interoperability, and every way a value can go wrong.
@Suite("Secret box security")
struct SecretBoxSecurityTests {
    /// The key 00 01 02 … 1f.
    static let fixedKey = SecretKey(bytes: Array(0..<32))!
    let box = SecretBox(key: try! SecretKey.generate())

    /// Splits a sealed value into its header and decoded payload, to tamper with.
    static func payload(_ sealed: String) -> (header: String, bytes: [UInt8]) {
        let cut = sealed.lastIndex(of: ":")!
        return (String(sealed[..<cut]), Array(Data(base64Encoded: String(sealed[sealed.index(after: cut)...]))!))
    }

    static func reassemble(_ header: String, _ bytes: [UInt8]) -> String {
        header + ":" + Data(bytes).base64EncodedString()
    }

    @Test func sealsAndOpens() throws {
        for text in ["JBSWY3DPEHPK3PXP", "", "ключ 🔑 with\nnewlines", String(repeating: "x", count: 100_000)] {
            let sealed = try box.seal(text)
            #expect(try box.open(sealed) == text)
        }
    }

    @Test func theFormatNamesVersionAndKey() throws {
        let sealed = try box.seal("token")
        let fields = sealed.split(separator: ":")
        #expect(fields.count == 4)
        #expect(fields[0] == "enc" && fields[1] == "v1")
        #expect(fields[2] == box.keyID && box.keyID.count == 8)
        #expect(Self.payload(sealed).bytes.count == 12 + 5 + 16)
        #expect(SecretBox.isSealed(sealed))
        #expect(SecretBox.keyID(of: sealed) == box.keyID)
        #expect(!sealed.contains("token"))
    }

    @Test func everySealUsesAFreshNonce() throws {
        let a = try box.seal("same"), b = try box.seal("same")
        #expect(a != b)
        #expect(Self.payload(a).bytes.prefix(12) != Self.payload(b).bytes.prefix(12))
    }

    /// Made with Python's `cryptography` (AESGCM) from the key 00…1f, the nonce a0…ab and the
    /// documented AAD (`enc:v1:<key id>`, a NUL, the associated data).
    @Test func opensAValueSealedByAnotherImplementation() throws {
        let box = SecretBox(key: Self.fixedKey)
        #expect(box.keyID == "630dcd29")
        let sealed = "enc:v1:630dcd29:oKGio6SlpqeoqaqrrFovehz4Ru8nLdeYNCqYjlBO2YOyZ/i8J9+oV/ga5lxd21r6Qt54cxgLM+J1"
        let field = "users/64b7f0c2a1e4d5f6a7b8c9d0/twoFactorSecret"
        #expect(try box.open(sealed, associatedData: field) == "JBSWY3DPEHPK3PXP – ключ")
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(sealed) }
    }

    @Test(arguments: [("nonce", 0), ("nonce", 11), ("ciphertext", 12), ("ciphertext", 20), ("tag", -16), ("tag", -1)])
    func anyAlteredByteIsDetected(_ part: String, _ index: Int) throws {
        let sealed = try box.seal("a secret access token")
        var (header, bytes) = Self.payload(sealed)
        bytes[index >= 0 ? index : bytes.count + index] ^= 0x01
        #expect(throws: SecretBoxError.authenticationFailed, "\(part)") {
            try box.open(Self.reassemble(header, bytes))
        }
    }

    @Test func truncatedValuesAreDetected() throws {
        let sealed = try box.seal("a secret access token")
        let (header, bytes) = Self.payload(sealed)
        // Shorter than nonce + tag.
        #expect(throws: SecretBoxError.truncated(byteCount: 27)) { try box.open(Self.reassemble(header, Array(bytes.prefix(27)))) }
        #expect(throws: SecretBoxError.truncated(byteCount: 3)) { try box.open(String(sealed.prefix(header.count + 5))) }
        // Long enough, but the tag no longer matches.
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(Self.reassemble(header, Array(bytes.dropLast(3)))) }
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(Self.reassemble(header, Array(bytes.prefix(28)))) }
        // Cut inside a base64 group.
        #expect(throws: SecretBoxError.malformed("the data is not base64")) { try box.open(String(sealed.dropLast(1))) }
    }

    @Test func aWrongKeyIsNamedNotDecryptedToGarbage() throws {
        let other = SecretBox(key: try SecretKey.generate())
        let sealed = try other.seal("token")
        #expect(throws: SecretBoxError.wrongKey(sealedWith: other.keyID, current: box.keyID)) { try box.open(sealed) }
        let message = String(describing: SecretBoxError.wrongKey(sealedWith: other.keyID, current: box.keyID))
        #expect(message == "encrypted with key \(other.keyID), not the current key (\(box.keyID))")
    }

    @Test func theHeaderIsAuthenticatedToo() throws {
        let sealed = try box.seal("token")
        #expect(throws: SecretBoxError.unsupportedVersion("v2")) {
            try box.open(sealed.replacingOccurrences(of: "enc:v1:", with: "enc:v2:"))
        }
        // Relabel a value with this box's key id when another key sealed it: the tag catches it.
        let other = SecretBox(key: try SecretKey.generate())
        let relabelled = try other.seal("token").replacingOccurrences(of: other.keyID, with: box.keyID)
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(relabelled) }
    }

    @Test func associatedDataBindsAValueToItsPlace() throws {
        let sealed = try box.seal("token", associatedData: "users/1/accessToken")
        #expect(try box.open(sealed, associatedData: "users/1/accessToken") == "token")
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(sealed, associatedData: "users/2/accessToken") }
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(sealed) }
        let unbound = try box.seal("token")
        #expect(throws: SecretBoxError.authenticationFailed) { try box.open(unbound, associatedData: "users/1/accessToken") }
    }

    @Test(arguments: ["", "token", "enc:", "enc:v1", "enc:v1:630dcd29", "enc:v1:630dcd29:", "enc:v1:630DCD29:AAAA",
                      "enc:v1:630dcd2:AAAA", "enc:x1:630dcd29:AAAA", "enc:v1:630dcd29:AA AA", "ENC:v1:630dcd29:AAAA",
                      "enc:v1:630dcd29:AAAA:extra"])
    func notSealedValuesAreRecognised(_ value: String) {
        #expect(!SecretBox.isSealed(value))
        #expect(throws: SecretBoxError.notSealed) { try SecretBox(key: Self.fixedKey).open(value) }
    }

    @Test func keysParseFromHexOrBase64AndNeverPrintTheirBytes() throws {
        let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
        #expect(try SecretKey(text: hex) == Self.fixedKey)
        #expect(try SecretKey(text: hex.uppercased() + "\n") == Self.fixedKey)
        #expect(try SecretKey(text: Data(0..<32).base64EncodedString()) == Self.fixedKey)
        #expect(Self.fixedKey.hexEncoded == hex)
        #expect(String(describing: Self.fixedKey) == "SecretKey(id: 630dcd29)")
        #expect(SecretKey(bytes: Array(0..<31)) == nil)
        #expect(try SecretKey.generate() != SecretKey.generate())
    }
}
