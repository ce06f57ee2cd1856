import Foundation

/// When recurring work comes round, in a person's own time zone: every N days at a
/// time of day, or in weekly slots ("Monday 09:00, Thursday 17:30"). Times are wall-clock
/// times in `timezone`, so a 09:00 Europe/Berlin slot is 09:00 in Berlin on both sides
/// of a daylight-saving change (08:00 UTC in winter, 07:00 in summer).
///
/// A slot that does not exist on a spring-forward day (02:30 in Berlin on the last Sunday
/// of March) runs at the first minute after the gap; on a fall-back day an ambiguous time
/// runs at its first occurrence.
public struct RecurrenceRule: Codable, Sendable, Equatable {
    /// An IANA zone name.
    public var timezone = "UTC"
    /// Every this many days at `time`, counted from `startDay` (yyyy-MM-dd in the zone).
    public var everyDays: Int?
    public var startDay: String?
    public var time = LocalTime(hour: 9, minute: 0)
    /// Weekly slots; used when `everyDays` is nil.
    public var slots: [Slot] = []

    public init() {}

    public struct LocalTime: Codable, Sendable, Equatable, Comparable {
        public var hour: Int
        public var minute: Int
        public init(hour: Int, minute: Int) { self.hour = hour; self.minute = minute }
        /// "09:00" or "9:00"; nil otherwise.
        public init?(parsing text: some StringProtocol) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
                  (0..<24).contains(h), (0..<60).contains(m) else { return nil }
            self.init(hour: h, minute: m)
        }
        public static func < (a: LocalTime, b: LocalTime) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }
        public var text: String { String(format: "%02d:%02d", hour, minute) }
    }

    public struct Slot: Codable, Sendable, Equatable {
        /// ISO weekday: 1 is Monday, 7 is Sunday.
        public var weekday: Int
        public var time: LocalTime
        public init(weekday: Int, time: LocalTime) { self.weekday = weekday; self.time = time }
    }

    public static func every(_ days: Int, at time: LocalTime, from startDay: String, in timezone: String) -> RecurrenceRule {
        var rule = RecurrenceRule()
        rule.everyDays = days
        rule.time = time
        rule.startDay = startDay
        rule.timezone = timezone
        return rule
    }

    public static func weekly(_ slots: [Slot], in timezone: String) -> RecurrenceRule {
        var rule = RecurrenceRule()
        rule.slots = slots
        rule.timezone = timezone
        return rule
    }

    /// Weekly slots written as people write them: "mon 09:00, thu 17:30" (a day's first
    /// three letters, or its full English name, then a 24-hour time); nil if unreadable.
    public static func slots(parsing text: String) -> [Slot]? {
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        var slots: [Slot] = []
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2, let day = days.firstIndex(of: String(words[0].lowercased().prefix(3))),
                  let time = LocalTime(parsing: words[1]) else { return nil }
            slots.append(Slot(weekday: day + 1, time: time))
        }
        return slots.isEmpty ? nil : slots
    }

    /// Why the rule cannot work, or nil.
    public var problem: String? {
        guard TimeZone(identifier: timezone) != nil else { return "unknown time zone \(timezone)" }
        let times = everyDays != nil ? [time] : slots.map(\.time)
        guard times.allSatisfy({ (0..<24).contains($0.hour) && (0..<60).contains($0.minute) }) else { return "a time of day is out of range" }
        if let everyDays {
            guard (1...366).contains(everyDays) else { return "every must be 1 to 366 days" }
            guard startDay.flatMap(day) != nil else { return "the start day must be written yyyy-mm-dd" }
        } else {
            guard !slots.isEmpty else { return "give every N days or at least one weekly slot" }
            guard slots.allSatisfy({ (1...7).contains($0.weekday) }) else { return "weekdays are 1 (Monday) to 7 (Sunday)" }
        }
        return nil
    }

    /// The first run strictly after `date`; nil when the rule cannot work.
    public func next(after date: Date) -> Date? {
        guard problem == nil, let zone = TimeZone(identifier: timezone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let today = calendar.startOfDay(for: date)
        if let everyDays, let start = startDay.flatMap(day) {
            let first = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day))!
            let elapsed = calendar.dateComponents([.day], from: first, to: today).day ?? 0
            var k = max(0, elapsed / everyDays)
            while true {
                let runDay = calendar.date(byAdding: .day, value: k * everyDays, to: first)!
                if let run = at(time, on: runDay, calendar), run > date { return run }
                k += 1
            }
        }
        // Eight days ahead covers every weekday after today's slots have passed.
        for offset in 0...8 {
            let day = calendar.date(byAdding: .day, value: offset, to: today)!
            let weekday = calendar.isoWeekday(of: day)
            let runs = slots.filter { $0.weekday == weekday }.compactMap { at($0.time, on: day, calendar) }.filter { $0 > date }
            if let first = runs.min() { return first }
        }
        return nil
    }

    /// `time` on the local day starting at `day`; a time inside a spring-forward gap moves past it.
    private func at(_ time: LocalTime, on day: Date, _ calendar: Calendar) -> Date? {
        var parts = calendar.dateComponents([.year, .month, .day], from: day)
        parts.hour = time.hour
        parts.minute = time.minute
        return calendar.date(from: parts)
    }

    private func day(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    /// "every 2 days at 09:00 (Europe/Berlin)", "Mon 09:00, Thu 17:30 (Europe/Berlin)".
    public var summary: String {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let when = everyDays.map { $0 == 1 ? "daily at \(time.text)" : "every \($0) days at \(time.text)" }
            ?? slots.sorted { ($0.weekday, $0.time) < ($1.weekday, $1.time) }
                .map { "\(names[($0.weekday - 1) % 7]) \($0.time.text)" }.joined(separator: ", ")
        return "\(when) (\(timezone))"
    }
}

extension Calendar {
    /// The ISO weekday of `date` in this calendar's zone: 1 is Monday, 7 is Sunday.
    public func isoWeekday(of date: Date) -> Int {
        (component(.weekday, from: date) + 5) % 7 + 1
    }
}
