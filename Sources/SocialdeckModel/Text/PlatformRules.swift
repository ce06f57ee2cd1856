/// What each network accepts in a post: how it measures the text, how long the text may be,
/// how many hashtags it takes, and whether it needs media and where that media must be.
///
/// Units, from what each platform publishes:
/// - X: twitter-text v3's weighted length (`TwitterText`), 280.
/// - TikTok: UTF-16 code units, 2,200 ("The maximum length is 2200 in UTF-16 runes", the
///   `title` of TikTok's Content Posting API, Direct Post reference).
/// - Instagram (2,200), LinkedIn (3,000) and Facebook (63,206): their APIs say "characters"
///   without saying which (Meta's IG User media reference: "Maximum 2200 characters";
///   LinkedIn's Posts API answers "ShareCommentary text length (N characters) exceeded the
///   maximum allowed (3000 characters)"). They are counted in UTF-16 code units too: a
///   server that counts string length on the JVM or in JavaScript counts those, and they are
///   never fewer than the graphemes a person sees, so a post accepted here is not refused
///   there for its length whichever way the platform counts.
public struct PlatformRules: Sendable, Equatable {
    /// How a platform measures text.
    public enum Unit: String, Sendable, Equatable {
        /// twitter-text's weighted length: URLs 23, emoji and most non-Latin characters 2.
        case twitterWeighted
        case utf16CodeUnits
    }

    public let platform: Platform
    public let unit: Unit
    public let textLimit: Int
    /// The most hashtags a post may carry, when the platform limits them.
    public let hashtagLimit: Int?
    /// Whether a post needs a photo or a video (Instagram and TikTok take no text-only posts).
    public let requiresMedia: Bool
    /// Whether the platform fetches media itself from a public http(s) URL (Instagram's
    /// Graph API takes `image_url`/`video_url` and cannot read a file on this machine).
    public let requiresPublicMediaURL: Bool

    public static func of(_ platform: Platform) -> PlatformRules {
        switch platform {
        case .twitter:
            return PlatformRules(platform: platform, unit: .twitterWeighted, textLimit: platform.textLimit,
                                 hashtagLimit: nil, requiresMedia: false, requiresPublicMediaURL: false)
        case .instagram:
            return PlatformRules(platform: platform, unit: .utf16CodeUnits, textLimit: platform.textLimit,
                                 hashtagLimit: 5, requiresMedia: true, requiresPublicMediaURL: true)
        case .tiktok:
            return PlatformRules(platform: platform, unit: .utf16CodeUnits, textLimit: platform.textLimit,
                                 hashtagLimit: nil, requiresMedia: true, requiresPublicMediaURL: false)
        case .facebook, .linkedin:
            return PlatformRules(platform: platform, unit: .utf16CodeUnits, textLimit: platform.textLimit,
                                 hashtagLimit: nil, requiresMedia: false, requiresPublicMediaURL: false)
        }
    }

    /// The text's length in this platform's unit.
    public func count(_ text: String) -> Int {
        switch unit {
        case .twitterWeighted: return TwitterText.parse(text).weightedLength
        case .utf16CodeUnits: return text.utf16.count
        }
    }

    /// Hashtags as Instagram links them: `#` at the start or after a character that is not a
    /// letter, digit or `_`, followed by one or more letters (any script, with their combining
    /// marks), digits or `_`; the tag ends at anything else (space, punctuation, emoji). Every
    /// occurrence counts, a repeated tag too, so the count never falls short of Instagram's.
    public static func hashtags(in text: String) -> [Substring] {
        var tags: [Substring] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while let hash = scalars[index...].firstIndex(of: "#") {
            let next = scalars.index(after: hash)
            let end = scalars[next...].firstIndex { !isTagCharacter($0) } ?? scalars.endIndex
            let startsWord = hash == scalars.startIndex || !isTagCharacter(scalars[scalars.index(before: hash)])
            if end > next && startsWord {
                tags.append(Substring(scalars[next..<end]))
                index = end
            } else {
                index = next
            }
        }
        return tags
    }

    /// A letter with its combining marks, a decimal digit, or `_`.
    private static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
