/// Finds where a URL's domain ends, by the rules of twitter-text's domain pattern:
/// - labels of letters and digits (ASCII or Latin with accents), `-` inside them, `_` too
///   inside the subdomains, then a known top-level domain or a punycode one (`xn--…`);
///   the most subdomains that still leave a name and a top-level domain behind them win;
/// - only right after `http://` or `https://`: one label of any letters (`http://ああ.com`)
///   before a known top-level domain, or one ASCII label before a country code.
/// A top-level domain counts only when no letter, digit, `@`, `+` or `-` follows it, which
/// is what keeps `example.comics` from being a URL.
///
/// Runs of label characters are measured once and the answer for each label start is
/// remembered, so a text such as `a.a.a.a…` or `a-a-a-a…` costs linear time, not quadratic.
struct TweetDomainMatcher {
    private let text: TweetUnits
    private let tlds = TopLevelDomainIndex.shared
    /// The last run of subdomain characters (letters, digits, `-`, `_`) measured: any position
    /// inside it has the same end.
    private var subdomainRun = 0..<0
    /// The last run of name characters (letters, digits, `-`) measured.
    private var nameRun = 0..<0
    /// The domain end found from each label start by the subdomain rule: -2 unknown, -1 none.
    /// Made on the first label that has a successor, which ordinary prose seldom has.
    private var chainEnd: [Int32] = []

    init(_ text: TweetUnits) {
        self.text = text
    }

    /// Where the domain starting at `start` ends, or nil when none starts there.
    mutating func end(at start: Int) -> Int? {
        if let end = subdomainChainEnd(at: start) { return end }
        guard followsProtocol(start) else { return nil }
        if let nameEnd = nameLabelEnd(start), let end = tlds.end(in: text, at: nameEnd, countryOnly: true) {
            return end
        }
        if let nameEnd = unicodeLabelEnd(start), let end = tlds.end(in: text, at: nameEnd) {
            return end
        }
        return nil
    }

    /// Subdomains, a name, a top-level domain. The pattern takes as many subdomains as it can
    /// and gives them back one at a time, so the deepest split that works wins; the answer at
    /// a label is the one at the next label, or else the name-and-TLD split at this one.
    private mutating func subdomainChainEnd(at start: Int) -> Int? {
        if !chainEnd.isEmpty, chainEnd[start] != -2 { return chainEnd[start] >= 0 ? Int(chainEnd[start]) : nil }
        guard let second = subdomainLabelEnd(start) else { return nil }
        if chainEnd.isEmpty { chainEnd = [Int32](repeating: -2, count: text.count + 1) }
        var pending = [start]
        var position = second
        var result: Int?
        while true {
            let known = chainEnd[position]
            if known != -2 {
                result = known >= 0 ? Int(known) : nil
                break
            }
            guard let next = subdomainLabelEnd(position) else {
                chainEnd[position] = -1
                result = nil
                break
            }
            pending.append(position)
            position = next
        }
        while let label = pending.popLast() {
            let found = result ?? nameAndTopLevelEnd(at: label)
            chainEnd[label] = Int32(found ?? -1)
            result = found
        }
        return result
    }

    private mutating func nameAndTopLevelEnd(at start: Int) -> Int? {
        guard let nameEnd = nameLabelEnd(start) else { return nil }
        return tlds.end(in: text, at: nameEnd) ?? punycodeEnd(at: nameEnd)
    }

    /// The position after the full stop that ends a subdomain label starting at `start`.
    private mutating func subdomainLabelEnd(_ start: Int) -> Int? {
        if !subdomainRun.contains(start) {
            let end = text.runEnd(from: start) { TweetCharacters.isDomainCharacter($0) || $0 == 0x2D || $0 == 0x5F }
            subdomainRun = start..<end
        }
        return labelEnd(start, runEnd: subdomainRun.isEmpty ? start : subdomainRun.upperBound)
    }

    /// As `subdomainLabelEnd`, for a name label (no `_`).
    private mutating func nameLabelEnd(_ start: Int) -> Int? {
        if !nameRun.contains(start) {
            let end = text.runEnd(from: start) { TweetCharacters.isDomainCharacter($0) || $0 == 0x2D }
            nameRun = start..<end
        }
        return labelEnd(start, runEnd: nameRun.isEmpty ? start : nameRun.upperBound)
    }

    /// A label runs from `start` to `runEnd`, where a full stop must follow; it begins and
    /// ends with a letter or digit.
    private func labelEnd(_ start: Int, runEnd end: Int) -> Int? {
        guard end > start, end < text.count, text.units[end] == 0x2E,
              TweetCharacters.isDomainCharacter(text.units[start]),
              TweetCharacters.isDomainCharacter(text.units[end - 1]) else { return nil }
        return end + 1
    }

    /// As `nameLabelEnd`, for a label of any letters (Unicode domain characters and `-`).
    private func unicodeLabelEnd(_ start: Int) -> Int? {
        var index = start
        var last: UInt32 = 0x2D
        while index < text.count {
            let (value, width) = text.scalar(at: index)
            guard value == 0x2D || TweetCharacters.isUnicodeDomainCharacter(value) else { break }
            if index == start && value == 0x2D { return nil }
            last = value
            index += width
        }
        guard index > start, last != 0x2D, text.unit(index) == 0x2E else { return nil }
        return index + 1
    }

    /// `xn--` and at least one letter, digit or `-`.
    private func punycodeEnd(at start: Int) -> Int? {
        guard text.hasASCII("xn--", at: start) else { return nil }
        let end = text.runEnd(from: start + 4) { TweetCharacters.isASCIIAlphanumeric($0) || $0 == 0x2D }
        return end > start + 4 ? end : nil
    }

    private func followsProtocol(_ index: Int) -> Bool {
        guard index >= 7, text.units[index - 1] == 0x2F else { return false }
        return text.hasASCII("http://", at: index - 7) || text.hasASCII("https://", at: index - 8)
    }
}
