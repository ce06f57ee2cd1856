/// scrypt's cost parameters: N = 2^logN, block size r, parallelism p.
public struct ScryptParameters: Sendable, Hashable, CustomStringConvertible {
    public var logN: Int
    public var r: Int
    public var p: Int

    public init(logN: Int, r: Int, p: Int) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// OWASP's Password Storage Cheat Sheet lists five equivalent minimums for scrypt, from
    /// (2^17, 8, 1) down to (2^13, 8, 10). On this project's 2-core reference machine the
    /// first costs about 390 ms a hash and (2^15, 8, 3) about 245–260 ms; (2^14, 8, 5) costs
    /// about 185 ms, inside the 50–250 ms sign-in budget with room for two sign-ins at once.
    public static let recommended = ScryptParameters(logN: 14, r: 8, p: 5)

    /// Bounds on what a stored hash may ask for, so a corrupt or hostile document cannot make
    /// a sign-in allocate gigabytes or run for minutes: 256 MiB and 4× OWASP's first option.
    static let maximumMemoryBytes = 256 << 20
    static let maximumWork = (1 << 17) * 8 * 4

    /// The memory scrypt's main loop needs: 128 · r · N bytes.
    public var memoryBytes: Int { 128 * r << logN }

    /// The work, in units of one BlockMix: N · r · p.
    public var work: Int { (r * p) << logN }

    /// Weaker when it needs less memory or less work: either makes guessing cheaper.
    public func isWeaker(than other: ScryptParameters) -> Bool {
        memoryBytes < other.memoryBytes || work < other.work
    }

    public var description: String { "ln=\(logN),r=\(r),p=\(p)" }

    /// Within the bounds that keep one verification affordable; nil when acceptable.
    var problem: String? {
        guard (1...24).contains(logN) else { return "ln=\(logN) is outside 1...24" }
        guard (1...64).contains(r) else { return "r=\(r) is outside 1...64" }
        guard (1...64).contains(p) else { return "p=\(p) is outside 1...64" }
        guard memoryBytes <= Self.maximumMemoryBytes else {
            return "\(self) needs \(memoryBytes >> 20) MiB, more than the \(Self.maximumMemoryBytes >> 20) MiB allowed"
        }
        guard work <= Self.maximumWork else { return "\(self) costs more than 4× OWASP's recommendation" }
        return nil
    }
}

/// One stored password hash: `$scrypt$ln=14,r=8,p=5$<salt>$<hash>`, salt and hash in
/// unpadded standard base64 (the PHC string format's convention).
struct EncodedPasswordHash: Equatable {
    var parameters: ScryptParameters
    var salt: [UInt8]
    var hash: [UInt8]

    static let identifier = "scrypt"
    static let saltLengths = 1...64
    static let hashLengths = 16...64

    init(parameters: ScryptParameters, salt: [UInt8], hash: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    var string: String {
        "$\(Self.identifier)$\(parameters)$\(CryptoSupport.base64(salt, padded: false))$\(CryptoSupport.base64(hash, padded: false))"
    }

    init(parsing text: String) throws(PasswordHashError) {
        guard text.utf8.count <= 512 else { throw .malformedHash("longer than any hash this format produces") }
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty else {
            throw .malformedHash("expected $scrypt$ln=…,r=…,p=…$salt$hash")
        }
        guard fields[1] == Self.identifier else { throw .malformedHash("not an scrypt hash") }

        var values: [String: Int] = [:]
        for pair in fields[2].split(separator: ",", omittingEmptySubsequences: false) {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, ["ln", "r", "p"].contains(kv[0]), values[String(kv[0])] == nil,
                  kv[1].utf8.count <= 3, kv[1].allSatisfy(\.isASCIIDigitCharacter), let value = Int(kv[1])
            else { throw .malformedHash("bad parameters \"\(fields[2].prefix(40))\"") }
            values[String(kv[0])] = value
        }
        guard let ln = values["ln"], let r = values["r"], let p = values["p"] else {
            throw .malformedHash("the parameters need ln, r and p")
        }
        parameters = ScryptParameters(logN: ln, r: r, p: p)
        if let problem = parameters.problem { throw .unsupportedParameters(problem) }

        guard let salt = CryptoSupport.bytes(fromBase64: fields[3]), Self.saltLengths.contains(salt.count) else {
            throw .malformedHash("the salt is not base64 of 1 to 64 bytes")
        }
        guard let hash = CryptoSupport.bytes(fromBase64: fields[4]), Self.hashLengths.contains(hash.count) else {
            throw .malformedHash("the hash is not base64 of 16 to 64 bytes")
        }
        self.salt = salt
        self.hash = hash
    }
}

fileprivate extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
