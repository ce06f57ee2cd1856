/// One-time recovery codes for when the authenticator is lost, e.g. `k7mx-p2qd-9h`.
///
/// Only hashes are stored. A code is ten random symbols from a 31-symbol alphabet (about
/// 49.5 bits), so a fast hash is enough: each hash gets its own 16-byte salt, which stops one
/// guess from being tried against every stored code at once.
public struct RecoveryCodes: Sendable, Equatable {
    /// Show these to the user once; never store them.
    public let codes: [String]
    /// Store these, in the same order as `codes`.
    public let hashes: [String]

    public static let defaultCount = 10
    /// Lower case letters and digits without the look-alikes 0/o, 1/l/i.
    public static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    static let symbolCount = 10
    static let hashPrefix = "$sha256$"

    public static func generate(count: Int = defaultCount) throws -> RecoveryCodes {
        var codes: [String] = []
        var hashes: [String] = []
        for _ in 0..<count {
            let symbols = try randomSymbols(symbolCount)
            codes.append(format(symbols))
            hashes.append(try hash(normalized: String(symbols)))
        }
        return RecoveryCodes(codes: codes, hashes: hashes)
    }

    /// When `code` matches one of `hashes`, the hashes left after using it up; nil when it
    /// matches none (or is not shaped like a recovery code). Case, spaces and dashes are
    /// ignored. Every stored hash is checked, in constant time, whichever one matches.
    public static func consume(_ code: String, hashes: [String]) -> [String]? {
        guard let normalized = normalize(code) else { return nil }
        let candidate = Array(normalized.utf8)
        var match: Int?
        for (index, stored) in hashes.enumerated() {
            guard let (salt, digest) = parse(stored) else { continue }
            let equal = CryptoSupport.constantTimeEqual(CryptoSupport.sha256(salt + candidate), digest)
            if equal, match == nil { match = index }
        }
        guard let match else { return nil }
        var remaining = hashes
        remaining.remove(at: match)
        return remaining
    }

    /// The ten symbols in lower case without separators, or nil when `code` cannot be a
    /// recovery code.
    public static func normalize(_ code: String) -> String? {
        guard code.utf8.count <= 64 else { return nil }
        let symbols = code.lowercased().filter { $0 != "-" && $0 != " " }
        guard symbols.count == symbolCount, symbols.allSatisfy(alphabet.contains) else { return nil }
        return symbols
    }

    // MARK: Internals

    /// `abcd-efgh-jk`: groups of four are easier to read aloud and to type.
    static func format(_ symbols: [Character]) -> String {
        var out = ""
        for (i, c) in symbols.enumerated() {
            if i > 0, i % 4 == 0 { out.append("-") }
            out.append(c)
        }
        return out
    }

    /// Uniform symbols by rejection sampling: bytes at or above 248 (8 × 31) are discarded,
    /// so `byte % 31` favours no symbol.
    static func randomSymbols(_ count: Int) throws -> [Character] {
        let limit = UInt8(256 - 256 % alphabet.count)
        var symbols: [Character] = []
        while symbols.count < count {
            for byte in try CryptoSupport.randomBytes(count * 2) where byte < limit && symbols.count < count {
                symbols.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        return symbols
    }

    static func hash(normalized: String) throws -> String {
        let salt = try CryptoSupport.randomBytes(16)
        let digest = CryptoSupport.sha256(salt + Array(normalized.utf8))
        return hashPrefix + CryptoSupport.base64(salt, padded: false) + "$" + CryptoSupport.base64(digest, padded: false)
    }

    static func parse(_ stored: String) -> (salt: [UInt8], digest: [UInt8])? {
        guard stored.hasPrefix(hashPrefix), stored.utf8.count <= 200 else { return nil }
        let parts = stored.dropFirst(hashPrefix.count).split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let salt = CryptoSupport.bytes(fromBase64: parts[0]), !salt.isEmpty,
              let digest = CryptoSupport.bytes(fromBase64: parts[1]), digest.count == 32
        else { return nil }
        return (salt, digest)
    }
}
