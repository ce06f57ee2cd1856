import Foundation
import Testing
import SocialdeckCore
import SocialdeckModel
import SocialdeckStorage
import SocialdeckViewModels
@testable import SocialdeckTerminal

/// Notifications from the terminal (issue #14): the unread count in the header, `!`
/// opens the list, Enter marks one read, `d` deletes, `a` marks all read, `:notify`
/// chooses what arrives by email; each reaches the store.
@Suite("App flows in-process: notifications")
struct NotificationsFlowTests {
    @Test func theHeaderCountsAndTheListMarksReadAndDeletes() throws {
        let app = try AppHarness(width: 120, height: 36)
        try app.signIn()
        app.refresh()
        let manager = try #require(try ModelCollection(app.store, User.self).first(.eq("email", "manager@acme.example")))
        let unread = try app.store.count(UserNotification.collection.rawValue, .eq("userId", manager._id) && .eq("isRead", false))
        #expect(unread > 0 && app.screen.contains("✉ \(unread)"))

        try app.press("!")
        #expect(app.screen.contains("Notifications · \(unread) unread"))
        let newest = try #require(try app.dashboard().notifications.first)
        #expect(app.screen.contains(String(newest.title.prefix(30))))
        let firstUnread = try #require(try app.dashboard().notifications.firstIndex { !$0.isRead })
        for _ in 0..<firstUnread { try app.press("j") }
        try app.press("enter")
        app.refresh()
        let marked = try app.dashboard().notifications[firstUnread]
        #expect(try ModelCollection(app.store, UserNotification.self).get(marked._id)?.isRead == true)
        #expect(app.screen.contains(unread == 1 ? "Notifications" : "\(unread - 1) unread"))

        try app.press("d")
        app.refresh()
        #expect(try ModelCollection(app.store, UserNotification.self).get(marked._id) == nil, "deleted (soft)")
        try app.press("a")
        app.refresh()
        #expect(try app.store.count(UserNotification.collection.rawValue, .eq("userId", manager._id) && .eq("isRead", false)) == 0)
        try app.press("escape")
        #expect(!app.screen.contains("✉"), "nothing unread, no count")

        try app.press(":")
        app.type("notify failed reply")
        try app.press("enter")
        app.refresh()
        let stored = try #require(try ModelCollection(app.store, User.self).get(manager._id))
        #expect(stored.preferences?.notifications.emailKinds == [.postFailed, .ticketReply])
        #expect(app.screen.contains("by email: post failed or needs checking, ticket reply"))
    }
}
