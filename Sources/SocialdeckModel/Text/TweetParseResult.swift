/// What twitter-text's `parseTweet` reports for a post. Offsets are UTF-16 code units into
/// the text as given (before normalisation), ends inclusive, as twitter-text reports them.
public struct TweetParseResult: Sendable, Equatable {
    /// Why X would refuse the text; nil when it would take it.
    public enum Problem: String, Sendable, Equatable {
        /// Nothing but spaces and control characters.
        case empty
        /// Weighs more than the configuration allows.
        case tooLong = "too_long"
        /// Holds U+FFFE, U+FEFF or U+FFFF.
        case invalidCharacters = "invalid_characters"
    }

    public let weightedLength: Int
    public let permillage: Int
    public let isValid: Bool
    public let displayRangeStart: Int
    public let displayRangeEnd: Int
    public let validRangeStart: Int
    /// The last code unit of the longest start of the text that X would take: where the
    /// over-the-limit part begins is `validRangeEnd + 1`.
    public let validRangeEnd: Int
    public let problem: Problem?

    /// What an empty or blank text gives (twitter-text's `EMPTY_TWITTER_TEXT_PARSE_RESULTS`).
    static let empty = TweetParseResult(weightedLength: 0, permillage: 0, isValid: false, displayRangeStart: -1,
                                        displayRangeEnd: -1, validRangeStart: -1, validRangeEnd: -1, problem: .empty)
}
