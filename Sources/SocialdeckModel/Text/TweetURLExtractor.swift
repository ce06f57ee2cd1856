/// A URL twitter-text finds in a post (which X shortens to a t.co link of fixed length).
public struct TweetURL: Sendable, Equatable {
    /// The URL as written.
    public let url: String
    /// Where it is, in UTF-16 code units of the text searched.
    public let range: Range<Int>
}

/// twitter-text's URL extraction (`extractURLsWithIndices`, as its Java implementation does it).
/// A URL is found where its pattern finds one, scanning left to right:
/// - it follows the start of the text or a character that is not a letter, digit, `@`, `$`
///   or `#` (so `foo@example.com` and `#example.com` hold none);
/// - an optional `http://` or `https://`, a domain (`TweetDomainMatcher`), an optional port,
///   a path of the characters URLs use with at most two levels of balanced parentheses and
///   not ending in punctuation, and a query that does not end in punctuation;
/// - without a protocol it must not follow `-`, `_`, `.` or `/`;
/// - a t.co link stops after its slug (at most 40 letters and digits) and query;
/// - the host must convert to ASCII (IDNA: every label 1–63 characters, nothing prohibited)
///   and the URL, with a protocol, must fit in 4,096 characters.
/// What only looks like a URL (`example.comics`, `foo.bar`, `http://-bad.com`, a 64-letter
/// label) is left as text.
enum TweetURLExtractor {
    static let maxURLLength = 4096
    static let maxTcoSlugLength = 40
    /// `https://`: the length added to a URL written without a protocol.
    static let defaultProtocolLength = 8

    struct Match {
        let start: Int
        let end: Int
        let hasProtocol: Bool
        let domain: Range<Int>
        /// Where the regular-expression match ended: the next search starts there.
        let searchEnd: Int
    }

    /// The URLs in `text`, in order, as ranges of code units.
    static func urlRanges(in text: TweetUnits) -> [Range<Int>] {
        guard text.units.contains(0x2E) else { return [] }
        var domains = TweetDomainMatcher(text)
        var found: [Range<Int>] = []
        var searchFrom = 0
        while searchFrom < text.count, let (preceding, match) = nextMatch(in: text, from: searchFrom, domains: &domains) {
            searchFrom = match.searchEnd
            if !match.hasProtocol, let preceding, [0x2D, 0x5F, 0x2E, 0x2F].contains(preceding) {
                continue
            }
            var end = match.end
            if match.hasProtocol, let tcoEnd = tcoEnd(in: text, start: match.start, end: end) {
                guard let tcoEnd else { continue }
                end = tcoEnd
            }
            guard hostIsValid(in: text, urlLength: end - match.start, domain: match.domain,
                              hasProtocol: match.hasProtocol) else { continue }
            found.append(match.start..<end)
        }
        return found
    }

    /// The next place the URL pattern matches at or after `from`, with the unit it consumed
    /// before the URL (nil at the start of the text).
    private static func nextMatch(in text: TweetUnits, from: Int,
                                  domains: inout TweetDomainMatcher) -> (UInt16?, Match)? {
        var index = from
        while index < text.count {
            let (value, width) = text.scalar(at: index)
            if TweetCharacters.mayPrecedeURL(value), let match = url(in: text, at: index + width, domains: &domains) {
                return (width == 1 ? text.units[index] : nil, match)
            }
            if index == 0, let match = url(in: text, at: 0, domains: &domains) {
                return (nil, match)
            }
            index += width
        }
        return nil
    }

    /// The URL starting at `start`: with a protocol if one fits, otherwise without.
    private static func url(in text: TweetUnits, at start: Int, domains: inout TweetDomainMatcher) -> Match? {
        guard start < text.count else { return nil }
        // A URL starts with a letter or digit, or right after "http://" with any domain character.
        guard TweetCharacters.isDomainCharacter(text.units[start]) || (start >= 7 && text.units[start - 1] == 0x2F) else {
            return nil
        }
        let mayHaveProtocol = text.units[start] | 0x20 == 0x68
        let protocolLength = !mayHaveProtocol ? 0 : text.hasASCII("https://", at: start) ? 8 : text.hasASCII("http://", at: start) ? 7 : 0
        if protocolLength > 0, let domainEnd = domains.end(at: start + protocolLength) {
            return finish(in: text, start: start, domain: start + protocolLength..<domainEnd, hasProtocol: true)
        }
        if let domainEnd = domains.end(at: start) {
            return finish(in: text, start: start, domain: start..<domainEnd, hasProtocol: false)
        }
        return nil
    }

