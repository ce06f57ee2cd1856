import Foundation
import SocialdeckCore

/// The analytics pane: a 7, 30 or 90-day range over the latest report.
public struct AnalyticsModel: Sendable {
    public static let ranges = [7, 30, 90]
    public private(set) var rangeDays = 30
    public private(set) var report: AnalyticsReport?
    public private(set) var topIndex = 0

    public init() {}

    public mutating func load(_ report: AnalyticsReport?) {
        self.report = report
        topIndex = min(topIndex, max(0, (report?.topPosts.count ?? 1) - 1))
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
    }

    /// Whether the loaded report covers the chosen range yet.
    public var isCurrent: Bool { report?.days.count == rangeDays }
}
