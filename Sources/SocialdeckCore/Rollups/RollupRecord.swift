import Foundation
import SocialdeckModel

/// A daily content rollup as stored in `analytics`.
struct RollupRecord: Sendable {
    let key: RollupKey
    let state: AnalyticsRecord.RollupState
    let figures: DayFigures

    /// Nil for anything but one of socialdeck's rollups: another type, or a daily
    /// record of an older store, whose id is not the one its key derives.
    init?(_ document: Document) {
        guard let record = try? DocumentDecoder().decode(AnalyticsRecord.self, from: document),
              record.type == .contentPerformance, record.aggregation == .daily, let state = record.rollup else { return nil }
        let key = RollupKey(organizationId: record.organizationId, day: RollupKey.day(of: record.date))
        guard key.documentId == record._id else { return nil }
        self.key = key
        self.state = state
        figures = DayFigures(record)
    }

    /// A new rollup, current, holding `figures`.
    static func document(_ key: RollupKey, figures: DayFigures, createdAt: Date) throws -> Document {
        var record = AnalyticsRecord()
        record._id = key.documentId
        record.organizationId = key.organizationId
        record.type = .contentPerformance
        record.aggregation = .daily
        record.date = key.date
        record.createdAt = createdAt
        figures.write(to: &record)
        record.rollup = AnalyticsRecord.RollupState()
        return try DocumentEncoder().encode(record)
    }

    /// The fields that hold `figures`, to set on a stored rollup.
    static func fields(of figures: DayFigures) throws -> [Document.Field] {
        var record = AnalyticsRecord()
        figures.write(to: &record)
        let doc = try DocumentEncoder().encode(record)
        return ["metrics", "calendarSlots", "topPosts"].map { Document.Field($0, doc[$0] ?? .null) }
    }
}
