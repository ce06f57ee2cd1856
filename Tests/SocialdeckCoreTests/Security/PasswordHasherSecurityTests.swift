import Foundation
import Testing
import SocialdeckCore
import SocialdeckTestSupport

/// scrypt password hashes: RFC 7914 vectors, the stored format, limits, malformed input, upgrades.
@Suite("Password hashing security")
struct PasswordHasherSecurityTests {
    /// Cheap parameters keep the suite fast; one test uses the real ones.
    let fast = fastHasher

    static func b64(_ bytes: [UInt8]) -> String {
        String(Data(bytes).base64EncodedString().prefix { $0 != "=" })
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            out.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        return out
    }

    @Test(arguments: [
        ("password", "NaCl", "ln=10,r=8,p=16",
         "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
        ("pleaseletmein", "SodiumChloride", "ln=14,r=8,p=1",
         "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"),
    ])
    func rfc7914VectorsVerify(password: String, salt: String, params: String, expectedHex: String) throws {
        let encoded = "$scrypt$\(params)$\(Self.b64(Array(salt.utf8)))$\(Self.b64(Self.bytes(hex: expectedHex)))"
        #expect(try fast.verify(password, against: encoded))
        #expect(try !fast.verify(password + "!", against: encoded))
        var wrong = Self.bytes(hex: expectedHex)
        wrong[63] ^= 1
        #expect(try !fast.verify(password, against: "$scrypt$\(params)$\(Self.b64(Array(salt.utf8)))$\(Self.b64(wrong))"))
    }

    @Test func hashRecordsItsParametersSaltAndHash() throws {
        let encoded = try fast.hash("correct horse battery staple")
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        #expect(fields.count == 5)
        #expect(fields[1] == "scrypt")
        #expect(fields[2] == "ln=10,r=8,p=1")
        #expect(fields[3].count == 22)   // 16 bytes, unpadded base64
        #expect(fields[4].count == 43)   // 32 bytes
        #expect(try fast.verify("correct horse battery staple", against: encoded))
        #expect(try !fast.verify("correct horse battery stapl", against: encoded))
        #expect(try !fast.verify("Correct horse battery staple", against: encoded))
    }

    @Test func everyHashHasItsOwnSalt() throws {
        let a = try fast.hash("same password"), b = try fast.hash("same password")
        #expect(a != b)
        #expect(a.split(separator: "$")[2] != b.split(separator: "$")[2])
        #expect(try fast.verify("same password", against: a) && fast.verify("same password", against: b))
    }

    @Test func recommendedParametersMeetOWASP() throws {
        let hasher = PasswordHasher()
        #expect(hasher.parameters == ScryptParameters(logN: 14, r: 8, p: 5))
        // OWASP's minimums: r = 8 and, for N = 2^14, p ≥ 5 (16 MiB).
        #expect(hasher.parameters.memoryBytes == 16 << 20)
        let encoded = try hasher.hash("pässwörd")
        #expect(encoded.hasPrefix("$scrypt$ln=14,r=8,p=5$"))
        #expect(try hasher.verify("pässwörd", against: encoded))
        #expect(!hasher.needsRehash(encoded))
    }

    @Test func aHasherVerifiesHashesMadeWithOtherParameters() throws {
        let old = try fast.hash("hunter2")
        #expect(try PasswordHasher().verify("hunter2", against: old))
    }

    @Test func emptyAndOverlongPasswordsAreRefused() throws {
        #expect(throws: PasswordHashError.emptyPassword) { try fast.hash("") }
        #expect(throws: PasswordHashError.emptyPassword) { try fast.verify("", against: fast.hash("x")) }
        let limit = PasswordHasher.maximumPasswordBytes
        #expect(try fast.verify(String(repeating: "a", count: limit), against: fast.hash(String(repeating: "a", count: limit))))
        #expect(throws: PasswordHashError.passwordTooLong(byteCount: limit + 1, limit: limit)) {
            try fast.hash(String(repeating: "a", count: limit + 1))
        }
        // Bytes, not characters: 342 × "€" is 1,026 bytes.
        #expect(throws: PasswordHashError.passwordTooLong(byteCount: 1026, limit: limit)) {
            try fast.hash(String(repeating: "€", count: 342))
        }
    }

    @Test func aMegabytePasswordIsRefusedInWellUnderAMillisecond() throws {
        let huge = String(repeating: "x", count: 1 << 20)
        let stored = try fast.hash("short")
        let clock = ContinuousClock()
        var fastest = Duration.seconds(1)
        for _ in 0..<5 {
            let elapsed = clock.measure {
                #expect(throws: PasswordHashError.passwordTooLong(byteCount: 1 << 20, limit: 1024)) {
                    try PasswordHasher().verify(huge, against: stored)
                }
            }
            fastest = min(fastest, elapsed)
        }
        #expect(fastest < .milliseconds(1))
    }

    @Test func equivalentUnicodeSpellingsOfAPasswordMatch() throws {
        let composed = "caf\u{E9}"          // é as one scalar
        let decomposed = "cafe\u{301}"      // e + combining acute
        let stored = try fast.hash(composed)
        #expect(try fast.verify(decomposed, against: stored))
        #expect(try !fast.verify("cafe", against: stored))
    }

    @Test(arguments: [
        "", "$", "$scrypt$", "scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$bcrypt$ln=10,r=8,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1,ln=3$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=+10,r=8,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=ten,r=8,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=99999999999999999999,r=8,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$not base64!$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$$AAAAAAAAAAAAAAAAAAAAAA",
        "$scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ$AAAA",
        "$scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA$extra",
        "$scrypt$ln=10,r=8,p=1$c2FsdHNhbHQ$A",
        String(repeating: "$scrypt", count: 10_000),
    ])
    func malformedHashesAreTypedErrors(_ encoded: String) {
        #expect {
            try fast.verify("password", against: encoded)
        } throws: { error in
            guard case .malformedHash = error as? PasswordHashError else { return false }
            return true
        }
        #expect(fast.needsRehash(encoded))
    }

    @Test(arguments: ["ln=30,r=8,p=1", "ln=20,r=8,p=1", "ln=17,r=8,p=64", "ln=0,r=8,p=1", "ln=10,r=0,p=1", "ln=10,r=8,p=0"])
    func parametersASignInCannotAffordAreRefused(_ params: String) {
        let encoded = "$scrypt$\(params)$c2FsdHNhbHQ$AAAAAAAAAAAAAAAAAAAAAA"
        #expect {
            try fast.verify("password", against: encoded)
        } throws: { error in
            guard case .unsupportedParameters = error as? PasswordHashError else { return false }
            return true
        }
    }

    @Test func weakerHashesNeedRehashingAndStrongerOnesDoNot() throws {
        let current = PasswordHasher()
        func stored(_ params: String, salt: String? = nil, hash: String? = nil) -> String {
            "$scrypt$\(params)$\(salt ?? Self.b64(Array(repeating: 7, count: 16)))$\(hash ?? Self.b64(Array(repeating: 9, count: 32)))"
        }
        #expect(!current.needsRehash(stored("ln=14,r=8,p=5")))
        #expect(!current.needsRehash(stored("ln=17,r=8,p=1")))   // OWASP's first option: more memory and work
        #expect(!current.needsRehash(stored("ln=15,r=8,p=3")))
        #expect(current.needsRehash(stored("ln=10,r=8,p=1")))
        #expect(current.needsRehash(stored("ln=14,r=8,p=4")))    // less work
        #expect(current.needsRehash(stored("ln=13,r=8,p=10")))   // less memory
        #expect(current.needsRehash(stored("ln=14,r=8,p=5", salt: Self.b64(Array(repeating: 7, count: 8)))))
        #expect(current.needsRehash(stored("ln=14,r=8,p=5", hash: Self.b64(Array(repeating: 9, count: 16)))))
        #expect(current.needsRehash(try fast.hash("password")))
    }
}
