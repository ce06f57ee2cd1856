import Foundation
import SocialdeckModel

/// A post as the composer hands it over: its text, each platform's own wording where it
/// differs, media (local paths or URLs), the platforms it goes to and when.
public struct PostDraft: Sendable, Equatable {
    /// What happens once it is saved.
    public enum Intent: Sendable, Equatable {
        /// Saved for approval: a draft in the queue, at `scheduledAt` if one is given.
        case forApproval
        /// Approved by its author and put on the calendar: for roles that may publish.
        case schedule
        /// Approved by its author and scheduled for the moment it is saved: the next
        /// publisher pass sends it.
        case publishNow
    }

    public var organizationId: ObjectId?
    public var title: String
    public var text: String
    public var variants: [Platform: String]
    public var platforms: [Platform]
    public var media: [String]
    public var scheduledAt: Date?
    public var intent: Intent

    public init(organizationId: ObjectId? = nil, title: String = "", text: String, variants: [Platform: String] = [:],
                platforms: [Platform], media: [String] = [], scheduledAt: Date? = nil, intent: Intent = .forApproval) {
        self.organizationId = organizationId
        self.title = title
        self.text = text
        self.variants = variants
        self.platforms = platforms
        self.media = media
        self.scheduledAt = scheduledAt
        self.intent = intent
    }

    /// The words `platform` gets.
    public func text(for platform: Platform) -> String { variants[platform] ?? text }

    /// Each target platform's count against its limit, and why the post cannot go there.
    public var checks: [PostCheck] {
        platforms.map { PostCheck(text: text(for: $0), media: media, on: $0) }
    }

    /// A title for lists, on one line without control characters: the one given (up to
    /// 120 characters), or else the text's first line, cut to 60.
    var listTitle: String {
        let given = Self.oneLine(title)
        if !given.isEmpty { return String(given.prefix(120)) }
        let line = Self.oneLine(text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    private static func oneLine(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            out.append(v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 ? " " : scalar)
        }
        return String(out).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Media split as the spec stores it: videos by their extension, the rest images.
    var mediaByKind: (images: [String], videos: [String]) {
        let videoExtensions: Set<String> = ["mp4", "mov", "m4v", "webm"]
        var images: [String] = [], videos: [String] = []
        for reference in media {
            let path = URL(string: reference)?.path ?? reference
            let ext = (path as NSString).pathExtension.lowercased()
            if videoExtensions.contains(ext) { videos.append(reference) } else { images.append(reference) }
        }
        return (images, videos)
    }
}
