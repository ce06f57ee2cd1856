import Foundation
import SocialdeckModel

/// A time typed in the viewer's zone: `09:30` on a given day, or `2026-12-01 09:30`.
/// Wall-clock times, so 09:00 in Berlin is 09:00 whether or not DST is in force.
enum LocalTime {
    static let hint = "a time like 09:30 or 2026-12-01 09:30"

    /// The moment `text` names, on `day` unless it gives a date; nil when it is not a time.
    static func parse(_ text: String, on day: DateComponents, in calendar: Calendar) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        var day = day
        var clock = t
        if t.count >= 10, let ms = ISODate.milliseconds(from: String(t.prefix(10))) {
            let d = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!,
                                                                    from: Date(timeIntervalSince1970: Double(ms) / 1000))
            day.year = d.year
            day.month = d.month
            day.day = d.day
            clock = String(t.dropFirst(10)).trimmingCharacters(in: CharacterSet(charactersIn: " T"))
        }
        let hm = clock.split(separator: ":").compactMap { Int($0) }
        guard hm.count == 2, (0..<24).contains(hm[0]), (0..<60).contains(hm[1]) else { return nil }
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hm[0], minute: hm[1]))
    }
}
