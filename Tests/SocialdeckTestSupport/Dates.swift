import Foundation
import SocialdeckModel

/// The moment an ISO 8601 literal names ("2026-11-29", "2026-11-29T10:00:00Z"); a typo
/// in a test's literal stops the test at once.
public func date(_ iso: String) -> Date {
    guard let date = ISODate.date(from: iso) else { fatalError("not an ISO 8601 date: \(iso)") }
    return date
}
