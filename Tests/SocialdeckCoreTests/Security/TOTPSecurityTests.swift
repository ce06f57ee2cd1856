import Foundation
import Testing
import SocialdeckCore

/// TOTP: RFC 4226 and RFC 6238 vectors, base32, the ±1 step window, replay, bad input, the URI.
@Suite("TOTP security")
struct TOTPSecurityTests {
    /// RFC 6238's seeds are ASCII digits, 20, 32 and 64 bytes long.
    static let sha1Secret = Base32.encode(Array("12345678901234567890".utf8))
    static let sha256Secret = Base32.encode(Array("12345678901234567890123456789012".utf8))
    static let sha512Secret = Base32.encode(Array("1234567890123456789012345678901234567890123456789012345678901234".utf8))

    static func at(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// RFC 6238 Appendix B.
    @Test(arguments: [
        (Int64(59), "94287082", "46119246", "90693936"),
        (1_111_111_109, "07081804", "68084774", "25091201"),
        (1_111_111_111, "14050471", "67062674", "99943326"),
        (1_234_567_890, "89005924", "91819424", "93441116"),
        (2_000_000_000, "69279037", "90698825", "38618901"),
        (20_000_000_000, "65353130", "77737706", "47863826"),
    ])
    func rfc6238Vectors(time: Int64, sha1: String, sha256: String, sha512: String) throws {
        #expect(try TOTP(digits: 8, algorithm: .sha1).code(secret: Self.sha1Secret, at: Self.at(time)) == sha1)
        #expect(try TOTP(digits: 8, algorithm: .sha256).code(secret: Self.sha256Secret, at: Self.at(time)) == sha256)
        #expect(try TOTP(digits: 8, algorithm: .sha512).code(secret: Self.sha512Secret, at: Self.at(time)) == sha512)
        // Six digits are the low six of the same number.
        #expect(try TOTP().code(secret: Self.sha1Secret, at: Self.at(time)) == String(sha1.suffix(6)))
    }

    /// RFC 4226 Appendix D: HOTP values for counters 0–9.
    @Test func rfc4226Vectors() throws {
        let expected = ["755224", "287082", "359152", "969429", "338314",
                        "254676", "287922", "162583", "399871", "520489"]
        for (counter, code) in expected.enumerated() {
            #expect(try TOTP().code(secret: Self.sha1Secret, step: Int64(counter)) == code)
        }
    }

    /// RFC 4648 §10.
    @Test func base32Vectors() {
        let vectors = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
                       ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
            #expect(Base32.decode(encoded.lowercased()) == Array(plain.utf8))
        }
        #expect(Base32.decode("MZXW6YQ=") == Array("foob".utf8))
        #expect(Base32.decode("mzxw 6ytb oi") == Array("foobar".utf8))
        for bad in ["MZXW6YTB1", "MZXW0", "M", "MZX", "MZXW6Y", "MZ=XW", "MZXW6YTBÖ"] {
            #expect(Base32.decode(bad) == nil, "\(bad)")
        }
    }

    @Test func acceptsTheStepBeforeAndAfterButNoFurther() throws {
        let totp = TOTP(), secret = Self.sha1Secret, now = Self.at(1_111_111_111)
        let step = try #require(totp.step(at: now))
        #expect(step == 37_037_037)
        for offset in [Int64(-1), 0, 1] {
            let code = try totp.code(secret: secret, step: step + offset)
            #expect(try totp.verify(code: code, secret: secret, at: now, lastUsedStep: nil) == step + offset)
        }
        for offset in [Int64(-3), -2, 2, 3] {
            let code = try totp.code(secret: secret, step: step + offset)
            #expect(try totp.verify(code: code, secret: secret, at: now, lastUsedStep: nil) == nil)
        }
    }

    @Test func aUsedStepCannotBeReplayed() throws {
        let totp = TOTP(), secret = Self.sha1Secret, now = Self.at(1_234_567_890)
        let code = try totp.code(secret: secret, at: now)
        let used = try #require(try totp.verify(code: code, secret: secret, at: now, lastUsedStep: nil))
        #expect(try totp.verify(code: code, secret: secret, at: now, lastUsedStep: used) == nil)
        #expect(try totp.verify(code: code, secret: secret, at: now.addingTimeInterval(25), lastUsedStep: used) == nil)
        // An older code is refused once a newer step was used, even inside the window.
        let previous = try totp.code(secret: secret, step: used - 1)
        #expect(try totp.verify(code: previous, secret: secret, at: now, lastUsedStep: used) == nil)
        // The next step's code still works.
        let next = try totp.code(secret: secret, step: used + 1)
        #expect(try totp.verify(code: next, secret: secret, at: now.addingTimeInterval(30), lastUsedStep: used) == used + 1)
    }

