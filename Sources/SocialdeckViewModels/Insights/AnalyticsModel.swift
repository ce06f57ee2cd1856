import Foundation
import SocialdeckCore
import SocialdeckModel

/// The analytics pane: a 7, 30 or 90-day range over the latest report.
public struct AnalyticsModel: Sendable {
    public static let ranges = [7, 30, 90]
    public private(set) var rangeDays = 30
    public private(set) var report: AnalyticsReport?
    public private(set) var topIndex = 0
    /// The top post opened whole (Enter), read by the next snapshot; Esc closes it.
    public private(set) var openPostId: ObjectId?
    /// The opened post once read; nil while it loads, or when `openPostGone`.
    public private(set) var openPost: PostDetail?
    public private(set) var openPostGone = false

    public init() {}

    /// A new report. The top-posts cursor stays on its post wherever it now ranks; when
    /// the post dropped out of a report for the same range, it moves to a neighbour and
    /// the returned message says so (a new range is a new list, and says nothing, as
    /// does a list read for another scope: `announce` false).
    @discardableResult
    public mutating func load(_ report: AnalyticsReport?, announce: Bool = true) -> String? {
        let old = self.report?.topPosts ?? []
        let was = old.indices.contains(topIndex) ? old[topIndex] : nil
        let sameRange = self.report?.days.count == report?.days.count
        self.report = report
        let now = report?.topPosts ?? []
        let outcome = ListSelection.follow(was?.id, in: old.map(\.id), to: now.map(\.id), fallback: topIndex)
        topIndex = outcome.index
        guard outcome.left, sameRange, announce, let was else { return nil }
        let next = now.indices.contains(topIndex) ? "now on " + PostDeparture.quoted(now[topIndex].title) : "no top posts"
        return "\(PostDeparture.quoted(was.title)) is no longer among the top posts; \(next)"
    }

    /// One range longer (positive) or shorter (negative) among 7, 30 and 90 days,
    /// stopping at either end; the next snapshot asks for the new range.
    public mutating func stepRange(_ direction: Int) {
        let index = Self.ranges.firstIndex(of: rangeDays) ?? 1
        rangeDays = Self.ranges[max(0, min(Self.ranges.count - 1, index + direction.signum()))]
    }

    public mutating func setRange(_ days: Int) {
        if Self.ranges.contains(days) { rangeDays = days }
    }

    public mutating func moveTop(_ delta: Int) {
        topIndex = max(0, min(topIndex + delta, (report?.topPosts.count ?? 1) - 1))
        if openPostId != nil { openSelected() }
    }

    public mutating func firstTop() { moveTop(-topIndex) }
    public mutating func lastTop() { moveTop(report?.topPosts.count ?? 0) }

    /// Opens the highlighted top post whole; while one is open, moving opens the next.
    public mutating func openSelected() {
        guard let posts = report?.topPosts, posts.indices.contains(topIndex) else { return }
        guard openPostId != posts[topIndex].id else { return }
        openPostId = posts[topIndex].id
        openPost = nil
        openPostGone = false
    }

    public mutating func closePost() {
        openPostId = nil
        openPost = nil
        openPostGone = false
    }

    /// The snapshot's opened post, when it was read for the one open now.
    public mutating func loadPost(_ post: PostDetail?, requested: ObjectId?) {
        guard let requested, requested == openPostId else { return }
        openPost = post
        openPostGone = post == nil
    }

    /// Whether the loaded report covers the chosen range yet.
    public var isCurrent: Bool { report?.days.count == rangeDays }
}
