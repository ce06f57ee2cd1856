/// twitter-text's top-level domains, ready to be tried at a position: grouped by their first
/// code unit, each group in the order of the list (generic ones first), because the first
/// domain that fits wins even when a longer one would too.
struct TopLevelDomainIndex: Sendable {
    private let byFirstUnit: [UInt16: [[UInt16]]]
    private let countryByFirstUnit: [UInt16: [[UInt16]]]

    static let shared = TopLevelDomainIndex()

    private init() {
        let generic = TopLevelDomains.generic.split(whereSeparator: \.isWhitespace).map { Array($0.utf16) }
        let country = TopLevelDomains.country.split(whereSeparator: \.isWhitespace).map { Array($0.utf16) }
        byFirstUnit = Dictionary(grouping: generic + country, by: { $0[0] })
        countryByFirstUnit = Dictionary(grouping: country, by: { $0[0] })
    }

    /// Where a top-level domain that starts at `index` ends, when the character after it may
    /// follow one. With `countryOnly`, only country codes are tried.
    func end(in text: TweetUnits, at index: Int, countryOnly: Bool = false) -> Int? {
        guard let first = text.unit(index) else { return nil }
        let table = countryOnly ? countryByFirstUnit : byFirstUnit
        guard let candidates = table[TweetCharacters.lowerASCII(first)] else { return nil }
        for candidate in candidates where matches(candidate, in: text, at: index) {
            let end = index + candidate.count
            if TweetCharacters.mayFollowTLD(text.unit(end)) { return end }
        }
        return nil
    }

    private func matches(_ candidate: [UInt16], in text: TweetUnits, at index: Int) -> Bool {
        guard index + candidate.count <= text.count else { return false }
        for offset in 1..<candidate.count where TweetCharacters.lowerASCII(text.units[index + offset]) != candidate[offset] {
            return false
        }
        return true
    }
}
