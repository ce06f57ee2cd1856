import SocialdeckCore

/// The revenue pane (staff with `revenue.view` only): the latest report.
public struct RevenueModel: Sendable {
    public private(set) var report: RevenueReport?
    public let forecastMethod = RevenueReport.forecastMethod

    public init() {}

    public mutating func load(_ report: RevenueReport?) { self.report = report }
}
