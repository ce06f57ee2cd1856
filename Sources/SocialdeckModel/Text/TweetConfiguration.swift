/// How X weighs a post's characters: twitter-text's configuration files (`config/v1.json`,
/// `v2.json`, `v3.json`). X counts with `v3`; the older ones are kept because twitter-text's
/// conformance cases for them check the same machinery.
public struct TweetConfiguration: Sendable, Equatable {
    /// A run of code points and the weight each of them has.
    public struct WeightedRange: Sendable, Equatable {
        public let range: ClosedRange<UInt32>
        public let weight: Int

        public init(_ range: ClosedRange<UInt32>, weight: Int) {
            self.range = range
            self.weight = weight
        }
    }

    public let version: Int
    /// The most a post may weigh, in characters.
    public let maxWeightedTweetLength: Int
    /// Weights are whole numbers scaled by this: a weight of 200 at scale 100 is two characters.
    public let scale: Int
    /// The weight of a code point in none of `ranges`, and of every emoji.
    public let defaultWeight: Int
    /// What any URL weighs once X has shortened it to t.co, in characters.
    public let transformedURLLength: Int
    public let ranges: [WeightedRange]
    /// Whether an emoji sequence weighs `defaultWeight` as a whole rather than per code point.
    public let emojiParsingEnabled: Bool

    public init(version: Int, maxWeightedTweetLength: Int, scale: Int, defaultWeight: Int,
                transformedURLLength: Int, ranges: [WeightedRange], emojiParsingEnabled: Bool) {
        self.version = version
        self.maxWeightedTweetLength = maxWeightedTweetLength
        self.scale = scale
        self.defaultWeight = defaultWeight
        self.transformedURLLength = transformedURLLength
        self.ranges = ranges
        self.emojiParsingEnabled = emojiParsingEnabled
    }

    /// 140 characters, every code point weighing one.
    public static let v1 = TweetConfiguration(version: 1, maxWeightedTweetLength: 140, scale: 1, defaultWeight: 1,
                                              transformedURLLength: 23, ranges: [], emojiParsingEnabled: false)

    /// 280 characters; Latin, Greek, Cyrillic and the like (up to U+10FF) and some spaces,
    /// dashes and quotes weigh one, everything else two.
    public static let v2 = TweetConfiguration(version: 2, maxWeightedTweetLength: 280, scale: 100, defaultWeight: 200,
                                              transformedURLLength: 23, ranges: lightRanges, emojiParsingEnabled: false)

    /// v2, with a whole emoji sequence weighing two: what X counts today.
    public static let v3 = TweetConfiguration(version: 3, maxWeightedTweetLength: 280, scale: 100, defaultWeight: 200,
                                              transformedURLLength: 23, ranges: lightRanges, emojiParsingEnabled: true)

    private static let lightRanges = [
        WeightedRange(0...4351, weight: 100),
        WeightedRange(8192...8205, weight: 100),
        WeightedRange(8208...8223, weight: 100),
        WeightedRange(8242...8247, weight: 100),
    ]
}
