/// twitter-text's top-level domains, ready to be tried at a position: grouped by their first
/// two code units (every domain has two or more), each group in the order of the list
/// (generic ones first), because the first domain that fits wins even when a longer one would.
struct TopLevelDomainIndex: Sendable {
    private let byFirstUnits: [UInt32: [[UInt16]]]
    private let countryByFirstUnits: [UInt32: [[UInt16]]]

    static let shared = TopLevelDomainIndex()

    private init() {
        let generic = TopLevelDomains.generic.split(whereSeparator: \.isWhitespace).map { Array($0.utf16) }
        let country = TopLevelDomains.country.split(whereSeparator: \.isWhitespace).map { Array($0.utf16) }
        byFirstUnits = Dictionary(grouping: generic + country, by: { UInt32($0[0]) << 16 | UInt32($0[1]) })
        countryByFirstUnits = Dictionary(grouping: country, by: { UInt32($0[0]) << 16 | UInt32($0[1]) })
    }

    /// Where a top-level domain that starts at `index` ends, when the character after it may
    /// follow one. With `countryOnly`, only country codes are tried.
    func end(in text: TweetUnits, at index: Int, countryOnly: Bool = false) -> Int? {
        guard let first = text.unit(index), let second = text.unit(index + 1) else { return nil }
        let key = UInt32(TweetCharacters.lowerASCII(first)) << 16 | UInt32(TweetCharacters.lowerASCII(second))
        guard let candidates = (countryOnly ? countryByFirstUnits : byFirstUnits)[key] else { return nil }
        for candidate in candidates where matches(candidate, in: text, at: index) {
            let end = index + candidate.count
            if TweetCharacters.mayFollowTLD(text.unit(end)) { return end }
        }
        return nil
    }

    private func matches(_ candidate: [UInt16], in text: TweetUnits, at index: Int) -> Bool {
        guard index + candidate.count <= text.count else { return false }
        for offset in 2..<candidate.count where TweetCharacters.lowerASCII(text.units[index + offset]) != candidate[offset] {
            return false
        }
        return true
    }
}
