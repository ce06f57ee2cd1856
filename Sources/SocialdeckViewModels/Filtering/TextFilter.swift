import SocialdeckModel

/// What `/` typed, read as words that must all match: each word is found in one of
/// an item's texts (title, body, author, status, organization), or names one of its
/// platforms. A word that is a badge the lists show ("tt", "li", "x") means that
/// platform only, so "tt" does not also find "butter".
public struct TextFilter: Sendable, Equatable {
    public let text: String
    private let words: [String]

    public init(_ text: String) {
        self.text = text
        words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private static let badges = Set(Platform.allCases.map { $0.badge.lowercased() })

    public var isActive: Bool { !words.isEmpty }

    public func matches(texts: [String], platforms: [Platform]) -> Bool {
        // No words match everything. The lists ask on every frame, for every item (a
        // staff queue holds 200), so lowercasing their bodies first cost most of a frame.
        guard isActive else { return true }
        let haystacks = texts.map { $0.lowercased() }
        return words.allSatisfy { word in
            if Self.badges.contains(word) { return platforms.contains { $0.badge.lowercased() == word } }
            return platforms.contains { $0.displayName.lowercased().hasPrefix(word) } || haystacks.contains { $0.contains(word) }
        }
    }
}
