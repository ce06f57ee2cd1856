public import Foundation
public import SocialdeckModel

/// How panes write numbers, money, durations and times: short, and the same in every
/// locale, so screens stay comparable and golden tests stable.
///
/// Every function accepts any `Double`, including NaN and infinities (drawn "–"), and
/// never traps on huge values.
public enum Figures {
    /// The stand-in for a number that cannot be shown.
    public static let unknown = "–"

    /// "12", "3.5", "1.2k", "12k", "340k", "1.2M", "3B".
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return unknown }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        if magnitude < 999.5 {
            let whole = magnitude.rounded()
            if magnitude >= 100 || abs(magnitude - whole) < 0.05 { return sign + String(format: "%.0f", whole) }
            return sign + trimmed(String(format: "%.1f", magnitude))
        }
        if magnitude >= 999.5e12 { return String(format: "%.1e", value) }
        let units: [(scale: Double, suffix: String)] = [(1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")]
        for (index, unit) in units.enumerated() {
            let scaled = magnitude / unit.scale
            guard scaled < 999.5 || index == units.count - 1 else { continue }
            let text = scaled < 99.95 ? trimmed(String(format: "%.1f", scaled)) : String(format: "%.0f", scaled)
            return sign + text + unit.suffix
        }
        return unknown
    }

    /// Whole dollars with thousands separators below a million ("$12,345"), then one
    /// decimal with a suffix ("$1.2M", "$3.4B").
    public static func money(_ value: Double) -> String {
        guard value.isFinite else { return unknown }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        if magnitude < 999_999.5 { return sign + "$" + grouped(String(format: "%.0f", magnitude)) }
        if magnitude >= 999.95e12 { return sign + "$" + String(format: "%.1e", magnitude) }
        let units: [(scale: Double, suffix: String)] = [(1e6, "M"), (1e9, "B"), (1e12, "T")]
        for (index, unit) in units.enumerated() {
            let scaled = magnitude / unit.scale
            guard scaled < 999.95 || index == units.count - 1 else { continue }
            return sign + "$" + String(format: "%.1f", scaled) + unit.suffix
        }
        return unknown
    }

    /// Dollars and cents with thousands separators: "$12.34", "$1,234.50".
    public static func dollars(_ value: Double) -> String {
        guard value.isFinite else { return unknown }
        let sign = value < 0 ? "-" : ""
        guard abs(value) < 1e15 else { return money(value) }
        let text = String(format: "%.2f", abs(value))
        guard let dot = text.firstIndex(of: ".") else { return sign + "$" + text }
        return sign + "$" + grouped(String(text[..<dot])) + text[dot...]
    }

    /// A whole number with thousands separators: "12,345".
    public static func integer(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(String(value.magnitude))
    }

    /// A count held as a `Double`, rounded, with thousands separators; huge values compact.
    public static func integer(_ value: Double) -> String {
        guard value.isFinite else { return unknown }
        guard abs(value) < 1e15 else { return compact(value) }
        return (value.rounded() < 0 ? "-" : "") + grouped(String(format: "%.0f", abs(value)))
    }

    /// A fraction as a percentage: 0.0341 → "3.4%".
    public static func percent(_ fraction: Double, digits: Int = 1) -> String {
        guard fraction.isFinite else { return unknown }
        return String(format: "%.\(max(0, min(digits, 6)))f%%", fraction * 100)
    }

    /// Milliseconds as "850 ms", "1.2 s", "2.5 min" or "1.3 h".
    public static func duration(milliseconds ms: Double) -> String {
        guard ms.isFinite, ms >= 0 else { return unknown }
        if ms < 999.5 { return String(format: "%.0f ms", ms) }
        if ms < 59_950 { return String(format: "%.1f s", ms / 1000) }
        if ms < 3_597_000 { return String(format: "%.1f min", ms / 60_000) }
        return String(format: "%.1f h", min(ms / 3_600_000, 1e9))
    }

    /// How long before `now` a moment was: "just now", "3 min ago", "5 h ago", "12 d ago";
    /// moments after `now` read "in 3 min".
    public static func relative(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        guard seconds.isFinite else { return unknown }
        let span = min(abs(seconds), 1e12)
        let amount: String
        switch span {
        case ..<60: return "just now"
        case ..<3600: amount = "\(Int(span / 60)) min"
        case ..<86_400: amount = "\(Int(span / 3600)) h"
        default: amount = "\(Int(span / 86_400)) d"
        }
        return seconds >= 0 ? amount + " ago" : "in " + amount
    }

    /// "29 Nov": a report's day, which is a UTC day whatever the viewer's zone.
    public static func day(_ date: Date) -> String {
        let parts = utc.dateComponents([.day, .month], from: date)
        return "\(parts.day ?? 0) \(monthName(parts.month))"
    }

    /// "Nov 2026": a report's month, which is a UTC month.
    public static func month(_ date: Date) -> String {
        let parts = utc.dateComponents([.year, .month], from: date)
        return "\(monthName(parts.month)) \(parts.year ?? 0)"
    }

    private static let utc = Calendar.utc

    private static func monthName(_ month: Int?) -> String {
        CalendarNames.months[max(0, min(11, (month ?? 1) - 1))]
    }

    /// "1,234,567" from "1234567".
    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }

    /// "12.0" → "12"; "12.5" stays.
    private static func trimmed(_ text: String) -> String {
        text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
