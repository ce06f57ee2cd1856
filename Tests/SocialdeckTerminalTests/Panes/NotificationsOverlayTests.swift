import Foundation
import SocialdeckCore
import SocialdeckModel
@testable import SocialdeckTerminal
import SocialdeckViewModels
import Testing

/// The notifications list at fixed sizes, text and style: unread ones marked and bold,
/// the chosen one highlighted, a hostile title and message drawn harmless.
@Suite("Notifications overlay")
struct NotificationsOverlayTests {
    static func notes(now: Date) -> [UserNotification] {
        let rows: [(UserNotification.Kind, String, String, Bool, TimeInterval)] = [
            (.approvalNeeded, "Approval requested: Winter menu launch", "A draft for Instagram, X is waiting in the approval queue.", false, 600),
            (.postFailed, "Facebook did not publish \u{1B}]52;c;ZXZpbA==\u{07}a post", "The token expired\u{1B}[2J. Reconnect the account.", false, 7_200),
            (.ticketReply, "Reply on ticket: Invoice shows the wrong VAT number", "We corrected the VAT number.", true, 86_400 * 2),
        ]
        return rows.enumerated().map { i, row in
            var n = UserNotification()
            n._id = ObjectId(high: 1, low: UInt32(i))
            n.kind = row.0
            n.title = row.1
            n.message = row.2
            n.isRead = row.3
            n.createdAt = now.addingTimeInterval(-row.4)
            return n
        }
    }

    private func render(width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        NotificationsOverlay.render(Self.notes(now: PaneFixture.context.now), unread: 2, selected: 1, in: buffer.bounds, into: &buffer,
                                    context: PaneFixture.context)
        return buffer
    }

    @Test("Golden screen at 80×24")
    func standard() {
        GoldenFile.assertMatches(render(width: 80, height: 24), named: "notifications-80x24")
    }

    @Test("Nothing from the store escapes, and an empty list says what will land there")
    func content() {
        let text = render(width: 80, height: 24).text()
        #expect(text.contains("Notifications · 2 unread") && text.contains("● "))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        var empty = CellBuffer(width: 80, height: 24)
        NotificationsOverlay.render([], unread: 0, selected: 0, in: empty.bounds, into: &empty, context: PaneFixture.context)
        #expect(empty.text().contains("Nothing yet"))
    }
}