    @Test func theWrongCodeIsRefused() throws {
        let totp = TOTP(), now = Self.at(59)
        let right = try totp.code(secret: Self.sha1Secret, at: now)
        let wrong = String(format: "%06d", (Int(right)! + 1) % 1_000_000)
        #expect(try totp.verify(code: wrong, secret: Self.sha1Secret, at: now, lastUsedStep: nil) == nil)
        #expect(try totp.verify(code: right, secret: Self.sha256Secret, at: now, lastUsedStep: nil) == nil)
    }

    @Test(arguments: ["", "28708", "2870820", "28708a", "287 082", "+87082", "-87082", "２８７０８２", "٢٨٧٠٨٢", "28708\u{0}", "0x1234", String(repeating: "1", count: 100_000)])
    func malformedCodesAreRefused(_ typed: String) throws {
        #expect(try TOTP().verify(code: typed, secret: Self.sha1Secret, at: Self.at(59), lastUsedStep: nil) == nil)
    }

    @Test func surroundingSpacesAreIgnored() throws {
        #expect(try TOTP().verify(code: " 287082\t", secret: Self.sha1Secret, at: Self.at(59), lastUsedStep: nil) == 1)
    }

    @Test func unusableSecretsAndTimesAreErrors() {
        for bad in ["", "not base32!", "A", String(repeating: "A", count: 5000)] {
            #expect(throws: TOTPError.invalidSecret) { try TOTP().code(secret: bad, at: Self.at(59)) }
            #expect(throws: TOTPError.invalidSecret) {
                try TOTP().verify(code: "123456", secret: bad, at: Self.at(59), lastUsedStep: nil)
            }
        }
        #expect(throws: TOTPError.invalidTime) { try TOTP().code(secret: Self.sha1Secret, at: Self.at(-30)) }
        #expect(throws: TOTPError.invalidTime) {
            try TOTP().code(secret: Self.sha1Secret, at: Date(timeIntervalSince1970: .infinity))
        }
        #expect(TOTP().step(at: Date(timeIntervalSince1970: .nan)) == nil)
    }

    @Test func generatedSecretsAre160RandomBits() throws {
        let a = try TOTP.generateSecret(), b = try TOTP.generateSecret()
        #expect(a.count == 32 && !a.contains("="))
        #expect(Base32.decode(a)?.count == 20)
        #expect(a != b)
        let code = try TOTP().code(secret: a, at: Date())
        #expect(try TOTP().verify(code: code, secret: a.lowercased(), at: Date(), lastUsedStep: nil) != nil)
    }

    @Test func provisioningURIFollowsTheKeyURIFormat() throws {
        let uri = TOTP().provisioningURI(secret: "jbsw y3dp ehpk 3pxp", account: "john.doe@email.com", issuer: "ACME Co")
        #expect(uri == "otpauth://totp/ACME%20Co:john.doe@email.com?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30")
        let parsed = try #require(URLComponents(string: uri))
        #expect(parsed.scheme == "otpauth" && parsed.host == "totp")
        #expect(parsed.path == "/ACME Co:john.doe@email.com")
        let items = Dictionary(uniqueKeysWithValues: (parsed.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(items == ["secret": "JBSWY3DPEHPK3PXP", "issuer": "ACME Co", "algorithm": "SHA1", "digits": "6", "period": "30"])
    }

    @Test func provisioningURIEncodesHostileNames() throws {
        let uri = TOTP().provisioningURI(secret: "JBSWY3DPEHPK3PXP", account: "a:b&c=d é/?#", issuer: "Ünï & Co")
        #expect(uri.hasPrefix("otpauth://totp/%C3%9Cn%C3%AF%20%26%20Co:a%3Ab%26c%3Dd%20%C3%A9%2F%3F%23?"))
        #expect(uri.contains("&issuer=%C3%9Cn%C3%AF%20%26%20Co&"))
        let items = try #require(URLComponents(string: uri)?.queryItems)
        #expect(items.count == 5)
        #expect(items.first { $0.name == "issuer" }?.value == "Ünï & Co")
    }
}
