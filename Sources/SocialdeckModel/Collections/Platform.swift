import Foundation

/// The five social networks. The stored value for X stays `twitter`, as in the spec.
public enum Platform: String, Codable, Sendable, CaseIterable, BSONRepresentable {
    case facebook, instagram, twitter, linkedin, tiktok

    /// A platform by the name people write: its stored name or "x" for X, in any case.
    public init?(named name: String) {
        let lower = name.trimmingCharacters(in: .whitespaces).lowercased()
        self.init(rawValue: lower == "x" ? "twitter" : lower)
    }

    public var displayName: String {
        switch self {
        case .facebook: return "Facebook"
        case .instagram: return "Instagram"
        case .twitter: return "X"
        case .linkedin: return "LinkedIn"
        case .tiktok: return "TikTok"
        }
    }

    /// The short name lists show: "FB", "IG", "X", "LI", "TT".
    public var badge: String {
        switch self {
        case .facebook: return "FB"
        case .instagram: return "IG"
        case .twitter: return "X"
        case .linkedin: return "LI"
        case .tiktok: return "TT"
        }
    }

    /// The longest post text each platform accepts (X counts with weights; see `PostLength`).
    public var textLimit: Int {
        switch self {
        case .facebook: return 63_206
        case .instagram: return 2_200
        case .twitter: return 280
        case .linkedin: return 3_000
        case .tiktok: return 2_200
        }
    }
}
