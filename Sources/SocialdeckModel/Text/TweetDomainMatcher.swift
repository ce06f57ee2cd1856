/// Finds where a URL's domain ends, by the rules of twitter-text's domain pattern:
/// - labels of letters and digits (ASCII or Latin with accents), `-` inside them, `_` too
///   inside the subdomains, then a known top-level domain or a punycode one (`xn--…`);
///   the most subdomains that still leave a name and a top-level domain behind them win;
/// - only right after `http://` or `https://`: one label of any letters (`http://ああ.com`)
///   before a known top-level domain, or one ASCII label before a country code.
/// A top-level domain counts only when no letter, digit, `@`, `+` or `-` follows it, which
/// is what keeps `example.comics` from being a URL.
///
/// Labels are measured once per text and the answer for each position is remembered, so a
/// text such as `a.a.a.a…` costs linear time rather than quadratic.
struct TweetDomainMatcher {
    private let text: TweetUnits
    private let tlds = TopLevelDomainIndex.shared
    /// For each position, where the run of subdomain characters (letters, digits, `-`, `_`) ends.
    private var subdomainRun: [Int32]
    /// For each position, where the run of name characters (letters, digits, `-`) ends.
    private var nameRun: [Int32]
    /// The domain end found from each position by the subdomain rule: -2 unknown, -1 none.
    private var chainEnd: [Int32]

    init(_ text: TweetUnits) {
        self.text = text
        let count = text.count
        subdomainRun = [Int32](repeating: 0, count: count + 1)
        nameRun = [Int32](repeating: 0, count: count + 1)
        chainEnd = [Int32](repeating: -2, count: count + 1)
        subdomainRun[count] = Int32(count)
        nameRun[count] = Int32(count)
        var index = count - 1
        while index >= 0 {
            let unit = text.units[index]
            let isName = TweetCharacters.isDomainCharacter(unit) || unit == 0x2D
            nameRun[index] = isName ? nameRun[index + 1] : Int32(index)
            subdomainRun[index] = isName || unit == 0x5F ? subdomainRun[index + 1] : Int32(index)
            index -= 1
        }
    }

    /// Where the domain starting at `start` ends, or nil when none starts there.
    mutating func end(at start: Int) -> Int? {
        if let end = subdomainChainEnd(at: start) { return end }
        guard followsProtocol(start) else { return nil }
        if let nameEnd = labelEnd(start, run: nameRun), let end = tlds.end(in: text, at: nameEnd, countryOnly: true) {
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
        var pending: [Int] = []
        var position = start
        var result: Int?
        while true {
            let known = chainEnd[position]
            if known != -2 {
                result = known >= 0 ? Int(known) : nil
                break
            }
            guard let next = labelEnd(position, run: subdomainRun) else {
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

    private func nameAndTopLevelEnd(at start: Int) -> Int? {
        guard let nameEnd = labelEnd(start, run: nameRun) else { return nil }
        return tlds.end(in: text, at: nameEnd) ?? punycodeEnd(at: nameEnd)
    }

    /// The position after the full stop that ends a label starting at `start`, when the
    /// label begins and ends with a letter or digit and holds only what `run` allows.
    private func labelEnd(_ start: Int, run: [Int32]) -> Int? {
        let end = Int(run[start])
        guard end > start, end < text.count, text.units[end] == 0x2E,
              TweetCharacters.isDomainCharacter(text.units[start]),
              TweetCharacters.isDomainCharacter(text.units[end - 1]) else { return nil }
        return end + 1
    }

    /// As `labelEnd`, for a label of any letters (Unicode domain characters and `-`).
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
        text.hasASCII("http://", at: index - 7) || text.hasASCII("https://", at: index - 8)
    }
}
