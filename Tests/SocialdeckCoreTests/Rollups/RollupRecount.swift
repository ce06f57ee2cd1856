import Foundation
import Testing
@testable import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckTestSupport

/// The reference the rollup tests hold the stored rollups to: every day of every
/// organization, and of the platform, counted from all the posts at once.
enum RollupRecount {
    static func count(_ store: any DocumentStore) throws -> [RollupKey: DayFigures] {
        var out: [RollupKey: DayFigures] = [:]
        for post in try store.find(CollectionName.content.rawValue, projection: .include(DayFigures.projection)) {
            guard case .objectId(let org)? = post["organizationId"] else { continue }
            for (day, figures) in DayFigures.contributions(of: post) {
                out[RollupKey(organizationId: org, day: day), default: DayFigures()].add(figures)
                out[RollupKey(organizationId: nil, day: day), default: DayFigures()].add(figures)
            }
        }
        return out.filter { !$0.value.isEmpty }
    }

    static func stored(_ store: any DocumentStore) throws -> [RollupKey: RollupRecord] {
        var out: [RollupKey: RollupRecord] = [:]
        for doc in try store.find(CollectionName.analytics.rawValue, .eq("type", AnalyticsType.contentPerformance)) {
            if let record = RollupRecord(doc) { out[record.key] = record }
        }
        return out
    }

    /// Every day with posts has a current rollup equal to the recount, and every other
    /// rollup is current and empty. With `marksAllowed`, a rollup may instead still be
    /// marked (readers count it from the posts), but none is current and wrong.
    /// Returns how many rollups were compared.
    @discardableResult
    static func expectStoredEqualRecount(_ store: any DocumentStore, _ note: String = "", marksAllowed: Bool = false,
                                         sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let expected = try count(store), rollups = try stored(store)
        var wrong: [String] = []
        for (key, figures) in expected.sorted(by: { $0.key < $1.key }) {
            guard let record = rollups[key] else { wrong.append("\(describe(key)): missing"); continue }
            if marksAllowed && !record.state.isCurrent { continue }
            if !record.state.isCurrent { wrong.append("\(describe(key)): not current \(record.state)") }
            if record.figures != figures { wrong.append("\(describe(key)): stored \(summary(record.figures)), counted \(summary(figures))") }
        }
        for (key, record) in rollups where expected[key] == nil && (!record.figures.isEmpty || !record.state.isCurrent) {
            if marksAllowed && !record.state.isCurrent { continue }
            wrong.append("\(describe(key)): stored \(summary(record.figures)) \(record.state), no posts")
        }
        #expect(wrong.isEmpty, "\(note) \(wrong.count) rollups differ from the recount: \(wrong.prefix(5))",
                sourceLocation: sourceLocation)
        return expected.count
    }

    static func describe(_ key: RollupKey) -> String {
        "\(key.organizationId?.hex.suffix(6) ?? "platform") \(ISODate.string(from: key.date).prefix(10))"
    }

    static func summary(_ f: DayFigures) -> String {
        "\(f.slots.values.reduce(0, +)) entries, \(f.platforms.values.reduce(0) { $0 + $1.posts }) published, "
            + "\(f.platforms.values.reduce(0) { $0 + $1.engagement }) engagement, top \(f.top.map(\.title).prefix(2))"
    }
}
