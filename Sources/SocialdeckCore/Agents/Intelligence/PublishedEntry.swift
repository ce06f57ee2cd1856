import Foundation
import SocialdeckModel

/// A post's platform entry as it went out, with the metrics engagement per view is read
/// from: what the intelligence and strategy agents learn from.
struct PublishedEntry {
    let platform: Platform
    let publishedAt: Date
    let views: Double
    let engagement: Double

    var rate: Double { engagement / views }

    /// The entries of a stored post that were published at or after `since` and were seen at least once.
    static func of(_ post: Document, since: Date) -> [PublishedEntry] {
        guard case .array(let entries)? = post["platforms"] else { return [] }
        return entries.compactMap { value in
            guard let e = value.documentValue, e["status"]?.stringValue == PostStatus.published.rawValue,
                  let platform = e["platform"]?.stringValue.flatMap(Platform.init(rawValue:)),
                  let at = e["publishedAt"]?.dateValue, at >= since,
                  let views = e.value(at: "metrics.views")?.doubleValue, views > 0,
                  let engagement = e.value(at: "metrics.engagement")?.doubleValue else { return nil }
            return PublishedEntry(platform: platform, publishedAt: at, views: views, engagement: engagement)
        }
    }
}
