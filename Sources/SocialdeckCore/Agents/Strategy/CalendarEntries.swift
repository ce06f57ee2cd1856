import Foundation
import SocialdeckModel

/// The entries of a planned content calendar, as checked from the model's answer: each
/// on one of the planned days, at a real wall-clock time in the organization's zone
/// (converted to an instant, so a slot in a clock change's gap moves past it), on a
/// platform the cadence names.
struct CalendarEntries {
    struct Entry: Equatable {
        var date: String
        var time: String
        var platform: Platform
        var pillar: String
        var topic: String
        var at: Date

        var document: Document {
            ["date": .string(date), "time": .string(time), "platform": .string(platform.rawValue), "pillar": .string(pillar),
             "topic": .string(topic), "at": .date(at)]
        }
    }

    static func checked(_ answer: LLMClient.Answer, brief: CalendarBrief, zone: TimeZone) throws -> [Entry] {
        let days = Set(brief.dates)
        let platforms = Set(brief.cadence.map(\.platform))
        var entries: [Entry] = []
        var dropped = 0
        for item in (ModelTask.object(answer)["entries"] as? [[String: Any]]) ?? [] {
            guard let date = item["date"] as? String, days.contains(date), let time = item["time"] as? String,
                  let platform = (item["platform"] as? String).flatMap(Platform.init(rawValue:)), platforms.contains(platform.rawValue),
                  let topic = ModelTask.clean(item["topic"], limit: 200), let at = instant(date, time, in: zone) else {
                dropped += 1
                continue
            }
            entries.append(Entry(date: date, time: time, platform: platform, pillar: ModelTask.clean(item["pillar"], limit: 80) ?? "",
                                 topic: topic, at: at))
        }
        guard !entries.isEmpty else { throw CoreError.invalid("the plan has no entry on the planned days and platforms (\(dropped) left out)") }
        return entries.sorted { ($0.at, $0.platform.rawValue) < ($1.at, $1.platform.rawValue) }
    }

    /// "YYYY-MM-DD" of `date` in `zone`.
    static func day(_ date: Date, in zone: TimeZone) -> String {
        let c = Calendar.gregorian(in: zone).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// The instant of a wall-clock date and "HH:MM" in `zone`.
    static func instant(_ date: String, _ time: String, in zone: TimeZone) -> Date? {
        let d = date.split(separator: "-").compactMap { Int($0) }, t = time.split(separator: ":").compactMap { Int($0) }
        guard d.count == 3, t.count == 2, (0..<24).contains(t[0]), (0..<60).contains(t[1]) else { return nil }
        return Calendar.gregorian(in: zone).date(from: DateComponents(year: d[0], month: d[1], day: d[2], hour: t[0], minute: t[1]))
    }
}
