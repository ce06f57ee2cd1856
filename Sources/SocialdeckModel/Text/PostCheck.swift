import Foundation

/// A post measured against one platform: its length in the platform's unit, the limit, and
/// every reason it cannot go there as it stands. The composer shows one per target platform
/// on each keystroke.
public struct PostCheck: Sendable, Equatable {
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// No text and no media: nothing to post.
        case empty
        case tooLong(count: Int, limit: Int)
        /// X refuses U+FFFE, U+FEFF and U+FFFF.
        case invalidCharacters
        case tooManyHashtags(count: Int, limit: Int)
        case needsMedia
        /// The media is a local path or a private address the platform cannot fetch.
        case mediaNotPublic(String)

        public var description: String {
            switch self {
            case .empty: return "the text is empty"
            case .tooLong(let count, let limit): return "\(count - limit) over the limit of \(limit)"
            case .invalidCharacters: return "the text holds a character X refuses (U+FFFE, U+FEFF or U+FFFF)"
            case .tooManyHashtags(let count, let limit): return "\(count) hashtags; at most \(limit)"
            case .needsMedia: return "needs a photo or a video"
            case .mediaNotPublic(let reference): return "media must be at a public http(s) URL, not \(reference)"
            }
        }
    }

    public let platform: Platform
    public let count: Int
    public let limit: Int
    public let reasons: [Reason]

    public var canPost: Bool { reasons.isEmpty }

    /// Checks `text` with its `media` (local paths or URLs) against `platform`'s rules.
    public init(text: String, media: [String] = [], on platform: Platform) {
        let rules = PlatformRules.of(platform)
        var reasons: [Reason] = []
        if platform == .twitter {
            let parsed = TwitterText.parse(text)
            count = parsed.weightedLength
            switch parsed.problem {
            case .empty?: if media.isEmpty { reasons.append(.empty) }
            case .tooLong?: reasons.append(.tooLong(count: count, limit: rules.textLimit))
            case .invalidCharacters?: reasons.append(.invalidCharacters)
            case nil: break
            }
            if parsed.problem == .tooLong && text.utf16.contains(where: { $0 == 0xFFFE || $0 == 0xFEFF || $0 == 0xFFFF }) {
                reasons.append(.invalidCharacters)
            }
        } else {
            count = rules.count(text)
            if media.isEmpty && !rules.requiresMedia && text.allSatisfy(\.isWhitespace) { reasons.append(.empty) }
            if count > rules.textLimit { reasons.append(.tooLong(count: count, limit: rules.textLimit)) }
        }
        limit = rules.textLimit
        if let hashtagLimit = rules.hashtagLimit {
            let tags = PlatformRules.hashtags(in: text).count
            if tags > hashtagLimit { reasons.append(.tooManyHashtags(count: tags, limit: hashtagLimit)) }
        }
        if rules.requiresMedia && media.isEmpty { reasons.append(.needsMedia) }
        if rules.requiresPublicMediaURL {
            reasons += media.filter { !PostCheck.isPublicURL($0) }.map { Reason.mediaNotPublic($0) }
        }
        self.platform = platform
        self.reasons = reasons
    }

    /// An http or https URL whose host is a name or address on the public internet: not a
    /// file path, `file:` URL, `localhost`, `.local` name, or loopback, private or link-local address.
    public static func isPublicURL(_ reference: String) -> Bool {
        guard let components = URLComponents(string: reference),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")),
              !host.isEmpty else { return false }
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") {
            return false
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        if octets.count == 4 && host.split(separator: ".").count == 4 {
            switch (octets[0], octets[1]) {
            case (0, _), (10, _), (127, _), (169, 254), (192, 168): return false
            case (172, 16...31), (100, 64...127): return false
            default: return true
            }
        }
        if host.contains(":") {
            return !(host == "::1" || host == "::" || host.hasPrefix("fc") || host.hasPrefix("fd") || host.hasPrefix("fe80"))
        }
        return host.contains(".")
    }
}
