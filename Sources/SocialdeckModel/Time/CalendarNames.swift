import Foundation

extension Calendar {
    /// The Gregorian calendar in `zone`, with weeks from Monday as ISO 8601 and the
    /// calendar pane count them.
    public static func gregorian(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        return calendar
    }

    /// `gregorian(in:)` in UTC, where stored times and billing months are counted.
    public static let utc = gregorian(in: TimeZone(identifier: "UTC")!)
}

/// English names for the dashboard's dates, independent of the process locale so
/// screens read the same on every machine.
public enum CalendarNames {
    /// By `Calendar` weekday number less one: Sunday first.
    public static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    /// By month number less one.
    public static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                    "October", "November", "December"]

    /// `n` with leading zeros to `width` digits ("09"): dates on screen are drawn every
    /// frame, and `String(format:)` costs more than the rest of a row.
    public static func padded(_ n: Int, _ width: Int = 2) -> String {
        let digits = String(n.magnitude), sign = n < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }
}
