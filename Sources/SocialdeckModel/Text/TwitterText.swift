/// X's post length: twitter-text's `parseTweet`, as its Java implementation (the one X's
/// servers validate with) computes it. The text is normalised to NFC; every URL weighs
/// `transformedURLLength`; every emoji, however many code points, weighs `defaultWeight`;
/// any other code point weighs what its range says. The text is valid when it is not blank,
/// weighs at most `maxWeightedTweetLength` and holds none of U+FFFE, U+FEFF, U+FFFF.
/// Directional marks are ordinary characters here (weight 2) and do not make a post invalid.
public enum TwitterText {
    public static func parse(_ text: String, configuration: TweetConfiguration = .v3) -> TweetParseResult {
        let original = Array(text.utf16)
        if original.allSatisfy({ $0 <= 0x20 }) { return .empty }
        let units = TweetUnits(TweetNormalization.nfcUnits(of: text, original: original))
        let urls = TweetURLExtractor.urlRanges(in: units)
        let emoji = configuration.emojiParsingEnabled ? TweetEmoji.shared.sequenceRanges(in: units) : []
        let scale = configuration.scale
        let scaledMaximum = configuration.maxWeightedTweetLength * scale
        let urlWeight = configuration.transformedURLLength * scale

        let ranges = configuration.ranges
        let defaultWeight = configuration.defaultWeight
        var weight = 0, offset = 0, validOffset = 0
        var hasInvalidCharacters = false
        var nextURL = 0, nextEmoji = 0
        while offset < units.count {
            if nextURL < urls.count, urls[nextURL].lowerBound == offset {
                let length = urls[nextURL].count
                weight += urlWeight
                offset += length
                if weight <= scaledMaximum { validOffset += length }
                nextURL += 1
            }
            guard offset < units.count else { break }
            while nextEmoji < emoji.count && emoji[nextEmoji].lowerBound < offset { nextEmoji += 1 }
            let step: Int
            if nextEmoji < emoji.count, emoji[nextEmoji].lowerBound == offset {
                weight += defaultWeight
                step = emoji[nextEmoji].count
            } else {
                let (value, width) = units.scalar(at: offset)
                var characterWeight = defaultWeight
                for entry in ranges where entry.range.contains(value) {
                    characterWeight = entry.weight
                    break
                }
                weight += characterWeight
                step = width
            }
            // twitter-text tests only the first code unit of each character or emoji.
            let unit = units.units[offset]
            hasInvalidCharacters = hasInvalidCharacters || unit == 0xFFFE || unit == 0xFEFF || unit == 0xFFFF
            offset += step
            if !hasInvalidCharacters && weight <= scaledMaximum { validOffset += step }
        }

        let normalizationOffset = original.count - units.count
        let weightedLength = weight / scale
        let tooLong = weightedLength > configuration.maxWeightedTweetLength
        return TweetParseResult(
            weightedLength: weightedLength,
            permillage: weightedLength * 1000 / configuration.maxWeightedTweetLength,
            isValid: !hasInvalidCharacters && !tooLong,
            displayRangeStart: 0, displayRangeEnd: offset + normalizationOffset - 1,
            validRangeStart: 0, validRangeEnd: validOffset + normalizationOffset - 1,
            problem: tooLong ? .tooLong : hasInvalidCharacters ? .invalidCharacters : nil)
    }

    /// The text as `parse` measures it: in Unicode Normalization Form C.
    public static func normalized(_ text: String) -> String {
        TweetNormalization.nfc(text)
    }

    /// The URLs twitter-text's extractor finds in `text` as given (`parse` looks for them in
    /// the NFC form), with UTF-16 ranges.
    public static func urls(in text: String) -> [TweetURL] {
        let units = TweetUnits(Array(text.utf16))
        return TweetURLExtractor.urlRanges(in: units).map { range in
            TweetURL(url: String(decoding: units.units[range], as: UTF16.self), range: range)
        }
    }
}
