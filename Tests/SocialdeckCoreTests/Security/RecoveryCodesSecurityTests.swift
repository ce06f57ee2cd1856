import Foundation
import Testing
import SocialdeckCore

/// Recovery codes: shape, one use each, only hashes stored, normalisation, bad input.
@Suite("Recovery codes security")
struct RecoveryCodesSecurityTests {
    static let alphabet = Set("abcdefghjkmnpqrstuvwxyz23456789")

    @Test func tenDistinctCodesShapedAbcdEfghJk() throws {
        let set = try RecoveryCodes.generate()
        #expect(set.codes.count == 10 && set.hashes.count == 10)
        #expect(Set(set.codes).count == 10 && Set(set.hashes).count == 10)
        for code in set.codes {
            let groups = code.split(separator: "-", omittingEmptySubsequences: false)
            #expect(groups.map(\.count) == [4, 4, 2], "\(code)")
            #expect(groups.joined().allSatisfy(Self.alphabet.contains), "\(code)")
        }
    }

    @Test func onlyHashesAreStored() throws {
        let set = try RecoveryCodes.generate()
        for (code, hash) in zip(set.codes, set.hashes) {
            #expect(hash.hasPrefix("$sha256$"))
            #expect(!hash.contains(code) && !hash.contains(RecoveryCodes.normalize(code)!))
        }
    }

    @Test func eachCodeWorksExactlyOnce() throws {
        let set = try RecoveryCodes.generate()
        var stored = set.hashes
        for (used, code) in set.codes.shuffled().enumerated() {
            let remaining = try #require(RecoveryCodes.consume(code, hashes: stored))
            #expect(remaining.count == 10 - used - 1)
            #expect(RecoveryCodes.consume(code, hashes: remaining) == nil)
            stored = remaining
        }
        #expect(stored.isEmpty)
    }

    @Test func consumingRemovesOnlyTheMatchingHashInOrder() throws {
        let set = try RecoveryCodes.generate()
        let remaining = try #require(RecoveryCodes.consume(set.codes[3], hashes: set.hashes))
        var expected = set.hashes
        expected.remove(at: 3)
        #expect(remaining == expected)
    }

    @Test func caseSpacesAndDashesDoNotMatter() throws {
        let set = try RecoveryCodes.generate()
        let code = set.codes[0]
        let bare = code.replacingOccurrences(of: "-", with: "")
        for typed in [code.uppercased(), bare, " " + bare.uppercased() + " ", code.replacingOccurrences(of: "-", with: " ")] {
            #expect(RecoveryCodes.consume(typed, hashes: set.hashes)?.count == 9, "\(typed)")
        }
        #expect(RecoveryCodes.normalize("ABCD-EFGH-JK") == "abcdefghjk")
    }

    @Test func wrongAndMalformedCodesAreRefused() throws {
        let set = try RecoveryCodes.generate(), other = try RecoveryCodes.generate()
        #expect(RecoveryCodes.consume(other.codes[0], hashes: set.hashes) == nil)
        for bad in ["", "abcd-efgh", "abcd-efgh-jkm", "abcd-efgh-j0", "abcd-efgh-jl", "abcd_efgh_jk",
                    "ａｂｃｄ-ｅｆｇｈ-ｊｋ", String(repeating: "a", count: 100_000)] {
            #expect(RecoveryCodes.normalize(bad) == nil, "\(bad.prefix(20))")
            #expect(RecoveryCodes.consume(bad, hashes: set.hashes) == nil)
        }
        #expect(RecoveryCodes.consume(set.codes[0], hashes: []) == nil)
    }

    @Test func aCorruptStoredHashNeverMatchesAndIsKept() throws {
        let set = try RecoveryCodes.generate()
        let stored = ["garbage", "$sha256$", "$sha256$AAAA$AAAA"] + set.hashes
        let remaining = try #require(RecoveryCodes.consume(set.codes[9], hashes: stored))
        #expect(remaining == Array(stored.dropLast()))
    }

    /// Every symbol of the alphabet turns up, and nothing else: rejection sampling, not a
    /// biased modulo, and no look-alike characters.
    @Test func symbolsCoverTheAlphabet() throws {
        var counts: [Character: Int] = [:]
        for _ in 0..<40 {
            for code in try RecoveryCodes.generate().codes {
                for c in code where c != "-" { counts[c, default: 0] += 1 }
            }
        }
        #expect(Set(counts.keys) == Self.alphabet)
        // 4,000 symbols over 31 values: about 129 each; 60 is far outside chance.
        #expect(counts.values.allSatisfy { $0 > 60 })
    }
}
