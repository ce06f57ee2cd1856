import Testing
import SocialdeckModel

/// twitter-text's conformance suite (transcribed in `TwitterTextValidateData`,
/// `TwitterTextExtractData` and `TwitterTextTLDData`, Apache-2.0) and outcomes of its Java
/// implementation (`TwitterTextOracleData`). Every case of the sections that bear on counting is
/// here; the sections left out test other twitter-text functions that counting never calls:
/// usernames, lists, hashtags, cashtags, mentions and replies (extraction and validation),
/// `isValidUrl` (validate.yml `urls`, `urls_without_protocol`: RFC 3986 checks of a whole
/// string), autolinking and hit highlighting.
@Suite("twitter-text conformance")
struct TwitterTextConformanceTests {
    @Test("v3 weighted length (WeightedTweetsWithDiscountedEmojiCounterTest)", arguments: TwitterTextValidateData.weightedV3)
    func weightedV3(_ example: WeightedCase) {
        example.check(TwitterText.parse(example.text, configuration: .v3))
    }

    @Test("v2 weighted length (WeightedTweetsCounterTest)", arguments: TwitterTextValidateData.weightedV2)
    func weightedV2(_ example: WeightedCase) {
        example.check(TwitterText.parse(example.text, configuration: .v2))
    }

    @Test("directional marks (UnicodeDirectionalMarkerCounterTest)", arguments: TwitterTextValidateData.directionalMarkers)
    func directionalMarkers(_ example: WeightedCase) {
        example.check(TwitterText.parse(example.text))
    }

    @Test("valid tweets under v1 (tweets)", arguments: TwitterTextValidateData.tweets)
    func validity(_ example: ValidityCase) {
        #expect(TwitterText.parse(example.text, configuration: .v1).isValid == example.valid, "\(example.description)")
    }

    @Test("URLs (urls, tco_urls_with_params)", arguments: TwitterTextExtractData.urls + TwitterTextExtractData.tcoURLsWithParams)
    func urls(_ example: URLCase) {
        #expect(TwitterText.urls(in: example.text).map(\.url) == example.expected, "\(example.description)")
    }

    @Test("URLs with indices (urls_with_indices, urls_with_directional_markers)",
          arguments: TwitterTextExtractData.urlsWithIndices + TwitterTextExtractData.urlsWithDirectionalMarkers)
    func urlsWithIndices(_ example: IndexedURLCase) {
        let found = TwitterText.urls(in: example.text)
        #expect(found.map(\.url) == example.expected.map(\.url), "\(example.description)")
        #expect(found.map(\.range) == example.expected.map(\.range), "\(example.description)")
    }

    @Test("every country-code TLD (tlds.yml country)")
    func countryTLDs() {
        checkTLDs(TwitterTextTLDData.country)
    }

    @Test("every generic TLD (tlds.yml generic)")
    func genericTLDs() {
        checkTLDs(TwitterTextTLDData.generic)
    }

    private func checkTLDs(_ list: String) {
        let tlds = list.split(whereSeparator: \.isWhitespace)
        #expect(tlds.count > 300)
        for tld in tlds {
            let url = "https://twitter.\(tld)"
            #expect(TwitterText.urls(in: url).map(\.url) == [url], "\(tld) is a valid tld")
        }
    }

    @Test("what twitter-text's Java implementation answers", arguments: TwitterTextOracleData.cases)
    func oracle(_ example: OracleCase) {
        let result = TwitterText.parse(example.text)
        #expect(result.weightedLength == example.weightedLength)
        #expect(result.isValid == example.valid)
        #expect(result.validRangeEnd == example.validRangeEnd)
        #expect(TwitterText.urls(in: TwitterText.normalized(example.text)).map(\.range) == example.urls)
    }
}

struct WeightedCase: Sendable, CustomTestStringConvertible {
    let description: String
    let text: String
    let weightedLength: Int
    let valid: Bool
    let permillage: Int
    let displayRange: ClosedRange<Int>
    let validRange: ClosedRange<Int>

    init(_ description: String, _ text: String, weightedLength: Int, valid: Bool, permillage: Int,
         displayRange: ClosedRange<Int>, validRange: ClosedRange<Int>) {
        self.description = description
        self.text = text
        self.weightedLength = weightedLength
        self.valid = valid
        self.permillage = permillage
        self.displayRange = displayRange
        self.validRange = validRange
    }

    var testDescription: String { description }

    func check(_ result: TweetParseResult) {
        #expect(result.weightedLength == weightedLength, "\(description)")
        #expect(result.isValid == valid, "\(description)")
        #expect(result.permillage == permillage, "\(description)")
        #expect(result.displayRangeStart...result.displayRangeEnd == displayRange, "\(description)")
        #expect(result.validRangeStart...result.validRangeEnd == validRange, "\(description)")
    }
}

struct ValidityCase: Sendable, CustomTestStringConvertible {
    let description: String
    let text: String
    let valid: Bool

    init(_ description: String, _ text: String, valid: Bool) {
        self.description = description
        self.text = text
        self.valid = valid
    }

    var testDescription: String { description }
}

struct URLCase: Sendable, CustomTestStringConvertible {
    let description: String
    let text: String
    let expected: [String]

    init(_ description: String, _ text: String, _ expected: [String]) {
        self.description = description
        self.text = text
        self.expected = expected
    }

    var testDescription: String { description }
}

struct IndexedURLCase: Sendable, CustomTestStringConvertible {
    let description: String
    let text: String
    let expected: [(url: String, range: Range<Int>)]

    init(_ description: String, _ text: String, _ expected: [(String, Range<Int>)]) {
        self.description = description
        self.text = text
        self.expected = expected.map { (url: $0.0, range: $0.1) }
    }

    var testDescription: String { description }
}

struct OracleCase: Sendable, CustomTestStringConvertible {
    let text: String
    let weightedLength: Int
    let valid: Bool
    let validRangeEnd: Int
    let urls: [Range<Int>]

    init(_ text: String, weightedLength: Int, valid: Bool, validRangeEnd: Int, urls: [Range<Int>]) {
        self.text = text
        self.weightedLength = weightedLength
        self.valid = valid
        self.validRangeEnd = validRangeEnd
        self.urls = urls
    }

    var testDescription: String { String(reflecting: text) }
}