    /// Port, path and query after the domain.
    private static func finish(in text: TweetUnits, start: Int, domain: Range<Int>, hasProtocol: Bool) -> Match {
        var end = domain.upperBound
        if text.unit(end) == 0x3A, let digit = text.unit(end + 1), digit >= 0x30 && digit <= 0x39 {
            end = text.runEnd(from: end + 1) { $0 >= 0x30 && $0 <= 0x39 }
        }
        if text.unit(end) == 0x2F {
            end = pathEnd(in: text, from: end + 1)
        }
        if text.unit(end) == 0x3F {
            end = queryEnd(in: text, from: end + 1, limit: text.count) ?? end
        }
        return Match(start: start, end: end, hasProtocol: hasProtocol, domain: domain, searchEnd: end)
    }

    /// The path runs over path characters and balanced parentheses, and ends after the last
    /// character a path may end with or the last parenthesised group.
    private static func pathEnd(in text: TweetUnits, from start: Int) -> Int {
        var index = start
        var end = start
        while index < text.count {
            let unit = text.units[index]
            if TweetCharacters.isPathCharacter(unit) {
                index += 1
                if TweetCharacters.isPathEndingCharacter(unit) { end = index }
            } else if unit == 0x28, let close = balancedParenthesesEnd(in: text, at: index) {
                index = close
                end = index
            } else {
                break
            }
        }
        return end
    }

    /// `(chars)` or `(chars(chars)chars)`, with at least one character in the innermost pair.
    private static func balancedParenthesesEnd(in text: TweetUnits, at open: Int) -> Int? {
        let first = text.runEnd(from: open + 1, TweetCharacters.isPathCharacter)
        if first > open + 1, text.unit(first) == 0x29 { return first + 1 }
        guard text.unit(first) == 0x28 else { return nil }
        let inner = text.runEnd(from: first + 1, TweetCharacters.isPathCharacter)
        guard inner > first + 1, text.unit(inner) == 0x29 else { return nil }
        let after = text.runEnd(from: inner + 1, TweetCharacters.isPathCharacter)
        return text.unit(after) == 0x29 ? after + 1 : nil
    }

    /// After `?`: query characters, up to the last one a query may end with; nil when none.
    private static func queryEnd(in text: TweetUnits, from start: Int, limit: Int) -> Int? {
        var index = start
        var end: Int?
        while index < limit, TweetCharacters.isQueryCharacter(text.units[index]) {
            index += 1
            if TweetCharacters.isQueryEndingCharacter(text.units[index - 1]) { end = index }
        }
        return end
    }

    /// For `http(s)://t.co/slug…`: nil when it is not a t.co link, `.some(nil)` when its slug
    /// is too long (no URL), else where the link ends (after the slug and any query).
    private static func tcoEnd(in text: TweetUnits, start: Int, end: Int) -> Int?? {
        let protocolLength = text.hasASCII("https://", at: start) ? 8 : 7
        let slugStart = start + protocolLength + 5
        guard slugStart < end, text.hasASCII("t.co/", at: start + protocolLength) else { return nil }
        let slugEnd = min(text.runEnd(from: slugStart, TweetCharacters.isASCIIAlphanumeric), end)
        guard slugEnd > slugStart else { return nil }
        guard slugEnd - slugStart <= maxTcoSlugLength else { return .some(nil) }
        if slugEnd < end, text.units[slugEnd] == 0x3F, let queryEnd = queryEnd(in: text, from: slugEnd + 1, limit: end) {
            return queryEnd
        }
        return slugEnd
    }

    /// The host converts to ASCII and the URL fits in 4,096 characters once it does.
    private static func hostIsValid(in text: TweetUnits, urlLength: Int, domain: Range<Int>, hasProtocol: Bool) -> Bool {
        guard let asciiLength = IDNA.asciiLength(of: text.units[domain]) else { return false }
        let length = urlLength + asciiLength - domain.count + (hasProtocol ? 0 : defaultProtocolLength)
        return length <= maxURLLength
    }
}
