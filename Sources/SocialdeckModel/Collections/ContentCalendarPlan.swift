import Foundation

/// A calendar plan written by the strategy agent (`content_calendars`).
public struct ContentCalendarPlan: StoredModel, Equatable {
    public static let collection = CollectionName.contentCalendars

    public var _id = ObjectId()
    public var organizationId = ObjectId(high: 0, low: 0)
    public var type = "content_calendar"
    /// Daily entries as the agent produced them.
    public var calendar = Document()
    /// The spec's agent code writes this one field in snake case.
    public var period_days = 30
    public var createdBy = "strategy_agent"
    public var createdAt = Date(timeIntervalSince1970: 0)
    public var status = RecordStatus.active

    public init() {}
}
