import Foundation
import SocialdeckModel
import Testing

@Suite("Calendar names")
struct CalendarNamesTests {
    @Test func paddedNumbersMatchPrintfZeroPadding() {
        for (n, width) in [(0, 2), (7, 2), (10, 2), (123, 2), (5, 4), (2026, 4), (-3, 2), (-42, 4)] {
            #expect(CalendarNames.padded(n, width) == String(format: "%0\(width)d", n), "\(n) to \(width)")
        }
    }
}
